package org.machi.procedures.attachments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of application attachments ({@code machi.procedures.attachments.*}), checked at start.
 * The files themselves live under {@code <machi.data-dir>/files}.
 *
 * @param unattachedKeptFor an uploaded file that no application took is deleted after this long
 * @param maxPixels         an image with more pixels than this is refused before it is decoded
 * @param maxSide           an image wider or higher than this many pixels is refused before it is decoded
 * @param decodesAtOnce     images decoded at the same time (each can take 4 bytes per pixel of memory)
 * @param clamd             the virus scanner; without a host, files are not scanned
 */
@ConfigurationProperties("machi.procedures.attachments")
@Validated
public record AttachmentsProperties(
        @NotNull @DurationMin(minutes = 10) @DefaultValue("1d") Duration unattachedKeptFor,
        @Positive @Max(100_000_000) @DefaultValue("40000000") long maxPixels,
        @Positive @Max(30_000) @DefaultValue("10000") int maxSide,
        @Positive @DefaultValue("2") int decodesAtOnce,
        @Valid @DefaultValue Clamd clamd) {

    /**
     * @param host    where clamd listens for TCP (its TCPSocket/TCPAddr); blank: no scanning
     * @param port    clamd's TCP port
     * @param timeout how long to wait for clamd to connect and to answer; past it the file is refused, to be sent again later
     */
    public record Clamd(@DefaultValue("") String host,
                        @Min(1) @Max(65535) @DefaultValue("3310") int port,
                        @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 5) @DefaultValue("30s") Duration timeout) {

        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }
}
