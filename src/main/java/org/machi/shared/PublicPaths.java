package org.machi.shared;

import java.util.List;
import java.util.stream.Stream;

/**
 * Paths a module serves to anyone, signed in or not. Each module declares its own as a bean; every
 * other path is refused unless a module's security rules allow it (deny by default).
 *
 * @param patterns pages anyone may read (GET)
 * @param forms    forms anyone may send (POST, with the CSRF token of the page)
 * @param oneClick addresses that take a POST without a CSRF token because a mail client sends it
 *                 (RFC 8058 one-click unsubscribe); the address itself must carry the authority
 * @param readableFromOtherOrigins public data (feeds, read APIs) that pages of other origins may
 *                 read: CORS for GET and HEAD, without credentials; read-only, so another method
 *                 that no controller answers there is let through to be answered 405
 */
public record PublicPaths(List<String> patterns, List<String> forms, List<String> oneClick, List<String> readableFromOtherOrigins) {

    public static PublicPaths of(String... patterns) {
        return new PublicPaths(List.of(patterns), List.of(), List.of(), List.of());
    }

    public PublicPaths withForms(String... paths) {
        return new PublicPaths(patterns, Stream.concat(forms.stream(), Stream.of(paths)).toList(), oneClick, readableFromOtherOrigins);
    }

    public PublicPaths withOneClick(String... paths) {
        return new PublicPaths(patterns, forms, Stream.concat(oneClick.stream(), Stream.of(paths)).toList(), readableFromOtherOrigins);
    }

    public PublicPaths readableFromOtherOrigins(String... paths) {
        return new PublicPaths(patterns, forms, oneClick, Stream.concat(readableFromOtherOrigins.stream(), Stream.of(paths)).toList());
    }
}
