package org.machi.identity.account;

import java.text.Normalizer;
import java.util.Locale;

/** The one normal form of a sign-in name, so that "Hanako@Example.JP " and "hanako@example.jp" are one account. */
public final class LoginNames {

    private LoginNames() {
    }

    public static String normalize(String login) {
        if (login == null) {
            return "";
        }
        return Normalizer.normalize(login, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
