package org.machi.shared;

import java.util.List;

/**
 * Paths a module serves to anyone, signed in or not. Each module declares its own as a bean; every
 * other path is refused unless a module's security rules allow it (deny by default).
 */
public record PublicPaths(List<String> patterns) {

    public static PublicPaths of(String... patterns) {
        return new PublicPaths(List.of(patterns));
    }
}
