package org.machi.alerts.domain;

/**
 * The words a CAP document needs in each of its languages (CAP language codes such as {@code en}
 * or {@code ja-x-easy}'s site code {@code ja-easy}): an aggregator shows a reader of English the
 * English event, sender and place names, not the Japanese ones.
 */
public interface CapWording {

    /** The city, as the sender. */
    String senderName(String language);

    /** What kind of event this is (CAP {@code event}), e.g. 避難指示 or "Evacuation order". */
    String event(AlertKind kind, String language);

    /** A district of the city by its code (CAP {@code areaDesc}). */
    String districtName(String code, String language);

    /** The whole city (CAP {@code areaDesc} of an alert for every district), e.g. 市内全域. */
    String wholeCity(String language);

    /** The area an operator drew (CAP {@code areaDesc} of the polygon or circle). */
    String drawnArea(String language);
}
