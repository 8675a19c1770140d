package org.machi.alerts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Areas as operators type them: read leniently, written as CAP wants them, refused with the rule named when wrong. */
class AlertAreaTests {

    /** 厚木市役所, roughly. */
    private static final double LAT = 35.4414;
    private static final double LON = 139.3649;

    @Test
    void aPolygonAndACircleAreReadAndWrittenInCapForm() {
        AlertArea area = AlertArea.parse("35.45,139.35\n35.45,139.37   35.43,139.37\n35.45,139.35", " 35.4414,139.3649 1.50 ", LAT, LON);
        assertThat(area.polygon()).isEqualTo("35.45,139.35 35.45,139.37 35.43,139.37 35.45,139.35");
        assertThat(area.circle()).isEqualTo("35.4414,139.3649 1.5");
        assertThat(area.contains(35.445, 139.365)).as("inside the triangle").isTrue();
        assertThat(area.contains(35.4414, 139.3649)).as("the circle's centre").isTrue();
        assertThat(area.contains(35.50, 139.20)).as("far outside both").isFalse();
        assertThat(AlertArea.parse("", " ", LAT, LON).isEmpty()).isTrue();
    }

    @Test
    void unreadableOrImplausibleAreasAreRefused() {
        assertRefused("alert.rule.polygonInvalid", "35.45,139.35 35.45,139.37 35.43,139.37 35.44,139.36", null); // not closed
        assertRefused("alert.rule.polygonInvalid", "35.45,139.35 35.45,139.37 35.45,139.35", null); // too few points
        assertRefused("alert.rule.polygonInvalid", "35.45;139.35 35.45;139.37 35.43;139.37 35.45;139.35", null);
        assertRefused("alert.rule.polygonInvalid", "95.45,139.35 35.45,139.37 35.43,139.37 95.45,139.35", null); // latitude > 90
        assertRefused("alert.rule.polygonInvalid", "35.45,139.35 35.45,139.37 35.43,1e3 35.45,139.35", null);
        assertRefused("alert.rule.polygonInvalid", "35.45,139.35 ".repeat(400) + "35.45,139.35", null); // too long
        assertRefused("alert.rule.areaFarAway", "34.45,135.35 34.45,135.37 34.43,135.37 34.45,135.35", null); // Osaka
        assertRefused("alert.rule.circleInvalid", null, "35.44,139.36");
        assertRefused("alert.rule.circleInvalid", null, "35.44,139.36 0");
        assertRefused("alert.rule.circleInvalid", null, "35.44,139.36 -2");
        assertRefused("alert.rule.circleInvalid", null, "35.44,139.36 150");
        assertRefused("alert.rule.circleInvalid", null, "35.44 139.36 2");
        assertRefused("alert.rule.circleInvalid", null, "139.36,35.44 2"); // latitude and longitude swapped
        assertRefused("alert.rule.areaFarAway", null, "34.69,135.50 2"); // Osaka
    }

    /** Circles anywhere around the city, at any size allowed: what is accepted reads back the same and contains its centre. */
    @Test
    void whatIsAcceptedReadsBackUnchanged() {
        Random random = new Random(20261130);
        for (int i = 0; i < 500; i++) {
            double lat = 35.3 + random.nextDouble() * 0.3;
            double lon = 139.2 + random.nextDouble() * 0.3;
            double radius = 0.01 + random.nextDouble() * 98;
            String typed = String.format(Locale.ROOT, "%.5f,%.5f %.3f", lat, lon, radius);
            AlertArea once = AlertArea.parse(null, typed, LAT, LON);
            assertThat(AlertArea.parse(null, once.circle(), LAT, LON)).as(typed).isEqualTo(once);
            String[] parts = once.circle().split("[, ]");
            assertThat(once.contains(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]))).as(typed).isTrue();
        }
    }

    private static void assertRefused(String rule, String polygon, String circle) {
        assertThatThrownBy(() -> AlertArea.parse(polygon, circle, LAT, LON)).isInstanceOf(AlertRuleBroken.class)
                .extracting("messageKey").isEqualTo(rule);
    }
}
