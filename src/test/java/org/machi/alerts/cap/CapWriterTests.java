package org.machi.alerts.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.machi.alerts.cap.CapMessage.Area;
import org.machi.alerts.cap.CapMessage.Category;
import org.machi.alerts.cap.CapMessage.Certainty;
import org.machi.alerts.cap.CapMessage.Geocode;
import org.machi.alerts.cap.CapMessage.Info;
import org.machi.alerts.cap.CapMessage.MsgType;
import org.machi.alerts.cap.CapMessage.Reference;
import org.machi.alerts.cap.CapMessage.ResponseType;
import org.machi.alerts.cap.CapMessage.Severity;
import org.machi.alerts.cap.CapMessage.Status;
import org.machi.alerts.cap.CapMessage.Urgency;
import org.machi.testing.GoogleCapProfile;
import org.machi.testing.Standards;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Every message Machi writes is valid against the official OASIS CAP 1.2 schema (kept in the test resources, standards/cap12.xsd). */
class CapWriterTests {

    private static final OffsetDateTime SENT = OffsetDateTime.parse("2026-07-14T05:30:12.345+09:00");
    private static Schema cap;

    @BeforeAll
    static void loadTheOfficialSchema() throws Exception {
        cap = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(Standards.cap12());
    }

    @Test
    void anEvacuationOrderInThreeLanguagesIsValidCap() throws Exception {
        String xml = CapWriter.write(new CapMessage("machi-142123-2026-0001", "city.atsugi.kanagawa.jp", SENT, Status.ACTUAL,
                MsgType.ALERT, List.of(), List.of(
                        info("ja", "避難指示", "相模川の水位が上がっています。すぐに避難してください。"),
                        info("ja-x-easy", "ひなんして ください", "川の 水が ふえて います。すぐに にげて ください。"),
                        info("en", "Evacuation order", "The Sagami River is rising. Evacuate now."))));

        validate(xml);
        Document document = parse(xml);
        assertThat(document.getElementsByTagNameNS(CapWriter.NAMESPACE, "info").getLength()).isEqualTo(3);
        assertThat(text(document, "sent")).isEqualTo("2026-07-14T05:30:12+09:00");
        assertThat(text(document, "status")).isEqualTo("Actual");
        assertThat(text(document, "responseType")).isEqualTo("Evacuate");
        assertThat(text(document, "areaDesc")).isEqualTo("依知北地区");
        assertThat(text(document, "circle")).isEqualTo("35.496,139.363 1.5");
    }

    @Test
    void charactersXmlCannotCarryAreDroppedSoTheDocumentStaysWellFormed() throws Exception {
        String xml = CapWriter.write(new CapMessage("machi-142123-2026-0005", "city.atsugi.kanagawa.jp", SENT, Status.ACTUAL,
                MsgType.ALERT, List.of(), List.of(info("ja", "避難\u0000指示\u000B", "川が\u0001増水\uFFFE。\n改行は残る\t。"))));
        validate(xml);
        assertThat(text(parse(xml), "headline")).isEqualTo("避難指示");
        assertThat(text(parse(xml), "description")).isEqualTo("川が増水。\n改行は残る\t。");
    }

    @Test
    void anExerciseIsMarkedAsSuch() throws Exception {
        String xml = CapWriter.write(new CapMessage("machi-142123-2026-0002", "city.atsugi.kanagawa.jp", SENT, Status.EXERCISE,
                MsgType.ALERT, List.of(), List.of(info("ja", "【訓練】避難指示", "これは訓練です。"))));
        validate(xml);
        assertThat(text(parse(xml), "status")).isEqualTo("Exercise");
    }

    @Test
    void anUpdateAndACancelReferToTheOriginal() throws Exception {
        var original = new Reference("city.atsugi.kanagawa.jp", "machi-142123-2026-0001", SENT);
        String update = CapWriter.write(new CapMessage("machi-142123-2026-0003", "city.atsugi.kanagawa.jp", SENT.plusHours(1),
                Status.ACTUAL, MsgType.UPDATE, List.of(original), List.of(info("ja", "避難指示（範囲拡大）", "範囲を広げます。"))));
        validate(update);
        assertThat(text(parse(update), "references"))
                .isEqualTo("city.atsugi.kanagawa.jp,machi-142123-2026-0001,2026-07-14T05:30:12+09:00");

        String cancel = CapWriter.write(new CapMessage("machi-142123-2026-0004", "city.atsugi.kanagawa.jp", SENT.plusHours(5),
                Status.ACTUAL, MsgType.CANCEL, List.of(original), List.of(info("ja", "避難指示の解除", "避難指示を解除します。"))));
        validate(cancel);
        assertThat(text(parse(cancel), "msgType")).isEqualTo("Cancel");
    }

    @Test
    void theSchemaCheckCatchesWhatCapForbids() {
        String valid = CapWriter.write(new CapMessage("machi-142123-2026-0006", "city.atsugi.kanagawa.jp", SENT, Status.ACTUAL,
                MsgType.ALERT, List.of(), List.of(info("ja", "避難指示", "説明"))));
        String utcWithZ = valid.replace("<sent>2026-07-14T05:30:12+09:00</sent>", "<sent>2026-07-13T20:30:12Z</sent>");
        assertThatThrownBy(() -> validate(utcWithZ)).isInstanceOf(org.xml.sax.SAXException.class);
    }

    @Test
    void theProfileCheckCatchesWhatGoogleRefuses() throws Exception {
        Info valid = info("ja", "避難指示", "説明");
        Info withoutExpires = new Info("ja", valid.categories(), valid.event(), valid.responseTypes(), valid.urgency(), valid.severity(),
                valid.certainty(), SENT, null, "厚木市", "避難指示", "説明", null, null, valid.areas());
        String xml = CapWriter.write(new CapMessage("machi-142123-2026-0007", "city.atsugi.kanagawa.jp", SENT, Status.ACTUAL,
                MsgType.ALERT, List.of(), List.of(withoutExpires)));
        cap.newValidator().validate(new StreamSource(new StringReader(xml)));
        assertThat(GoogleCapProfile.problems(xml)).as("valid by the schema, refused by Google")
                .contains("info[1] <expires> must be present", "info[1] <web> must be present");

        Area bowTie = new Area("範囲", List.of("35.40,139.30 35.42,139.32 35.40,139.32 35.42,139.30 35.40,139.30"), List.of(), List.of());
        Info crossing = new Info("ja_easy", valid.categories(), valid.event(), valid.responseTypes(), valid.urgency(), valid.severity(),
                valid.certainty(), SENT, SENT.plusHours(1), "厚木市", "避難指示", "説明", null, "https://machi.test/", List.of(bowTie));
        String bad = CapWriter.write(new CapMessage("machi-142123-2026-0008", "city.atsugi.kanagawa.jp", SENT, Status.ACTUAL,
                MsgType.CANCEL, List.of(new Reference("city.atsugi.kanagawa.jp", "machi-142123-2026-0008", SENT.plusHours(1))),
                List.of(valid, crossing)));
        assertThat(GoogleCapProfile.problems(bad)).anySatisfy(p -> assertThat(p).contains("edges must not intersect"))
                .anySatisfy(p -> assertThat(p).contains("RFC 3066"))
                .anySatisfy(p -> assertThat(p).contains("cannot reference itself"))
                .anySatisfy(p -> assertThat(p).contains("must not be sent after"));
    }

    @Test
    void anUpdateWithoutTheMessageItChangesIsRefused() {
        assertThatThrownBy(() -> new CapMessage("x", "city.atsugi.kanagawa.jp", SENT, Status.ACTUAL, MsgType.CANCEL, List.of(),
                List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference");
    }

    @Test
    void textIsEscapedNotInterpreted() throws Exception {
        String xml = CapWriter.write(new CapMessage("machi-142123-2026-0005", "city.atsugi.kanagawa.jp", SENT, Status.TEST,
                MsgType.ALERT, List.of(), List.of(info("en", "Test", "<script>alert(1)</script> & \"quotes\""))));
        validate(xml);
        assertThat(text(parse(xml), "description")).isEqualTo("<script>alert(1)</script> & \"quotes\"");
    }

    private static Info info(String language, String headline, String description) {
        return new Info(language, List.of(Category.MET, Category.SAFETY), "避難指示", List.of(ResponseType.EVACUATE),
                Urgency.IMMEDIATE, Severity.SEVERE, Certainty.OBSERVED, SENT, SENT.plusHours(12), "厚木市", headline,
                description, "近くの避難所か、安全な高い場所へ移動してください。", "https://www.city.atsugi.kanagawa.jp/",
                List.of(new Area("依知北地区", List.of(), List.of("35.496,139.363 1.5"), List.of(new Geocode("全国地方公共団体コード", "142123"), new Geocode("地区コード", "142123-03")))));
    }

    /** The schema, then what Google Public Alerts requires beyond it. */
    private static void validate(String xml) throws Exception {
        cap.newValidator().validate(new StreamSource(new StringReader(xml)));
        assertThat(GoogleCapProfile.problems(xml)).as(xml).isEmpty();
    }

    private static Document parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String text(Document document, String element) {
        return document.getElementsByTagNameNS(CapWriter.NAMESPACE, element).item(0).getTextContent();
    }
}
