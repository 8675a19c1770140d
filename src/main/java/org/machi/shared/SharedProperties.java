package org.machi.shared;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings every module shares ({@code machi.*}), checked at start: a bad one stops the
 * application with the setting named. The city itself is {@link CityProfile} ({@code machi.city}).
 *
 * @param baseUrl where links in mail and feeds point to, without a trailing slash
 * @param dataDir where the embedded database, the mail spool and generated keys live
 */
@ConfigurationProperties("machi")
@Validated
public record SharedProperties(
        @NotNull @Pattern(regexp = "https?://[^\\s/]+(/\\S*)?", message = "must be an http or https address, e.g. https://machi.example.jp")
        String baseUrl,
        @NotNull Path dataDir,
        @Valid @DefaultValue Mail mail,
        @Valid @DefaultValue Tasks tasks,
        @Valid @DefaultValue Events events,
        @Valid @DefaultValue Pages pages) {

    public SharedProperties {
        baseUrl = baseUrl == null ? null : baseUrl.strip().replaceAll("/+$", "");
    }

    /** @param from who mail comes from, e.g. "厚木市 &lt;bousai@city.atsugi.kanagawa.jp&gt;"; blank: the city profile's sender */
    public record Mail(@DefaultValue("") String from) {
    }

    /** @param pollingInterval how often the background scheduler looks for due work */
    public record Tasks(@NotNull @DurationMin(millis = 100) @DefaultValue("10s") Duration pollingInterval) {
    }

    /**
     * @param resubmitAfter an event whose listener has not completed is handed to it again after this long
     * @param resubmitEvery how often that is looked for
     */
    public record Events(@NotNull @DurationMin(seconds = 1) @DefaultValue("5m") Duration resubmitAfter,
                         @NotNull @DurationMin(seconds = 1) @DefaultValue("1m") Duration resubmitEvery) {
    }

    /**
     * Public pages served to many readers at once are rendered once and shared.
     *
     * @param sharedFor   how long one rendering is shared; 0: none is
     * @param sharedBytes how much memory the shared renderings take at most, in bytes (64 MiB); 0: none is kept
     */
    public record Pages(@NotNull @DurationMin(millis = 0) @DefaultValue("1s") Duration sharedFor,
                        @PositiveOrZero @DefaultValue("67108864") long sharedBytes) {
    }
}
