package org.machi.alerts.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Links to more information that alerts and notices carry. */
public final class Links {

    public static final int LIMIT = 2000;

    private Links() {
    }

    /** An absolute http(s) address with a host and no user name in it, of reasonable length. */
    public static boolean isWebAddress(String text) {
        if (text == null || text.length() > LIMIT) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }
}
