package org.machi.identity.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.machi.identity.IdentityProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Password rules of NIST SP 800-63B (revision 4): length, not a commonly used password, not the
 * sign-in name — and no composition rules (no forced digits or symbols), spaces and any script
 * allowed, so a sentence in Japanese is a good password. A password that is the only factor must
 * be longer than one used with a second factor.
 */
@Component
public class PasswordPolicy {

    public static final int MAXIMUM_LENGTH = 128;

    private final int singleFactorMinimum;
    private final int multiFactorMinimum;
    private final Set<String> common;

    PasswordPolicy(IdentityProperties properties) {
        this.singleFactorMinimum = properties.password().singleFactorMinimumLength();
        this.multiFactorMinimum = properties.password().multiFactorMinimumLength();
        this.common = loadCommonPasswords();
    }

    public int minimumLength(boolean withSecondFactor) {
        return withSecondFactor ? multiFactorMinimum : singleFactorMinimum;
    }

    /** Message keys of the rules the password breaks; empty when it is acceptable. */
    public List<String> problems(String password, String login, boolean withSecondFactor) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("password.required");
            return problems;
        }
        int length = password.codePointCount(0, password.length());
        if (length < minimumLength(withSecondFactor)) {
            problems.add("password.tooShort");
        }
        if (length > MAXIMUM_LENGTH) {
            problems.add("password.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || password.codePoints().distinct().count() == 1) {
            problems.add("password.common");
        }
        String name = LoginNames.normalize(login);
        String localPart = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
        if (localPart.length() >= 4 && lower.contains(localPart)) {
            problems.add("password.containsLogin");
        }
        return problems;
    }

    private static Set<String> loadCommonPasswords() {
        var resource = new ClassPathResource("identity/common-passwords.txt");
        Set<String> passwords = new HashSet<>();
        try (var reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(passwords::add);
        } catch (IOException e) {
            throw new UncheckedIOException("The list of common passwords is missing from the application", e);
        }
        return Set.copyOf(passwords);
    }
}
