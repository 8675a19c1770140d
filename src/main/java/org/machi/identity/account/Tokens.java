package org.machi.identity.account;

import java.security.SecureRandom;
import java.util.Base64;

/** Random, URL-safe tokens for links sent by mail. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
