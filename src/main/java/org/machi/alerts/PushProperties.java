package org.machi.alerts;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Web Push settings ({@code machi.push.*}).
 *
 * @param contact who push services may contact about the city's pushes (VAPID's subject, RFC 8292):
 *                a mailto: or https: address; unset, the city profile's website
 */
@ConfigurationProperties("machi.push")
@Validated
public record PushProperties(
        @Pattern(regexp = "(mailto:|https://)\\S+", message = "must be a mailto: or https:// address") String contact) {
}
