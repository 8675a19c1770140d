package org.machi.testing;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.annotation.AnnotationUtils;

/** A module's settings record for a test without a Spring context, bound from properties as they are written in configuration. */
public final class BoundSettings {

    private BoundSettings() {
    }

    /** The record of {@code type} with these properties ({@code "machi.identity.second-factor.attempts=3"}), the rest at their defaults. */
    public static <T> T of(Class<T> type, String... properties) {
        ConfigurationProperties annotation = AnnotationUtils.findAnnotation(type, ConfigurationProperties.class);
        if (annotation == null) {
            throw new IllegalArgumentException(type + " is not a settings record");
        }
        Map<String, String> values = Arrays.stream(properties).map(property -> property.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(annotation.prefix(), type);
    }
}
