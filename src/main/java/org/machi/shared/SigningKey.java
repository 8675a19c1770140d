package org.machi.shared;

import java.time.Instant;

/**
 * The city's signing key for tokens others verify: one ES256 (P-256) key pair, generated once like
 * the other keys and shared by every node, so that what one node signed verifies as the others'.
 * What the tokens mean is up to their module (alerts signs its Web Push identity with it).
 */
public interface SigningKey {

    /** The public key as an uncompressed P-256 point: 0x04, then X and Y, 32 bytes each (SEC 1). */
    byte[] publicPoint();

    /** A JSON Web Token with these claims, signed with ES256, in its compact form. */
    String signedJwt(String audience, String subject, Instant expires);
}
