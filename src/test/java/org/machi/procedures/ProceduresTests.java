package org.machi.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.machi.shared.SiteLanguage;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The catalog seeded at first start, read through the module's facade, and found by the words residents type. */
@MachiWebTest
class ProceduresTests {

    @Autowired
    Procedures procedures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCatalogIsSeededWithEveryProcedureInAllNineLanguages() {
        List<ProcedureView> japanese = procedures.all(SiteLanguage.JA);
        assertThat(japanese).hasSizeGreaterThanOrEqualTo(15);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM procedures.procedure_text").query(Integer.class).single())
                .isEqualTo(japanese.size() * SiteLanguage.values().length);
        for (SiteLanguage language : SiteLanguage.values()) {
            assertThat(procedures.all(language)).allSatisfy(p -> {
                assertThat(p.language()).isEqualTo(language);
                assertThat(p.department().name()).isNotBlank();
            });
        }
        EnumSet<LifeEvent> covered = EnumSet.noneOf(LifeEvent.class);
        japanese.forEach(p -> covered.addAll(p.lifeEvents()));
        assertThat(covered).as("every life event has its procedures").containsExactlyInAnyOrder(LifeEvent.values());
        assertThat(procedures.find("inkan-shomei", SiteLanguage.EN)).hasValueSatisfying(p -> {
            assertThat(p.channel()).isEqualTo(Channel.COUNTER_ONLY);
            assertThat(p.counterOnlyReason()).contains("seal registration card");
            assertThat(p.fee()).isEqualTo(new Fee(Fee.Kind.FIXED, 300));
        });
        assertThat(procedures.find("juminhyo", SiteLanguage.JA)).hasValueSatisfying(p ->
                assertThat(p.assurance()).isEqualTo(org.machi.identity.Assurance.CARD_VERIFIED));
    }

    @Test
    void juminhyoIsFoundFromItsReadingInEveryKanaAndFromItsFullName() {
        for (String typed : List.of("じゅうみんひょう", "ジュウミンヒョウ", "ｼﾞｭｳﾐﾝﾋｮｳ", "じゅーみんひょー", "住民票", "住民票の写し", " 住民票　写し ")) {
            assertThat(slugs(procedures.search(typed, SiteLanguage.JA))).as(typed).contains("juminhyo");
        }
        assertThat(slugs(procedures.search("住民票の写し", SiteLanguage.JA))).as("only what holds every word").containsExactly("juminhyo");
        assertThat(slugs(procedures.search("いぬ", SiteLanguage.JA_EASY))).containsExactly("inu-toroku");
        assertThat(slugs(procedures.search("そだいごみ", SiteLanguage.JA))).containsExactly("sodai-gomi");
        assertThat(slugs(procedures.search("犬 住民票", SiteLanguage.JA))).isEmpty();
    }

    @Test
    void otherLanguagesSearchTheirOwnTitles() {
        assertThat(slugs(procedures.search("residence", SiteLanguage.EN))).contains("juminhyo").doesNotContain("inu-toroku");
        assertThat(slugs(procedures.search("ＤＯＧ", SiteLanguage.EN))).containsExactly("inu-toroku");
        assertThat(slugs(procedures.search("perros", SiteLanguage.ES))).containsExactly("inu-toroku");
        assertThat(slugs(procedures.search("住民票", SiteLanguage.VI))).as("Japanese words work in every language").contains("juminhyo");
        assertThat(slugs(procedures.search("", SiteLanguage.KO))).hasSameSizeAs(procedures.all(SiteLanguage.KO));
    }

    private static List<String> slugs(List<ProcedureView> views) {
        return views.stream().map(ProcedureView::slug).toList();
    }
}
