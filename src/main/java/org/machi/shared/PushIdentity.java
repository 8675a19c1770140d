package org.machi.shared;

/**
 * The city's application-server identity for Web Push (VAPID, RFC 8292): one P-256 key pair,
 * generated once like the other keys and shared by every node, so that a browser subscribed
 * through one node accepts pushes from all of them.
 */
public interface PushIdentity {

    /** The public key as browsers take it (applicationServerKey): the uncompressed point, base64url. */
    String publicKey();

    /**
     * The {@code Authorization} header for a push service: {@code vapid t=<signed JWT>, k=<public key>},
     * the token addressed to the service's origin (e.g. {@code https://fcm.googleapis.com}).
     */
    String authorization(String pushServiceOrigin);
}
