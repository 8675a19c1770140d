package org.machi.alerts.subscriptions;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which webhook addresses Machi will call: https only, and never an address inside a private
 * network (so that a subscriber cannot make the city's server reach its own internal systems,
 * SSRF). Plain http to this machine is allowed only where a developer turned it on
 * ({@code machi.alerts.webhooks.allow-http-localhost}). Checked when subscribing and again before
 * every call, since a name can come to point elsewhere.
 */
@Component
public class WebhookAddresses {

    public static final int MAX_LENGTH = 2000;

    private final boolean allowHttpLocalhost;

    WebhookAddresses(@Value("${machi.alerts.webhooks.allow-http-localhost:false}") boolean allowHttpLocalhost) {
        this.allowHttpLocalhost = allowHttpLocalhost;
    }

    /** Empty when the address may be called; otherwise the message key of the reason. */
    public Optional<String> problem(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH || !StandardCharsets.US_ASCII.newEncoder().canEncode(url)) {
            return Optional.of("subscribe.webhook.invalid");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException malformed) {
            return Optional.of("subscribe.webhook.invalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || uri.getRawUserInfo() != null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("subscribe.webhook.invalid");
        }
        boolean localhost = isLocalhostName(host);
        if (scheme.equals("http") && !(allowHttpLocalhost && localhost)) {
            return Optional.of("subscribe.webhook.httpsRequired");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException | SecurityException unknown) {
            return Optional.of("subscribe.webhook.unresolvable");
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address) && !(allowHttpLocalhost && localhost && address.isLoopbackAddress())) {
                return Optional.of("subscribe.webhook.privateAddress");
            }
        }
        return Optional.empty();
    }

    private static boolean isLocalhostName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1");
    }

    /**
     * Loopback, private, link-local, shared (CGNAT), multicast, unspecified and unique-local
     * addresses, and IPv6 addresses that carry one of those inside (mapped, NAT64, 6to4) or
     * whose end cannot be known (Teredo tunnels).
     */
    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first >= 240 || (first == 100 && second >= 64 && second < 128)
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || (first == 198 && (second == 18 || second == 19));
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean mappedV4 = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                    && isZero(b, 4, 12);
            if (mappedV4 || nat64) {
                return isPrivate(v4(b[12], b[13], b[14], b[15]));
            }
            boolean sixToFour = (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02;
            if (sixToFour) {
                return isPrivate(v4(b[2], b[3], b[4], b[5]));
            }
            boolean teredo = (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0;
            return uniqueLocal || teredo;
        }
        return true;
    }

    /** The IPv4 address carried inside an IPv6 one (mapped, NAT64 or 6to4), which is what is reached in the end. */
    private static InetAddress v4(byte a, byte b, byte c, byte d) {
        try {
            return InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
