package org.machi.alerts.domain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import org.machi.alerts.cap.CapMessage;

/**
 * The city as the sender of its CAP messages: who sends, in which time zone, where the city and its
 * districts lie, the codes other systems know them by, and how long a message of an alert without
 * an end stays (CAP {@code expires} is then a review horizon, not the end of the order).
 *
 * @param sender             CAP {@code sender}, the city's domain
 * @param zone               the city's time zone, for CAP's times
 * @param localGovernmentCode the city's 全国地方公共団体コード (six digits with check digit)
 * @param outline            the city's boundary in CAP's polygon form
 * @param districts          each district's area, by the district's code in the profile
 * @param reviewHorizon      how long after its start (or its sending, if later) a message without an end expires
 * @param wording            the words in each language
 */
public record CapCity(String sender, ZoneId zone, String localGovernmentCode, String outline, Map<String, DistrictArea> districts,
                      Duration reviewHorizon, CapWording wording) {

    /**
     * The geocode name under which every area carries the city's 全国地方公共団体コード: the name
     * Japan's public information systems (L アラート, 総務省) give the six-digit code.
     */
    public static final String LOCAL_GOVERNMENT_CODE = "全国地方公共団体コード";

    /** The geocode name of a district's code: the city's code, a hyphen and the district's number in the city profile. */
    public static final String DISTRICT_CODE = "地区コード";

    public CapCity {
        Objects.requireNonNull(sender);
        Objects.requireNonNull(zone);
        Objects.requireNonNull(localGovernmentCode);
        Objects.requireNonNull(outline);
        districts = Map.copyOf(districts);
        Objects.requireNonNull(reviewHorizon);
        Objects.requireNonNull(wording);
    }

    CapMessage.Geocode cityGeocode() {
        return new CapMessage.Geocode(LOCAL_GOVERNMENT_CODE, localGovernmentCode);
    }

    /**
     * A district as CAP describes it: its boundary as a polygon and its code as a geocode.
     *
     * @param geocode the district's code for other systems (e.g. 142123-08)
     * @param polygon its boundary, a closed ring of "lat,lon" points
     */
    public record DistrictArea(String geocode, String polygon) {

        public DistrictArea {
            Objects.requireNonNull(geocode);
            Objects.requireNonNull(polygon);
        }
    }
}
