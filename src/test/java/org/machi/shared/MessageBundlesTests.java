package org.machi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message bundle exists in all nine languages with exactly the keys of the Japanese reference,
 * and every translation is a well-formed message with the reference's placeholders.
 */
class MessageBundlesTests {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

    static Stream<String> bundles() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".properties") && !name.contains("_"))
                    .map(name -> name.substring(0, name.length() - ".properties".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void thereAreBundles() throws IOException {
        assertThat(bundles()).contains("shared");
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void everyLanguageHasEveryKeyAndNoOther(String bundle) throws IOException {
        Properties reference = load(MESSAGES.resolve(bundle + ".properties"));
        List<String> problems = new ArrayList<>();
        for (SiteLanguage language : SiteLanguage.values()) {
            if (language == SiteLanguage.REFERENCE) {
                continue;
            }
            Path file = MESSAGES.resolve(bundle + "_" + language.locale() + ".properties");
            if (!Files.exists(file)) {
                problems.add(file + " is missing");
                continue;
            }
            Properties translation = load(file);
            Set<String> missing = new TreeSet<>(reference.stringPropertyNames());
            missing.removeAll(translation.stringPropertyNames());
            Set<String> extra = new TreeSet<>(translation.stringPropertyNames());
            extra.removeAll(reference.stringPropertyNames());
            missing.forEach(key -> problems.add(file.getFileName() + " lacks " + key));
            extra.forEach(key -> problems.add(file.getFileName() + " has unknown key " + key));
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void everyMessageIsWellFormedWithTheReferencePlaceholders(String bundle) throws IOException {
        Properties reference = load(MESSAGES.resolve(bundle + ".properties"));
        List<String> problems = new ArrayList<>();
        for (SiteLanguage language : SiteLanguage.values()) {
            Path file = language == SiteLanguage.REFERENCE
                    ? MESSAGES.resolve(bundle + ".properties")
                    : MESSAGES.resolve(bundle + "_" + language.locale() + ".properties");
            if (!Files.exists(file)) {
                continue; // reported by everyLanguageHasEveryKeyAndNoOther
            }
            Properties messages = load(file);
            for (String key : messages.stringPropertyNames()) {
                String value = messages.getProperty(key);
                String where = file.getFileName() + " " + key;
                if (value.isBlank()) {
                    problems.add(where + " is blank");
                    continue;
                }
                if (LONE_APOSTROPHE.matcher(value).find()) {
                    problems.add(where + " has a single apostrophe; MessageFormat needs ''");
                }
                try {
                    new MessageFormat(value);
                } catch (IllegalArgumentException e) {
                    problems.add(where + " is not a valid message: " + e.getMessage());
                }
                String original = reference.getProperty(key);
                if (original != null && !placeholders(original).equals(placeholders(value))) {
                    problems.add(where + " uses placeholders " + placeholders(value) + " but the reference uses " + placeholders(original));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String bundle : bundles().toList()) {
            known.addAll(load(MESSAGES.resolve(bundle + ".properties")).stringPropertyNames());
        }
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher keys = TEMPLATE_KEY.matcher(Files.readString(template));
                while (keys.find()) {
                    if (!known.contains(keys.group(1))) {
                        unknown.add(TEMPLATES.relativize(template) + ": " + keys.group(1));
                    }
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
