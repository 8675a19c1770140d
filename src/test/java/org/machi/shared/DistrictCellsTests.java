package org.machi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The districts' areas in Atsugi's profile are approximate: no public boundary data for the 15 地区
 * exists, so each district is the Voronoi cell of its centre (every point nearer to it than to any
 * other centre), clipped to the city's approximate outline. This test recomputes the cells and holds
 * the profile to them; when a centre or the outline changes, its failure prints the new polygons to
 * put into atsugi.yml.
 */
class DistrictCellsTests {

    /** Four decimal places of a degree: about 10 m, far finer than the cells are accurate. */
    private static final GeometryFactory DEGREES = new GeometryFactory(new PrecisionModel(10_000));

    /**
     * The city's outermost designated emergency evacuation sites (northernmost, southernmost,
     * westernmost, easternmost), latitude and longitude. 出典：国土地理院（指定緊急避難場所データ）.
     */
    private static final double[][] OUTERMOST_SITES = {
            {35.516622, 139.368087}, {35.399512, 139.366451}, {35.448147, 139.293812}, {35.469866, 139.37258}};

    private static CityProfile city;

    @BeforeAll
    static void readTheProfile() {
        AtomicReference<CityProfile> read = new AtomicReference<>();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(ProfileOnly.class)
                .withInitializer(context -> {
                    try {
                        new YamlPropertySourceLoader().load("atsugi", new ClassPathResource("city/atsugi.yml"))
                                .forEach(context.getEnvironment().getPropertySources()::addFirst);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .run(context -> read.set(context.getBean(CityProfile.class)));
        city = read.get();
    }

    @Test
    void eachDistrictsAreaIsTheCellOfItsCentreWithinTheCity() {
        Polygon outline = polygon(city.outline().polygon());
        List<String> expected = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (CityProfile.District district : city.districts()) {
            Geometry cell = cell(district, outline);
            expected.add(district.code() + ": \"" + capPolygon(cell) + "\"");
            if (!polygon(district.boundary().polygon()).norm().equalsExact(cell.norm(), 1e-9)) {
                mismatched.add(district.code());
            }
            assertThat(district.boundary().approximate()).as(district.code() + " is marked approximate").isTrue();
        }
        assertThat(mismatched).as("districts whose area is not their cell; the cells are:\n" + String.join("\n", expected)).isEmpty();
    }

    @Test
    void theCellsDoNotOverlapAndTogetherCoverTheCity() {
        Polygon outline = polygon(city.outline().polygon());
        List<Polygon> areas = city.districts().stream().map(d -> polygon(d.boundary().polygon())).toList();
        for (int i = 0; i < areas.size(); i++) {
            for (int j = i + 1; j < areas.size(); j++) {
                assertThat(areas.get(i).intersection(areas.get(j)).getArea())
                        .as(city.districts().get(i).code() + " and " + city.districts().get(j).code() + " overlap").isZero();
            }
        }
        Geometry union = DEGREES.buildGeometry(areas).union();
        // what rounding to four decimals leaves along the outline: slivers, less than a thousandth of the city
        double slivers = outline.getArea() / 1000;
        assertThat(outline.difference(union).getArea()).as("part of the city in no district").isLessThan(slivers);
        assertThat(union.difference(outline).getArea()).as("a district beyond the city").isLessThan(slivers);
    }

    @Test
    void eachAreaHoldsItsOwnCentreAndNoOther() {
        for (CityProfile.District district : city.districts()) {
            Polygon area = polygon(district.boundary().polygon());
            for (CityProfile.District other : city.districts()) {
                Point centre = DEGREES.createPoint(new Coordinate(other.centre().longitude(), other.centre().latitude()));
                assertThat(area.contains(centre)).as(district.code() + " holds the centre of " + other.code())
                        .isEqualTo(other == district);
            }
        }
    }

    @Test
    void everyAreaIsAPolygonCapCanCarry() {
        List<String> rings = new ArrayList<>(city.districts().stream().map(d -> d.boundary().polygon()).toList());
        rings.add(city.outline().polygon());
        for (String ring : rings) {
            String[] points = ring.split(" ");
            assertThat(points.length).as(ring).isGreaterThanOrEqualTo(4);
            assertThat(points[0]).as("closed: " + ring).isEqualTo(points[points.length - 1]);
            for (String point : points) {
                double latitude = Double.parseDouble(point.split(",")[0]);
                double longitude = Double.parseDouble(point.split(",")[1]);
                assertThat(latitude).as("latitude first: " + point).isBetween(35.3, 35.6);
                assertThat(longitude).isBetween(139.2, 139.5);
            }
            assertThat(polygon(ring).isValid()).as("a simple ring: " + ring).isTrue();
        }
    }

    @Test
    void theOutlineHoldsTheCitysOutermostEvacuationSitesAndEveryCentre() {
        Polygon outline = polygon(city.outline().polygon());
        assertThat(city.outline().approximate()).isTrue();
        for (double[] site : OUTERMOST_SITES) {
            assertThat(outline.contains(DEGREES.createPoint(new Coordinate(site[1], site[0])))).as(Arrays.toString(site)).isTrue();
        }
        for (CityProfile.District district : city.districts()) {
            assertThat(outline.contains(DEGREES.createPoint(new Coordinate(district.centre().longitude(), district.centre().latitude()))))
                    .as(district.code()).isTrue();
        }
    }

    /** The district's Voronoi cell among all centres, clipped to the outline and rounded to the profile's precision. */
    private static Geometry cell(CityProfile.District district, Polygon outline) {
        VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
        voronoi.setSites(city.districts().stream()
                .map(d -> new Coordinate(d.centre().longitude(), d.centre().latitude())).toList());
        voronoi.setClipEnvelope(outline.getEnvelopeInternal());
        Geometry cells = voronoi.getDiagram(new GeometryFactory());
        Coordinate centre = new Coordinate(district.centre().longitude(), district.centre().latitude());
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            Geometry cell = cells.getGeometryN(i);
            if (centre.equals2D((Coordinate) cell.getUserData())) {
                return GeometryPrecisionReducer.reduce(cell.intersection(outline), DEGREES.getPrecisionModel());
            }
        }
        throw new AssertionError("no cell for " + district.code());
    }

    /** A ring in CAP's form ("lat,lon" pairs) as a polygon of longitude (x) and latitude (y). */
    private static Polygon polygon(String ring) {
        Coordinate[] coordinates = Arrays.stream(ring.strip().split("\\s+")).map(pair -> {
            String[] parts = pair.split(",");
            return new Coordinate(Double.parseDouble(parts[1]), Double.parseDouble(parts[0]));
        }).toArray(Coordinate[]::new);
        return DEGREES.createPolygon(coordinates);
    }

    private static String capPolygon(Geometry cell) {
        return Arrays.stream(((Polygon) cell.norm()).getExteriorRing().getCoordinates())
                .map(c -> String.format(Locale.ROOT, "%.4f,%.4f", c.y, c.x))
                .collect(Collectors.joining(" "));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CityProfile.class)
    static class ProfileOnly {
    }
}
