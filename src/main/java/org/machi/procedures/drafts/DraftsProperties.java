package org.machi.procedures.drafts;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Resume links and reminders for draft applications ({@code machi.procedures.drafts.*}, beside
 * {@code kept-for}, which {@link org.machi.procedures.ProceduresProperties} reads), checked at start.
 *
 * @param linkLifetime        how long a link by mail continues a draft (it works once)
 * @param remindBefore        how long before a draft is deleted its owner is mailed a reminder
 * @param linksPerHour        links one account may ask for in an hour
 * @param linksPerDay         links one account may ask for in a day
 * @param opensPerClientPerHour links one client address may try to open (or renew) in an hour
 */
@ConfigurationProperties("machi.procedures.drafts")
@Validated
public record DraftsProperties(@NotNull @DurationMin(minutes = 5) @DurationMax(days = 7) @DefaultValue("24h") Duration linkLifetime,
                               @NotNull @DurationMin(hours = 1) @DefaultValue("7d") Duration remindBefore,
                               @Positive @DefaultValue("5") int linksPerHour,
                               @Positive @DefaultValue("20") int linksPerDay,
                               @Positive @DefaultValue("30") int opensPerClientPerHour) {
}
