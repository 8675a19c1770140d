package org.machi.alerts.cap;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One CAP 1.2 alert message, as the standard names its parts (OASIS Common Alerting Protocol 1.2,
 * section 3.2). Only what Machi sends is modelled; {@link CapWriter} writes it.
 *
 * @param identifier unique per sender, never reused
 * @param sender     the city's sender id (e.g. its domain)
 * @param sent       when the message was sent, with the city's offset
 * @param status     Actual, or Exercise for a drill (訓練)
 * @param msgType    Alert, Update or Cancel
 * @param references earlier messages an Update or Cancel refers to
 * @param infos      one per language
 */
public record CapMessage(String identifier, String sender, OffsetDateTime sent, Status status, MsgType msgType,
                         List<Reference> references, List<Info> infos) {

    public CapMessage {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(msgType, "msgType");
        references = List.copyOf(references);
        infos = List.copyOf(infos);
        if (msgType != MsgType.ALERT && references.isEmpty()) {
            throw new IllegalArgumentException("an Update or Cancel must reference the message it changes");
        }
    }

    public enum Status { ACTUAL, EXERCISE, TEST }

    public enum MsgType { ALERT, UPDATE, CANCEL }

    public enum Category { GEO, MET, SAFETY, SECURITY, RESCUE, FIRE, HEALTH, ENV, TRANSPORT, INFRA, CBRNE, OTHER }

    public enum ResponseType { SHELTER, EVACUATE, PREPARE, EXECUTE, AVOID, MONITOR, ASSESS, ALL_CLEAR, NONE }

    public enum Urgency { IMMEDIATE, EXPECTED, FUTURE, PAST, UNKNOWN }

    public enum Severity { EXTREME, SEVERE, MODERATE, MINOR, UNKNOWN }

    public enum Certainty { OBSERVED, LIKELY, POSSIBLE, UNLIKELY, UNKNOWN }

    /** An earlier message: sender, identifier and sent time, as CAP's references list names it. */
    public record Reference(String sender, String identifier, OffsetDateTime sent) {
    }

    /** The message in one language. Effective, expires, instruction and web may be null. */
    public record Info(String language, List<Category> categories, String event, List<ResponseType> responseTypes,
                       Urgency urgency, Severity severity, Certainty certainty, List<EventCode> eventCodes,
                       OffsetDateTime effective, OffsetDateTime expires, String senderName, String headline,
                       String description, String instruction, String web, List<Resource> resources, List<Area> areas) {

        /** An info without event codes. */
        public Info(String language, List<Category> categories, String event, List<ResponseType> responseTypes,
                    Urgency urgency, Severity severity, Certainty certainty, OffsetDateTime effective,
                    OffsetDateTime expires, String senderName, String headline, String description,
                    String instruction, String web, List<Resource> resources, List<Area> areas) {
            this(language, categories, event, responseTypes, urgency, severity, certainty, List.of(), effective, expires,
                    senderName, headline, description, instruction, web, resources, areas);
        }

        /** An info without resources. */
        public Info(String language, List<Category> categories, String event, List<ResponseType> responseTypes,
                    Urgency urgency, Severity severity, Certainty certainty, OffsetDateTime effective,
                    OffsetDateTime expires, String senderName, String headline, String description,
                    String instruction, String web, List<Area> areas) {
            this(language, categories, event, responseTypes, urgency, severity, certainty, effective, expires, senderName,
                    headline, description, instruction, web, List.of(), areas);
        }

        public Info {
            categories = List.copyOf(categories);
            responseTypes = List.copyOf(responseTypes);
            eventCodes = List.copyOf(eventCodes);
            resources = List.copyOf(resources);
            areas = List.copyOf(areas);
            if (categories.isEmpty()) {
                throw new IllegalArgumentException("an info needs at least one category");
            }
        }
    }

    /** A code for the event in a system its name designates, e.g. Japan's alert level (警戒レベル, 4). */
    public record EventCode(String valueName, String value) {
    }

    /** A file or page that goes with the message, such as a web page with more information. */
    public record Resource(String description, String mimeType, String uri) {
    }

    /**
     * Where the message applies.
     *
     * @param description the area in words (e.g. the district's name)
     * @param polygons    closed rings of "lat,lon" points
     * @param circles     "lat,lon radius-in-km"
     * @param geocodes    name/value codes (e.g. the district code)
     */
    public record Area(String description, List<String> polygons, List<String> circles, List<Geocode> geocodes) {

        public Area {
            polygons = List.copyOf(polygons);
            circles = List.copyOf(circles);
            geocodes = List.copyOf(geocodes);
        }
    }

    public record Geocode(String valueName, String value) {
    }
}
