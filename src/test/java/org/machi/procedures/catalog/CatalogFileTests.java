package org.machi.procedures.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.machi.procedures.Channel;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.machi.testing.CityProfiles;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/** The seed file is a complete catalog: the procedures the city must offer, each with every text in all nine languages. */
class CatalogFileTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static CatalogFile seed() throws Exception {
        try (InputStream in = new ClassPathResource(CatalogFile.RESOURCE).getInputStream()) {
            return JSON.readValue(in, CatalogFile.class);
        }
    }

    /** The departments of the default city profile, which the seed file's procedures name. */
    static Set<String> departments() {
        return CityProfiles.atsugi().departments().stream().map(CityProfile.Department::code).collect(Collectors.toSet());
    }

    @Test
    void theSeedFileIsCompleteInEveryLanguage() throws Exception {
        CatalogFile file = seed();
        assertThat(file.problems(departments())).isEmpty();
        assertThat(file.procedures()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(file.procedures()).extracting(CatalogFile.ProcedureSeed::slug).contains("juminhyo", "tenshutsu", "tennyu-yoyaku",
                "jido-teate", "hoikusho", "risai", "inu-toroku", "sodai-gomi", "kazei-shomei", "inkan-shomei", "okuyami", "kyufukin");
        for (CatalogFile.ProcedureSeed procedure : file.procedures()) {
            assertThat(procedure.texts().keySet()).as(procedure.slug())
                    .containsExactlyInAnyOrder(java.util.Arrays.stream(SiteLanguage.values()).map(SiteLanguage::code).toArray(String[]::new));
        }
    }

    @Test
    void theSealCertificateIsCounterOnlyAndSaysWhy() throws Exception {
        CatalogFile.ProcedureSeed seal = seed().procedures().stream().filter(p -> p.slug().equals("inkan-shomei")).findFirst().orElseThrow();
        assertThat(seal.channel()).isEqualTo(Channel.COUNTER_ONLY);
        assertThat(seal.assurance()).isNull();
        seal.texts().values().forEach(text -> assertThat(text.counterOnlyReason()).isNotBlank());
    }

    @Test
    void aMissingTranslationOrNoteIsAProblem() throws Exception {
        CatalogFile file = seed();
        CatalogFile.ProcedureSeed first = file.procedures().get(0);
        Map<String, ProcedureText> texts = new HashMap<>(first.texts());
        texts.remove("tl");
        ProcedureText korean = texts.get("ko");
        texts.put("ko", new ProcedureText(korean.title(), " ", korean.whoMayApply(), korean.proxies(), korean.documents(),
                null, korean.processingNote(), korean.counterOnlyReason()));
        ProcedureText english = texts.get("en");
        texts.put("en", new ProcedureText(english.title(), english.summary(), english.whoMayApply(), english.proxies(),
                english.documents().subList(0, 1), english.feeNote(), english.processingNote(), english.counterOnlyReason()));
        CatalogFile broken = new CatalogFile(List.of(new CatalogFile.ProcedureSeed(first.slug(), first.department(),
                first.lifeEvents(), first.reading(), first.keywords(), first.feeKind(), first.feeYen(), first.targetDays(),
                first.channel(), first.assurance(), first.related(), texts)));
        assertThat(broken.problems(departments())).containsExactlyInAnyOrder(
                "procedure juminhyo in ko: a required text is empty",
                "procedure juminhyo in ko: a note is there in one of Japanese and this language only",
                "procedure juminhyo in en: documents differ in number from the Japanese or are empty",
                "procedure juminhyo in tl: missing");
    }

    @Test
    void aProcedureOfADepartmentTheCityProfileLacksIsAProblem() throws Exception {
        CatalogFile file = seed();
        CatalogFile.ProcedureSeed first = file.procedures().get(0);
        CatalogFile orphan = new CatalogFile(List.of(new CatalogFile.ProcedureSeed(first.slug(), "kokuho", first.lifeEvents(),
                first.reading(), first.keywords(), first.feeKind(), first.feeYen(), first.targetDays(), first.channel(),
                first.assurance(), first.related(), first.texts())));
        assertThat(orphan.problems(departments())).containsExactly("procedure juminhyo: unknown department kokuho");
    }
}
