package org.machi.procedures.forms.values;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How form answers are read ({@code machi.procedures.values.*}), checked at start.
 *
 * @param eraOverrun a date written in an era after it ended (平成32年): {@code REFUSE} (default:
 *                   the resident is asked to write 令和2年) or {@code ACCEPT} (read as 2020)
 */
@ConfigurationProperties("machi.procedures.values")
@Validated
public record ValuesProperties(@NotNull @DefaultValue("REFUSE") EraOverrun eraOverrun) {
}
