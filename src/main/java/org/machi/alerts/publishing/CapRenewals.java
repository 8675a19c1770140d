package org.machi.alerts.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.machi.alerts.AlertsProperties;
import org.machi.alerts.domain.Alert;
import org.machi.shared.CityProfile;
import org.springframework.stereotype.Component;

/**
 * What staff must renew or will see end among the alerts in force, within the warning of the
 * settings ({@code machi.alerts.renewal-warning}): an order in force until it is lifted whose CAP
 * review horizon is near or past (receivers such as Google drop it then, while the city's page still
 * shows it in force; an update sends it again with a new horizon), and an alert whose end is near.
 */
@Component
public class CapRenewals {

    private final InForceAlerts inForce;
    private final Duration reviewHorizon;
    private final Duration warning;
    private final Clock clock;

    CapRenewals(InForceAlerts inForce, CityProfile city, AlertsProperties properties, Clock clock) {
        this.inForce = inForce;
        this.reviewHorizon = city.reviewHorizon();
        this.warning = properties.renewalWarning();
        this.clock = clock;
    }

    /**
     * An alert in force that needs an update to stay with CAP's receivers.
     *
     * @param by      when receivers drop it
     * @param dropped whether that time has passed already
     */
    public record Due(Alert alert, Instant by, boolean dropped) {
    }

    /** The alerts in force due for renewal, the most pressing first. */
    public List<Due> due() {
        Instant now = clock.instant();
        return inForce.now().stream().map(alert -> due(alert, now)).flatMap(Optional::stream)
                .sorted((a, b) -> a.by().compareTo(b.by())).toList();
    }

    /** Whether this alert is due for renewal now. */
    public Optional<Due> due(Alert alert) {
        return due(alert, clock.instant());
    }

    /** The alerts in force whose end falls within the warning. */
    public List<Alert> endingSoon() {
        Instant now = clock.instant();
        return inForce.now().stream().filter(alert -> alert.endsSoon(warning, now)).toList();
    }

    private Optional<Due> due(Alert alert, Instant now) {
        if (!alert.renewalDue(reviewHorizon, warning, now)) {
            return Optional.empty();
        }
        Instant by = alert.renewalNeededBy(reviewHorizon, now).orElseThrow();
        return Optional.of(new Due(alert, by, !by.isAfter(now)));
    }
}
