package org.machi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.machi.shared.CityProfile;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The city profile as the application reads it, for tests that need it without starting the application. */
public final class CityProfiles {

    private CityProfiles() {
    }

    /** The default profile, {@code city/atsugi.yml}. */
    public static CityProfile atsugi() {
        StandardEnvironment environment = new StandardEnvironment();
        try {
            new YamlPropertySourceLoader().load("atsugi", new ClassPathResource("city/atsugi.yml"))
                    .forEach(environment.getPropertySources()::addFirst);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Binder(ConfigurationPropertySources.from(environment.getPropertySources()))
                .bind("machi.city", CityProfile.class).get();
    }
}
