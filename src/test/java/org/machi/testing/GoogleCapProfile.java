package org.machi.testing;

import java.io.StringReader;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The rules Google Public Alerts applies to a CAP 1.2 message beyond the schema, as its cap-library
 * checks them (its Google profile and its CAP validator), re-stated here because the library is not
 * published to Maven Central. Only the rules that make Google reject a message are applied (its
 * errors, and post-dated references); its recommendations are not.
 *
 * <ul>
 *   <li>an Update or Cancel references at least one message; none references itself or a later one</li>
 *   <li>identifier and sender have no spaces, commas, {@code <} or {@code &}</li>
 *   <li>at least one info; all infos have the same categories and the same event codes</li>
 *   <li>each info has urgency, severity, certainty, description, web (an absolute URI), expires not
 *       before effective (or sent), a language tag of RFC 3066's form, and at least one area</li>
 *   <li>each area has a polygon, circle or geocode; a polygon has at least four points, the first
 *       repeated last, and edges that do not cross; a circle is "lat,lon radius"</li>
 *   <li>a resource's mimeType is of a registered top-level type; its uri is absolute</li>
 * </ul>
 */
public final class GoogleCapProfile {

    private static final String CAP = "urn:oasis:names:tc:emergency:cap:1.2";
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*");
    private static final Pattern NO_SEPARATORS = Pattern.compile("[^\\s,<&]+");
    private static final Pattern POINT = Pattern.compile("-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?");
    private static final Set<String> MEDIA_TYPES = Set.of("application", "audio", "image", "message", "model", "multipart", "text", "video");

    private GoogleCapProfile() {
    }

    /** What keeps the message from Google Public Alerts, one line each; empty if nothing does. */
    public static List<String> problems(String xml) {
        Element alert = parse(xml).getDocumentElement();
        List<String> problems = new ArrayList<>();
        String identifier = text(alert, "identifier");
        OffsetDateTime sent = OffsetDateTime.parse(text(alert, "sent"));
        if (!NO_SEPARATORS.matcher(Objects.toString(identifier, "")).matches()) {
            problems.add("identifier must have no spaces, commas, < or &: " + identifier);
        }
        if (!NO_SEPARATORS.matcher(Objects.toString(text(alert, "sender"), "")).matches()) {
            problems.add("sender must have no spaces, commas, < or &");
        }
        references(alert, identifier, sent, problems);

        List<Element> infos = children(alert, "info");
        if (infos.isEmpty()) {
            problems.add("at least one <info> must be present");
        }
        Set<String> categories = null;
        Set<String> eventCodes = null;
        for (int i = 0; i < infos.size(); i++) {
            Element info = infos.get(i);
            String where = "info[" + (i + 1) + "] ";
            Set<String> theseCategories = new HashSet<>(children(info, "category").stream().map(Node::getTextContent).toList());
            Set<String> theseCodes = new HashSet<>(children(info, "eventCode").stream()
                    .map(code -> text(code, "valueName") + "=" + text(code, "value")).toList());
            if (categories == null) {
                categories = theseCategories;
                eventCodes = theseCodes;
            } else {
                if (!categories.equals(theseCategories)) {
                    problems.add(where + "all <info> blocks must contain the same <category>s");
                }
                if (!eventCodes.equals(theseCodes)) {
                    problems.add(where + "all <info> blocks must contain the same <eventCode>s");
                }
            }
            info(info, where, sent, problems);
        }
        return problems;
    }

    private static void references(Element alert, String identifier, OffsetDateTime sent, List<String> problems) {
        String msgType = text(alert, "msgType");
        String references = text(alert, "references");
        if (("Update".equals(msgType) || "Cancel".equals(msgType)) && blank(references)) {
            problems.add("an Update or Cancel must reference the messages it changes");
        }
        if (blank(references)) {
            return;
        }
        for (String reference : references.strip().split("\\s+")) {
            String[] parts = reference.split(",", -1);
            if (parts.length != 3) {
                problems.add("a reference must be sender,identifier,sent: " + reference);
                continue;
            }
            if (parts[1].equals(identifier)) {
                problems.add("a message cannot reference itself: " + reference);
            }
            if (OffsetDateTime.parse(parts[2]).isAfter(sent)) {
                problems.add("a reference must not be sent after the message: " + reference);
            }
        }
    }

    private static void info(Element info, String where, OffsetDateTime sent, List<String> problems) {
        for (String required : List.of("urgency", "severity", "certainty", "description", "web", "expires")) {
            if (blank(text(info, required))) {
                problems.add(where + "<" + required + "> must be present");
            }
        }
        String language = text(info, "language");
        if (language != null && !LANGUAGE.matcher(language.strip()).matches()) {
            problems.add(where + "<language> must follow RFC 3066: " + language);
        }
        String web = text(info, "web");
        if (!blank(web) && !absolute(web)) {
            problems.add(where + "<web> must be an absolute URI: " + web);
        }
        String expires = text(info, "expires");
        if (!blank(expires)) {
            String effective = text(info, "effective");
            OffsetDateTime from = blank(effective) ? sent : OffsetDateTime.parse(effective);
            if (from.isAfter(OffsetDateTime.parse(expires))) {
                problems.add(where + "<effective> should not come after <expires>");
            }
        }
        for (Element resource : children(info, "resource")) {
            String mimeType = Objects.toString(text(resource, "mimeType"), "");
            if (!mimeType.contains("/") || !MEDIA_TYPES.contains(mimeType.substring(0, mimeType.indexOf('/')))) {
                problems.add(where + "invalid resource <mimeType>: " + mimeType);
            }
            String uri = text(resource, "uri");
            if (uri != null && !absolute(uri)) {
                problems.add(where + "a resource <uri> must be absolute: " + uri);
            }
        }
        List<Element> areas = children(info, "area");
        if (areas.isEmpty()) {
            problems.add(where + "at least one <area> must be present");
        }
        for (int j = 0; j < areas.size(); j++) {
            area(areas.get(j), where + "area[" + (j + 1) + "] ", problems);
        }
    }

    private static void area(Element area, String where, List<String> problems) {
        List<Element> polygons = children(area, "polygon");
        List<Element> circles = children(area, "circle");
        if (polygons.isEmpty() && circles.isEmpty() && children(area, "geocode").isEmpty()) {
            problems.add(where + "each <area> must have at least one <circle>, <polygon> or <geocode>");
        }
        for (Element polygon : polygons) {
            String ring = polygon.getTextContent().strip();
            String[] points = ring.split("\\s+");
            if (points.length < 4 || !points[0].equals(points[points.length - 1])
                    || !Arrays.stream(points).allMatch(point -> POINT.matcher(point).matches() && inRange(point))) {
                problems.add(where + "invalid <polygon>: at least four lat,lon points, the first repeated last: " + ring);
            } else if (selfIntersecting(points)) {
                problems.add(where + "the <polygon>'s edges must not intersect: " + ring);
            }
        }
        for (Element circle : circles) {
            String[] parts = circle.getTextContent().strip().split("\\s+");
            if (parts.length != 2 || !POINT.matcher(parts[0]).matches() || !inRange(parts[0]) || !parts[1].matches("\\d+(\\.\\d+)?")) {
                problems.add(where + "invalid <circle>: " + circle.getTextContent());
            }
        }
    }

    private static boolean inRange(String point) {
        String[] parts = point.split(",");
        return Math.abs(Double.parseDouble(parts[0])) <= 90 && Math.abs(Double.parseDouble(parts[1])) <= 180;
    }

    /** Whether two edges that are not neighbours touch or cross, on the plane of latitude and longitude. */
    private static boolean selfIntersecting(String[] ring) {
        double[][] p = Arrays.stream(ring).map(point -> Arrays.stream(point.split(","))
                .mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
        int edges = p.length - 1;
        for (int i = 0; i < edges; i++) {
            for (int j = i + 1; j < edges; j++) {
                boolean neighbours = j == i + 1 || (i == 0 && j == edges - 1);
                if (!neighbours && segmentsMeet(p[i], p[i + 1], p[j], p[j + 1])) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean segmentsMeet(double[] a, double[] b, double[] c, double[] d) {
        double d1 = turn(c, d, a);
        double d2 = turn(c, d, b);
        double d3 = turn(a, b, c);
        double d4 = turn(a, b, d);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
            return true;
        }
        return (d1 == 0 && onSegment(c, d, a)) || (d2 == 0 && onSegment(c, d, b))
                || (d3 == 0 && onSegment(a, b, c)) || (d4 == 0 && onSegment(a, b, d));
    }

    private static double turn(double[] from, double[] to, double[] point) {
        return (to[0] - from[0]) * (point[1] - from[1]) - (to[1] - from[1]) * (point[0] - from[0]);
    }

    private static boolean onSegment(double[] from, double[] to, double[] point) {
        return Math.min(from[0], to[0]) <= point[0] && point[0] <= Math.max(from[0], to[0])
                && Math.min(from[1], to[1]) <= point[1] && point[1] <= Math.max(from[1], to[1]);
    }

    private static boolean absolute(String uri) {
        try {
            return URI.create(uri.strip()).isAbsolute();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && CAP.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }
}
