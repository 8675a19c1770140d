package org.machi.alerts.publishing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.machi.alerts.domain.NoticeCategory;
import org.machi.alerts.domain.NoticeText;
import org.machi.shared.CityProfile;
import org.machi.shared.OncePerDeployment;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo (embedded default): at first start, a few everyday notices ({@code demo/notices.json})
 * are published by a demo department, some in several languages and some in Japanese only, so
 * that a newcomer sees the list, the categories, the feeds and the language fallback at once.
 * Once per deployment, however many nodes start together.
 */
@Component
@ConditionalOnProperty(name = "machi.demo.enabled", havingValue = "true")
class DemoNotices implements ApplicationRunner {

    static final String DEPARTMENT = "demo:department";

    private final NoticeDesk desk;
    private final CityProfile city;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OncePerDeployment once;

    DemoNotices(NoticeDesk desk, CityProfile city, JdbcClient jdbc, JsonMapper json, OncePerDeployment once) {
        this.once = once;
        this.desk = desk;
        this.city = city;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One notice of the demo file. */
    record DemoNotice(NoticeCategory category, boolean firstDistrictOnly, String link, Map<String, NoticeText> texts) {
    }

    @Override
    public void run(ApplicationArguments args) {
        once.run("alerts.demo-notices", this::publishNotices);
    }

    private void publishNotices() {
        if (jdbc.sql("SELECT COUNT(*) FROM alerts.notice").query(Integer.class).single() > 0) {
            return;
        }
        for (DemoNotice notice : read()) {
            Set<String> place = notice.firstDistrictOnly() ? Set.of(city.districts().get(0).code()) : Set.of();
            desk.publish(notice.category(), new LinkedHashMap<>(notice.texts()), place, notice.link(), DEPARTMENT);
        }
    }

    private List<DemoNotice> read() {
        try (InputStream in = new ClassPathResource("demo/notices.json").getInputStream()) {
            return List.of(json.readValue(in, DemoNotice[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the demo notices", e);
        }
    }
}
