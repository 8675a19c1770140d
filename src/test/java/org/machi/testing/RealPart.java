package org.machi.testing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/**
 * The rule for tests that need a real part of the machine (a PostgreSQL server, Chromium): where the
 * part is missing they are skipped with one clear line, except under {@code CI=true}, where a
 * missing part fails the run, because a skipped test is not a passed test.
 */
final class RealPart {

    private static final Map<String, Boolean> announced = new ConcurrentHashMap<>();

    private RealPart() {
    }

    static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static ConditionEvaluationResult missing(String part, String why) {
        String line = "%s is not available (%s): its tests are skipped. Under CI=true this fails the build."
                .formatted(part, why);
        if (underCi()) {
            throw new IllegalStateException(part + " is required under CI=true but is not available: " + why);
        }
        if (announced.putIfAbsent(part, Boolean.TRUE) == null) {
            System.err.println("[machi] " + line);
        }
        return ConditionEvaluationResult.disabled(line);
    }
}
