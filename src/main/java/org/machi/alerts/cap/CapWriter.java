package org.machi.alerts.cap;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link CapMessage} as CAP 1.2 XML, in the element order the schema requires. Times are
 * written as CAP wants them: seconds, no fraction, an explicit offset (never "Z").
 */
public final class CapWriter {

    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private CapWriter() {
    }

    public static String write(CapMessage message) {
        var out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "alert");
            xml.writeDefaultNamespace(NAMESPACE);
            text(xml, "identifier", message.identifier());
            text(xml, "sender", message.sender());
            text(xml, "sent", time(message.sent()));
            text(xml, "status", capitalized(message.status()));
            text(xml, "msgType", capitalized(message.msgType()));
            text(xml, "scope", "Public");
            if (!message.references().isEmpty()) {
                text(xml, "references", message.references().stream()
                        .map(r -> r.sender() + "," + r.identifier() + "," + time(r.sent()))
                        .collect(Collectors.joining(" ")));
            }
            for (CapMessage.Info info : message.infos()) {
                info(xml, info);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write a CAP message", e);
        }
        return out.toString();
    }

    private static void info(XMLStreamWriter xml, CapMessage.Info info) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, "info");
        text(xml, "language", info.language());
        for (CapMessage.Category category : info.categories()) {
            text(xml, "category", category == CapMessage.Category.CBRNE ? "CBRNE" : capitalized(category));
        }
        text(xml, "event", info.event());
        for (CapMessage.ResponseType response : info.responseTypes()) {
            text(xml, "responseType", response == CapMessage.ResponseType.ALL_CLEAR ? "AllClear" : capitalized(response));
        }
        text(xml, "urgency", capitalized(info.urgency()));
        text(xml, "severity", capitalized(info.severity()));
        text(xml, "certainty", capitalized(info.certainty()));
        for (CapMessage.EventCode code : info.eventCodes()) {
            xml.writeStartElement(NAMESPACE, "eventCode");
            text(xml, "valueName", code.valueName());
            text(xml, "value", code.value());
            xml.writeEndElement();
        }
        optional(xml, "effective", info.effective() == null ? null : time(info.effective()));
        optional(xml, "expires", info.expires() == null ? null : time(info.expires()));
        optional(xml, "senderName", info.senderName());
        optional(xml, "headline", info.headline());
        optional(xml, "description", info.description());
        optional(xml, "instruction", info.instruction());
        optional(xml, "web", info.web());
        for (CapMessage.Resource resource : info.resources()) {
            xml.writeStartElement(NAMESPACE, "resource");
            text(xml, "resourceDesc", resource.description());
            text(xml, "mimeType", resource.mimeType());
            text(xml, "uri", resource.uri());
            xml.writeEndElement();
        }
        for (CapMessage.Area area : info.areas()) {
            xml.writeStartElement(NAMESPACE, "area");
            text(xml, "areaDesc", area.description());
            each(xml, "polygon", area.polygons());
            each(xml, "circle", area.circles());
            for (CapMessage.Geocode geocode : area.geocodes()) {
                xml.writeStartElement(NAMESPACE, "geocode");
                text(xml, "valueName", geocode.valueName());
                text(xml, "value", geocode.value());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    static String time(OffsetDateTime time) {
        return CAP_TIME.format(time);
    }

    /** ACTUAL → Actual, the form CAP's enumerations use (also in the JSON API and webhooks). */
    public static String capitalized(Enum<?> value) {
        String name = value.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static void each(XMLStreamWriter xml, String name, List<String> values) throws XMLStreamException {
        for (String value : values) {
            text(xml, name, value);
        }
    }

    private static void optional(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value != null && !value.isBlank()) {
            text(xml, name, value);
        }
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, name);
        xml.writeCharacters(XmlCharacters.legal(value));
        xml.writeEndElement();
    }
}
