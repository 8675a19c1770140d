package org.machi.procedures;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The procedures module's settings ({@code machi.procedures.*}), checked at start.
 *
 * @param forms  where the form files are read from at first start, one {@code <slug>.json} per online procedure
 *               (a Spring resource location such as {@code classpath:procedures/forms/} or {@code file:/etc/machi/forms/})
 * @param drafts how long an untouched draft application is kept
 */
@ConfigurationProperties("machi.procedures")
@Validated
public record ProceduresProperties(@NotBlank @DefaultValue("classpath:procedures/forms/") String forms,
                                   @Valid @DefaultValue Drafts drafts) {

    /** @param keptFor how long a draft is kept after its last change */
    public record Drafts(@NotNull @DurationMin(hours = 1) @DefaultValue("30d") Duration keptFor) {
    }
}
