package org.machi.casework.notices;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The notice templates under {@code casework/notices/} on the class path, read once each. */
@Component
class NoticeTemplates {

    static final String FOLDER = "casework/notices/";
    static final String DEFAULT = "default";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<String, NoticeTemplate> read = new ConcurrentHashMap<>();

    /** The procedure's own template, or the default one. */
    NoticeTemplate forProcedure(String slug) {
        String name = slug != null && SLUG.matcher(slug).matches() && new ClassPathResource(FOLDER + slug + ".properties").exists()
                ? slug : DEFAULT;
        return read.computeIfAbsent(name, NoticeTemplates::load);
    }

    static NoticeTemplate load(String name) {
        Properties properties = new Properties();
        try (InputStream in = new ClassPathResource(FOLDER + name + ".properties").getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the notice template " + name + " cannot be read", e);
        }
        return NoticeTemplate.read(name, properties);
    }
}
