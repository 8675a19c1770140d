package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.AlertText;
import org.machi.alerts.domain.NoticeCategory;
import org.machi.alerts.domain.NoticeText;
import org.machi.alerts.publishing.AlertDesk;
import org.machi.alerts.publishing.AlertTemplates;
import org.machi.alerts.publishing.NoticeDesk;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Lists, places, names and dates as a reader of each language expects them. */
@MachiWebTest
class AlertTextsTests {

    private static final Instant TUESDAY = Instant.parse("2026-12-01T07:50:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    AlertTemplates templates;

    @Autowired
    AlertDesk desk;

    @Autowired
    NoticeDesk notices;

    @Autowired
    CityProfile city;

    @Autowired
    Clock clock;

    @Test
    void sheltersAreListedInASentenceNotOnLines() throws Exception {
        String shelters = "厚木小学校\n 厚木中学校 \n\n";
        assertThat(templates.fill(AlertKind.EVACUATION_ORDER, SiteLanguage.JA, Set.of("ogino"), shelters, TUESDAY).instruction())
                .contains("開設した避難所：厚木小学校、厚木中学校。");
        assertThat(templates.fill(AlertKind.EVACUATION_ORDER, SiteLanguage.EN, Set.of("ogino"), shelters, TUESDAY).instruction())
                .contains("厚木小学校, 厚木中学校");
        UUID id = publish(AlertKind.SHELTER_OPENING, Set.of("ogino"), shelters);
        Document page = page(mvc.perform(get("/alerts/" + id).param("lang", "ja")).andReturn());
        assertThat(page.select("dd.shelters").text()).isEqualTo("厚木小学校、厚木中学校");
    }

    @Test
    void aWholeCityAlertSaysSoInsteadOfListingEveryDistrict() throws Exception {
        Set<String> all = city.districts().stream().map(CityProfile.District::code).collect(Collectors.toSet());
        UUID id = publish(AlertKind.WATER_OUTAGE, all, "");
        Map<String, String> wholeCity = Map.of("ja", "市内全域", "en", "the whole city", "ko", "시내 전역");
        for (var words : wholeCity.entrySet()) {
            assertThat(read(get("/alerts/" + id), words.getKey()).select("dd.districts").text()).as(words.getKey())
                    .isEqualTo(words.getValue());
        }
        assertThat(read(get("/alerts/" + publish(AlertKind.WATER_OUTAGE, Set.of("ogino"), "")), "en").select("dd.districts").text())
                .isEqualTo("Ogino");

        Document cap = Jsoup.parse(mvc.perform(get("/alerts/" + id + "/cap.xml")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8), Parser.xmlParser());
        for (Element info : cap.select("info")) {
            assertThat(info.select("area")).as("one area for the whole city").hasSize(1);
            assertThat(info.select("area > geocode:has(valueName:matchesOwn(^地区コード$))")).as("which still names every district")
                    .hasSize(all.size());
            assertThat(info.select("area > geocode:has(valueName:matchesOwn(^全国地方公共団体コード$)) value").text()).isEqualTo("142123");
        }
        assertThat(cap.select("info:has(language:matchesOwn(^ja$)) areaDesc").text()).isEqualTo("市内全域");
        assertThat(cap.select("info:has(language:matchesOwn(^en$)) areaDesc").text()).isEqualTo("the whole city");
    }

    @Test
    void chineseReadersReadTheKanjiAndKoreanReadersAHangulReading() throws Exception {
        assertThat(templates.districtNames(Set.of("ogino", "atsugi-kita"), SiteLanguage.ZH_CN)).isEqualTo("厚木北地区、荻野地区");
        assertThat(templates.districtNames(Set.of("ogino", "atsugi-kita"), SiteLanguage.KO)).isEqualTo("아쓰기키타 지구, 오기노 지구");
        UUID id = publish(AlertKind.WATER_OUTAGE, Set.of("ogino"), "");
        assertThat(read(get("/alerts/" + id), "zh-CN").select("dd.districts").text()).isEqualTo("荻野地区");
    }

    @Test
    void datesShowTheYearAndTheWeekdayInEveryLanguage() {
        Map<SiteLanguage, String> expected = Map.of(
                SiteLanguage.JA, "2026年12月1日（火）16時50分",
                SiteLanguage.JA_EASY, "2026年12月1日（火）16時50分",
                SiteLanguage.EN, "Tuesday 1 December 2026, 16:50",
                SiteLanguage.ZH_CN, "2026年12月1日（星期二）16:50",
                SiteLanguage.KO, "2026년 12월 1일(화) 16:50",
                SiteLanguage.VI, "16:50, Thứ Ba, ngày 01/12/2026",
                SiteLanguage.PT_BR, "01/12/2026 (ter.), 16:50",
                SiteLanguage.ES, "martes 1 de diciembre de 2026, a las 16:50",
                SiteLanguage.TL, "Martes, Disyembre 1, 2026, 16:50");
        for (SiteLanguage language : SiteLanguage.values()) {
            assertThat(templates.time(TUESDAY, language)).as(language.code()).isEqualTo(expected.get(language));
        }
    }

    @Test
    void aNoticeFallsBackAsItsReaderWouldAndSaysNoticeInTheReadersWords() throws Exception {
        NoticeText japanese = new NoticeText("年末年始のごみ収集", "12月31日から1月3日まで、ごみの収集はお休みです。");
        NoticeText english = new NoticeText("Year-end waste collection", "No collection from 31 December to 3 January.");
        NoticeText easy = new NoticeText("年末年始の ごみ", "12月31日から 1月3日まで、ごみを あつめません。");
        UUID withEnglish = notices.publish(NoticeCategory.GARBAGE, Map.of("ja", japanese, "en", english), Set.of(), null,
                "test:department").id();
        Document forEasy = page(mvc.perform(get("/notices/" + withEnglish).param("lang", "ja-easy")).andReturn());
        assertThat(forEasy.select("h1").text()).as("やさしい日本語 readers read Japanese, not English").isEqualTo(japanese.title());
        assertThat(forEasy.select("p.language-fallback").text()).contains("お知らせ", "日本語");

        Document forKorean = page(mvc.perform(get("/notices/" + withEnglish).param("lang", "ko")).andReturn());
        assertThat(forKorean.select("h1").text()).isEqualTo(english.title());
        assertThat(forKorean.select("p.language-fallback").text()).contains("공지", "영어").doesNotContain("English");

        UUID withEasy = notices.publish(NoticeCategory.GARBAGE, Map.of("ja", japanese, "ja-easy", easy, "en", english), Set.of(),
                null, "test:department").id();
        Document forSpanish = page(mvc.perform(get("/notices/" + withEasy).param("lang", "es")).andReturn());
        assertThat(forSpanish.select("h1").text()).isEqualTo(easy.title());
        assertThat(forSpanish.select("p.language-fallback").text()).contains("japonés sencillo");
        Document forEnglishReader = page(mvc.perform(get("/notices/" + withEasy).param("lang", "vi")).andReturn());
        assertThat(forEnglishReader.select("p.language-fallback").text()).contains("tiếng Nhật dễ hiểu");
    }

    private Document read(MockHttpServletRequestBuilder request, String lang) throws Exception {
        return page(mvc.perform(request.param("lang", lang)).andReturn());
    }

    private UUID publish(AlertKind kind, Set<String> districts, String shelters) {
        Instant now = clock.instant();
        AlertText japanese = templates.fill(kind, SiteLanguage.JA, districts, shelters, now);
        Alert draft = desk.draft(new AlertContent(kind, true, CapMessage.Urgency.EXPECTED, CapMessage.Severity.MINOR,
                CapMessage.Certainty.OBSERVED, templates.complete(Map.of("ja", japanese), kind, districts, shelters, now, null),
                districts, shelters, now.minusSeconds(60),
                now.plus(Duration.ofHours(1))), "test:operator");
        desk.submit(draft.id(), "test:operator");
        return desk.approve(draft.id(), "test:approver").id();
    }
}
