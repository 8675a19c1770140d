package org.machi.casework.notices;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One procedure's notice texts (see {@code casework/notices/README.md}): the approval's and the
 * rejection's title, opening paragraph, decision, closing paragraphs and, for a rejection, the 教示.
 */
record NoticeTemplate(String name, Part approved, Part rejected) {

    static final Set<String> PLACEHOLDERS = Set.of("city", "mayor", "procedure", "receiptNumber", "submittedOn", "decidedOn");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    /** One decision's texts; {@code closing} and {@code remedy} may be empty. */
    record Part(String title, String body, String decision, String closing, String remedy) {

        Part fill(Map<String, String> values) {
            return new Part(NoticeTemplate.fill(title, values), NoticeTemplate.fill(body, values), NoticeTemplate.fill(decision, values),
                    NoticeTemplate.fill(closing, values), NoticeTemplate.fill(remedy, values));
        }
    }

    /** Reads a template, refusing a missing key or an unknown placeholder with the template's name and the key. */
    static NoticeTemplate read(String name, Properties properties) {
        return new NoticeTemplate(name, part(name, properties, "approved", false), part(name, properties, "rejected", true));
    }

    private static Part part(String name, Properties properties, String prefix, boolean remedyRequired) {
        return new Part(required(name, properties, prefix + ".title"), required(name, properties, prefix + ".body"),
                required(name, properties, prefix + ".decision"), optional(name, properties, prefix + ".closing"),
                remedyRequired ? required(name, properties, prefix + ".remedy") : optional(name, properties, prefix + ".remedy"));
    }

    private static String required(String name, Properties properties, String key) {
        String value = optional(name, properties, key);
        if (value.isBlank()) {
            throw new IllegalStateException("the notice template " + name + " lacks " + key);
        }
        return value;
    }

    private static String optional(String name, Properties properties, String key) {
        String value = properties.getProperty(key, "");
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                throw new IllegalStateException("the notice template " + name + " has an unknown placeholder {"
                        + matcher.group(1) + "} in " + key + "; known: " + List.copyOf(new java.util.TreeSet<>(PLACEHOLDERS)));
            }
        }
        return value;
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(values.get(matcher.group(1))));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
