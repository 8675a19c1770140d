package org.machi.alerts.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.AlertText;
import org.machi.shared.CityProfile;
import org.machi.shared.OncePerDeployment;
import org.machi.shared.SiteLanguage;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo (embedded default): at first start, an evacuation drill (訓練) for the whole city is
 * drafted by a demo operator and approved by a demo approver, so that a newcomer sees the banner,
 * the alert page, CAP and the feed at once. It stays until someone cancels it. Once per deployment,
 * however many nodes start together.
 */
@Component
@ConditionalOnProperty(name = "machi.demo.enabled", havingValue = "true")
class DemoExerciseAlert implements ApplicationRunner {

    static final String OPERATOR = "demo:alert-operator";
    static final String APPROVER = "demo:alert-approver";

    private final AlertDesk desk;
    private final AlertTemplates templates;
    private final CityProfile city;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final OncePerDeployment once;

    DemoExerciseAlert(AlertDesk desk, AlertTemplates templates, CityProfile city, JdbcClient jdbc, Clock clock,
                      OncePerDeployment once) {
        this.once = once;
        this.desk = desk;
        this.templates = templates;
        this.city = city;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        once.run("alerts.demo-exercise-alert", this::publishDrill);
    }

    private void publishDrill() {
        if (jdbc.sql("SELECT COUNT(*) FROM alerts.alert").query(Integer.class).single() > 0) {
            return;
        }
        Set<String> everywhere = city.districts().stream().map(CityProfile.District::code).collect(Collectors.toSet());
        Instant now = clock.instant();
        String shelters = "";
        Map<String, AlertText> texts = templates.complete(
                Map.of(SiteLanguage.JA.code(), templates.fill(AlertKind.EXERCISE, SiteLanguage.JA, everywhere, shelters, now)),
                AlertKind.EXERCISE, everywhere, shelters, now, null);
        AlertKind kind = AlertKind.EXERCISE;
        Alert drill = desk.draft(new AlertContent(kind, true, kind.urgency(), kind.severity(), kind.certainty(), texts, everywhere,
                shelters, now, null), OPERATOR);
        desk.submit(drill.id(), OPERATOR);
        desk.approve(drill.id(), APPROVER);
    }
}
