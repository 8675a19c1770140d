package org.machi.alerts.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;
import org.machi.alerts.domain.AlertText;

/** The alert and notice feeds write every text and link through one path that drops what XML cannot carry. */
class AtomFeedTests {

    @Test
    void controlCharactersNeverReachAFeed() throws Exception {
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartElement("entry");
        AtomFeed.element(xml, "title", "解除\u0000しました\u001F");
        AtomFeed.link(xml, "related", "https://machi.test/alerts/1\u0007", "text/html");
        xml.writeEndElement();
        xml.close();

        assertThat(out.toString()).isEqualTo("<entry><title>解除しました</title>"
                + "<link rel=\"related\" href=\"https://machi.test/alerts/1\" type=\"text/html\"/></entry>");
    }

    @Test
    void anAlertsTextHoldsNoControlCharacterWhateverFormItCameFrom() {
        AlertText text = new AlertText("【解除】\u0000避難指示", "解除\u000Bしました", "\u0001");
        assertThat(text).isEqualTo(new AlertText("【解除】避難指示", "解除しました", ""));
    }
}
