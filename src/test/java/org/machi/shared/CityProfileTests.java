package org.machi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.machi.testing.CityProfiles;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class CityProfileTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(ProfileOnly.class);

    @Test
    void atsugiIsTheDefaultProfile() {
        runner.withInitializer(context -> {
            try {
                new YamlPropertySourceLoader().load("atsugi", new ClassPathResource("city/atsugi.yml"))
                        .forEach(context.getEnvironment().getPropertySources()::addFirst);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).run(context -> {
            assertThat(context).hasNotFailed();
            CityProfile city = context.getBean(CityProfile.class);
            assertThat(city.code()).isEqualTo("142123");
            assertThat(city.name(SiteLanguage.JA)).isEqualTo("厚木市");
            assertThat(city.name(SiteLanguage.EN)).isEqualTo("Atsugi City");
            assertThat(city.name(SiteLanguage.ZH_CN)).isEqualTo("厚木市");
            assertThat(city.name(SiteLanguage.PT_BR)).isEqualTo("Cidade de Atsugi");
            assertThat(city.timeZone().getId()).isEqualTo("Asia/Tokyo");
            assertThat(city.districts()).hasSize(15);
            assertThat(city.departments()).hasSize(9);
            assertThat(city.district("ogino")).get()
                    .satisfies(d -> {
                        assertThat(d.name()).isEqualTo("荻野地区");
                        assertThat(d.kana()).isEqualTo("おぎのちく");
                        assertThat(d.displayName(SiteLanguage.EN)).isEqualTo("Ogino");
                        assertThat(d.displayName(SiteLanguage.JA_EASY)).isEqualTo("荻野地区");
                        assertThat(d.displayName(SiteLanguage.ZH_CN)).isEqualTo("荻野地区");
                        assertThat(d.displayName(SiteLanguage.KO)).isEqualTo("오기노 지구");
                        assertThat(city.districtGeocode(d)).isEqualTo("142123-08");
                        assertThat(d.boundary().approximate()).isTrue();
                    });
            assertThat(city.outline().approximate()).isTrue();
            assertThat(city.reviewHorizon()).hasHours(24);
        });
    }

    @Test
    void atsugisDepartmentsAreNamedInEveryLanguageWithTheirCounterAndPhone() {
        CityProfile city = CityProfiles.atsugi();
        assertThat(city.departments()).extracting(CityProfile.Department::code).containsExactly("shimin", "shiminzei",
                "kosodate-kyufu", "hoiku", "kaigo", "seikatsu-kankyo", "kankyo-center", "kyufukin", "kiki-kanri");
        for (CityProfile.Department department : city.departments()) {
            assertThat(department.texts().keySet()).as(department.code()).map(key -> SiteLanguage.fromCode(key).orElseThrow())
                    .containsExactlyInAnyOrder(SiteLanguage.values());
            department.texts().values().forEach(text -> assertThat(text.name()).isNotBlank());
            department.texts().values().forEach(text -> assertThat(text.counter()).isNotBlank());
            assertThat(department.phone()).matches(CityProfile.DOMESTIC_PHONE);
        }
        assertThat(city.departments()).extracting(d -> d.name(SiteLanguage.JA)).containsExactly("市民課", "市民税課", "子育て給付課",
                "保育課", "介護福祉課", "生活環境課", "環境センター（環境事業課）", "給付金の担当窓口", "危機管理課");
        assertThat(city.department("kiki-kanri")).get().satisfies(d -> {
            assertThat(d.phone()).isEqualTo("046-223-1511");
            assertThat(d.counter(SiteLanguage.JA)).startsWith("市役所本庁舎");
            assertThat(d.name(SiteLanguage.EN)).isEqualTo("Crisis Management Division (危機管理課)");
            assertThat(d.name(SiteLanguage.JA_EASY)).isEqualTo("ききかんりか");
            assertThat(d.name(SiteLanguage.KO)).isEqualTo("위기관리과 (危機管理課)");
        });
        assertThat(city.department("危機管理課")).as("a code, not a name").isEmpty();
        assertThat(city.departmentRecordedAs("危機管理課")).as("a name recorded before departments had codes")
                .map(CityProfile.Department::code).hasValue("kiki-kanri");
        assertThat(city.departmentRecordedAs(" hoiku ")).map(CityProfile.Department::code).hasValue("hoiku");
        assertThat(city.departmentRecordedAs("広報課")).isEmpty();
        assertThat(city.departmentRecordedAs(null)).isEmpty();
    }

    @Test
    void aDepartmentNeedsAUniqueCodeAPhoneAndJapaneseAndEnglish() {
        runner.withPropertyValues(minimalCity("machi.city.name.ja=サンプル市", "machi.city.name.en=Sample City",
                "machi.city.departments[0].code=shimin", "machi.city.departments[0].phone=000-000-0000",
                "machi.city.departments[0].texts.ja.name=市民課", "machi.city.departments[0].texts.ja.counter=本庁舎",
                "machi.city.departments[0].texts.en.name=Citizens Division", "machi.city.departments[0].texts.en.counter=City Hall",
                "machi.city.departments[1].code=shimin", "machi.city.departments[1].phone=0000",
                "machi.city.departments[1].texts.ja.name=市民税課", "machi.city.departments[1].texts.ja.counter=本庁舎"))
                .run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("department codes and Japanese names must be unique")
                    .hasMessageContaining("machi.city.departments[1].phone")
                    .hasMessageContaining("needs texts in at least 'ja' and 'en'");
        });
        runner.withPropertyValues(minimalCity("machi.city.name.ja=サンプル市", "machi.city.name.en=Sample City")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(CityProfile.class).departments()).as("a city may list none").isEmpty();
        });
    }

    @Test
    void anotherCityNeedsNoCode() {
        runner.withPropertyValues(minimalCity("machi.city.name.ja=サンプル市", "machi.city.name.en=Sample City")).run(context -> {
            assertThat(context).hasNotFailed();
            CityProfile city = context.getBean(CityProfile.class);
            assertThat(city.name(SiteLanguage.KO)).as("falls back to English").isEqualTo("Sample City");
            assertThat(city.name(SiteLanguage.JA_EASY)).as("falls back to Japanese").isEqualTo("サンプル市");
            assertThat(city.mailSenderName()).as("mail comes from the city by name").isEqualTo("サンプル市");
            assertThat(city.mailSenderAddress()).isEqualTo("no-reply@city.example");
        });
    }

    @Test
    void aBrokenProfileStopsTheStartNamingTheProperty() {
        runner.withPropertyValues(minimalCity("machi.city.name.ja=サンプル市", "machi.city.name.en=Sample City",
                "machi.city.districts[0].kana=kita", "machi.city.districts[0].hangul=きた")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("machi.city.districts[0].kana")
                    .hasMessageContaining("hiragana").hasMessageContaining("machi.city.districts[0].hangul")
                    .hasMessageContaining("Hangul");
        });
    }

    @Test
    void duplicateDistrictsAndUnknownLanguagesAreRefused() {
        runner.withPropertyValues(minimalCity("machi.city.name.ja=サンプル市", "machi.city.name.en=Sample City",
                "machi.city.name.fr=Ville", "machi.city.districts[1].code=kita", "machi.city.districts[1].name=北地区",
                "machi.city.districts[1].kana=きたちく", "machi.city.districts[1].hangul=기타 지구", "machi.city.districts[1].romaji=Kita",
                "machi.city.districts[1].centre.latitude=35", "machi.city.districts[1].centre.longitude=139",
                "machi.city.districts[1].number=01", "machi.city.districts[1].boundary.polygon=35.0,139.0 35.1,139.0 35.1,139.1 35.0,139.0"))
                .run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("district codes, numbers and names must be unique")
                    .hasMessageContaining("language keys must be among");
        });
    }

    @Test
    void aDistrictsBoundaryMustBeAClosedRing() {
        runner.withPropertyValues(minimalCity("machi.city.name.ja=サンプル市", "machi.city.name.en=Sample City",
                "machi.city.districts[0].boundary.polygon=35.0,139.0 35.2,139.0 35.2,139.2", "machi.city.review-horizon=0s")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("machi.city.districts[0].boundary")
                    .hasMessageContaining("the first repeated last").hasMessageContaining("review-horizon");
        });
    }

    @Test
    void aDistrictsCodeForOtherSystemsIsTheCitysCodeAndItsNumber() {
        runner.withPropertyValues(minimalCity("machi.city.name.ja=サンプル市", "machi.city.name.en=Sample City")).run(context -> {
            CityProfile city = context.getBean(CityProfile.class);
            assertThat(city.districtGeocode(city.districts().get(0))).isEqualTo("999999-01");
            assertThat(city.reviewHorizon()).hasHours(24);
        });
    }

    @Test
    void coordinatesOutsideTheGlobeAreRefused() {
        runner.withPropertyValues(minimalCity("machi.city.name.ja=サンプル市", "machi.city.name.en=Sample City",
                "machi.city.centre.latitude=135.4")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("machi.city.centre.latitude");
        });
    }

    private static String[] minimalCity(String... overrides) {
        var values = new java.util.ArrayList<>(java.util.List.of(
                "machi.city.code=999999",
                "machi.city.kana=さんぷるし",
                "machi.city.prefecture.ja=サンプル県",
                "machi.city.prefecture.en=Sample Prefecture",
                "machi.city.website=https://city.example/",
                "machi.city.phone=000-000-0000",
                "machi.city.postal-address.ja=サンプル市1-1",
                "machi.city.postal-address.en=1-1 Sample",
                "machi.city.time-zone=Asia/Tokyo",
                "machi.city.centre.latitude=35.0",
                "machi.city.centre.longitude=139.0",
                "machi.city.districts[0].code=kita",
                "machi.city.districts[0].name=北地区",
                "machi.city.districts[0].kana=きたちく",
                "machi.city.districts[0].hangul=기타 지구",
                "machi.city.districts[0].romaji=Kita",
                "machi.city.districts[0].centre.latitude=35.1",
                "machi.city.districts[0].centre.longitude=139.1",
                "machi.city.districts[0].number=01",
                "machi.city.districts[0].boundary.polygon=35.0,139.0 35.2,139.0 35.2,139.2 35.0,139.0",
                "machi.city.districts[0].boundary.approximate=true",
                "machi.city.outline.polygon=35.0,139.0 35.2,139.0 35.2,139.2 35.0,139.0",
                "machi.city.review-horizon=24h"));
        values.addAll(java.util.List.of(overrides));
        return values.toArray(String[]::new);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CityProfile.class)
    static class ProfileOnly {
    }
}
