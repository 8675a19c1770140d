package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.AlertText;
import org.machi.alerts.publishing.AlertDesk;
import org.machi.alerts.publishing.AlertTemplates;
import org.machi.shared.SiteLanguage;
import org.machi.testing.Browser;
import org.machi.testing.MachiWebTest;
import org.machi.testing.RequiresChromium;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The alert levels in their colours pass axe (contrast included): the banners of levels 3, 4 and 5
 * and of a drill on the home page, and each level's alert page, in Japanese and in English.
 */
@MachiWebTest
@RequiresChromium
class AlertLevelsInBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    AlertDesk desk;

    @Autowired
    AlertTemplates templates;

    @Autowired
    Clock clock;

    private BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void levelsInTheirColoursPassAxe() {
        List<String> pages = new ArrayList<>();
        for (AlertKind kind : List.of(AlertKind.ELDERLY_EVACUATION, AlertKind.EVACUATION_ORDER, AlertKind.EMERGENCY_SAFETY)) {
            pages.add("/alerts/" + publish(kind, false));
        }
        pages.add("/alerts/" + publish(AlertKind.EMERGENCY_SAFETY, true));
        pages.add("/");
        context = Browser.newContext();
        Page page = context.newPage();
        List<String> problems = new ArrayList<>();
        for (String path : pages) {
            for (String lang : List.of("ja", "en")) {
                page.navigate("http://localhost:" + port + path + "?lang=" + lang);
                String violations = Browser.seriousViolations(page);
                if (!violations.isEmpty()) {
                    problems.add(path + " " + lang + ":\n" + violations);
                }
            }
        }
        assertThat(page.locator(".banner-level-5 .banner-label").first().textContent()).contains("Alert level 5");
        assertThat(problems).isEmpty();
    }

    private UUID publish(AlertKind kind, boolean drill) {
        Set<String> districts = Set.of("ogino");
        var now = clock.instant();
        AlertText japanese = templates.fill(kind, SiteLanguage.JA, districts, "荻野小学校", now);
        Map<String, AlertText> texts = templates.complete(Map.of("ja", japanese), kind, districts, "荻野小学校", now, null);
        UUID id = desk.draft(new AlertContent(kind, drill, kind.urgency(), kind.severity(), kind.certainty(), texts, districts,
                "荻野小学校", now.minusSeconds(60), null), "test:operator").id();
        desk.submit(id, "test:operator");
        desk.approve(id, "test:approver");
        return id;
    }
}
