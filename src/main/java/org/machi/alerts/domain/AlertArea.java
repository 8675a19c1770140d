package org.machi.alerts.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where an alert applies when it concerns part of its districts, as CAP 1.2 writes it (WGS 84): a
 * polygon, its points "latitude,longitude" separated by spaces with the first repeated last; and/or
 * a circle "latitude,longitude radius" in kilometres. Either may be absent. CAP sends it as drawn,
 * instead of the districts' boundaries; the districts decide who is delivered to.
 */
public record AlertArea(String polygon, String circle) {

    public static final AlertArea NONE = new AlertArea(null, null);

    /** The longest polygon kept, in characters (about 190 points). */
    public static final int POLYGON_LIMIT = 4000;
    static final double MAX_RADIUS_KM = 100;
    /** An area must lie this close to the city's centre: farther, latitude and longitude were likely swapped. */
    static final double MAX_DISTANCE_FROM_CITY_KM = 100;
    private static final double EARTH_RADIUS_KM = 6371.0;

    public AlertArea {
        polygon = blankToNull(polygon);
        circle = blankToNull(circle);
    }

    /**
     * Reads what an operator typed (line breaks and extra spaces allowed), checks it and returns it
     * in CAP's form. Refused with {@code alert.rule.polygonInvalid}, {@code alert.rule.circleInvalid}
     * or {@code alert.rule.areaFarAway}.
     */
    public static AlertArea parse(String polygon, String circle, double cityLatitude, double cityLongitude) {
        String normalPolygon = null;
        if (polygon != null && !polygon.isBlank()) {
            List<double[]> points = points(polygon);
            if (points == null || points.size() < 4 || !same(points.get(0), points.get(points.size() - 1))) {
                throw new AlertRuleBroken("alert.rule.polygonInvalid");
            }
            normalPolygon = String.join(" ", points.stream().map(AlertArea::format).toList());
            if (normalPolygon.length() > POLYGON_LIMIT) {
                throw new AlertRuleBroken("alert.rule.polygonInvalid");
            }
            for (double[] point : points) {
                if (distanceKm(point[0], point[1], cityLatitude, cityLongitude) > MAX_DISTANCE_FROM_CITY_KM) {
                    throw new AlertRuleBroken("alert.rule.areaFarAway");
                }
            }
        }
        String normalCircle = null;
        if (circle != null && !circle.isBlank()) {
            String[] parts = circle.strip().split("\\s+");
            List<double[]> centre = parts.length == 2 ? points(parts[0]) : null;
            Double radius = parts.length == 2 ? number(parts[1]) : null;
            if (centre == null || centre.size() != 1 || radius == null || !(radius > 0) || radius > MAX_RADIUS_KM) {
                throw new AlertRuleBroken("alert.rule.circleInvalid");
            }
            if (distanceKm(centre.get(0)[0], centre.get(0)[1], cityLatitude, cityLongitude) > MAX_DISTANCE_FROM_CITY_KM) {
                throw new AlertRuleBroken("alert.rule.areaFarAway");
            }
            normalCircle = format(centre.get(0)) + " " + trim(radius);
        }
        return new AlertArea(normalPolygon, normalCircle);
    }

    public boolean isEmpty() {
        return polygon == null && circle == null;
    }

    /** Whether the place lies inside the polygon or the circle. */
    public boolean contains(double latitude, double longitude) {
        if (polygon != null && insidePolygon(points(polygon), latitude, longitude)) {
            return true;
        }
        if (circle != null) {
            String[] parts = circle.split(" ");
            double[] centre = points(parts[0]).get(0);
            return distanceKm(centre[0], centre[1], latitude, longitude) <= Double.parseDouble(parts[1]);
        }
        return false;
    }

    /**
     * Whether the drawn polygon or circle and the boundary ring (CAP's polygon form) share any
     * ground: one lies partly inside the other or their edges cross. Computed on a plane around
     * the boundary (kilometres east and north), which is exact enough within a city.
     */
    public boolean touches(String boundary) {
        List<double[]> ring = points(boundary);
        if (ring == null || ring.size() < 4) {
            return false;
        }
        Plane plane = new Plane(ring.get(0)[0]);
        List<double[]> flatRing = ring.stream().map(plane::flat).toList();
        if (polygon != null) {
            List<double[]> drawn = points(polygon).stream().map(plane::flat).toList();
            if (drawn.stream().anyMatch(point -> insideFlat(flatRing, point))
                    || flatRing.stream().anyMatch(point -> insideFlat(drawn, point))
                    || edgesCross(drawn, flatRing)) {
                return true;
            }
        }
        if (circle != null) {
            String[] parts = circle.split(" ");
            double[] centre = plane.flat(points(parts[0]).get(0));
            double radius = Double.parseDouble(parts[1]);
            if (insideFlat(flatRing, centre)) {
                return true;
            }
            for (int i = 1; i < flatRing.size(); i++) {
                if (distanceToSegment(centre, flatRing.get(i - 1), flatRing.get(i)) <= radius) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Kilometres east ({@code [0]}) and north ({@code [1]}) on a plane touching the earth at one latitude. */
    private record Plane(double latitude) {
        double[] flat(double[] point) {
            double kmPerDegree = Math.toRadians(EARTH_RADIUS_KM);
            return new double[] {point[1] * kmPerDegree * Math.cos(Math.toRadians(latitude)), point[0] * kmPerDegree};
        }
    }

    private static boolean insideFlat(List<double[]> ring, double[] point) {
        boolean inside = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double[] a = ring.get(i);
            double[] b = ring.get(j);
            if ((a[1] > point[1]) != (b[1] > point[1])
                    && point[0] < (b[0] - a[0]) * (point[1] - a[1]) / (b[1] - a[1]) + a[0]) {
                inside = !inside;
            }
        }
        return inside;
    }

    private static boolean edgesCross(List<double[]> one, List<double[]> other) {
        for (int i = 1; i < one.size(); i++) {
            for (int j = 1; j < other.size(); j++) {
                if (segmentsCross(one.get(i - 1), one.get(i), other.get(j - 1), other.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean segmentsCross(double[] a, double[] b, double[] c, double[] d) {
        double d1 = cross(c, d, a);
        double d2 = cross(c, d, b);
        double d3 = cross(a, b, c);
        double d4 = cross(a, b, d);
        return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0));
    }

    private static double cross(double[] origin, double[] to, double[] point) {
        return (to[0] - origin[0]) * (point[1] - origin[1]) - (to[1] - origin[1]) * (point[0] - origin[0]);
    }

    private static double distanceToSegment(double[] p, double[] a, double[] b) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared));
        return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
    }

    /** Ray casting on the plane of latitude and longitude: good enough for an area of a city. */
    private static boolean insidePolygon(List<double[]> ring, double latitude, double longitude) {
        boolean inside = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double[] a = ring.get(i);
            double[] b = ring.get(j);
            if ((a[0] > latitude) != (b[0] > latitude)
                    && longitude < (b[1] - a[1]) * (latitude - a[0]) / (b[0] - a[0]) + a[1]) {
                inside = !inside;
            }
        }
        return inside;
    }

    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** "lat,lon lat,lon …" as pairs, or null if any pair is unreadable or out of range. */
    private static List<double[]> points(String text) {
        List<double[]> points = new ArrayList<>();
        for (String pair : text.strip().split("\\s+")) {
            String[] parts = pair.split(",", -1);
            if (parts.length != 2) {
                return null;
            }
            Double latitude = number(parts[0]);
            Double longitude = number(parts[1]);
            if (latitude == null || longitude == null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
                return null;
            }
            points.add(new double[] {latitude, longitude});
        }
        return points;
    }

    private static Double number(String text) {
        if (!text.matches("-?\\d{1,3}(\\.\\d{1,8})?")) {
            return null;
        }
        return Double.parseDouble(text);
    }

    private static boolean same(double[] a, double[] b) {
        return a[0] == b[0] && a[1] == b[1];
    }

    private static String format(double[] point) {
        return trim(point[0]) + "," + trim(point[1]);
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.6f", value);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
