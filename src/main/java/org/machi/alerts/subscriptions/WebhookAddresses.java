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
import org.machi.alerts.AlertsProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which webhook addresses Machi will call: https only, and never an address inside a private
 * network (so that a subscriber cannot make the city's server reach its own internal systems,
 * SSRF). Plain http to this machine is allowed only where a developer turned it on
 * ({@code machi.alerts.webhooks.allow-http-localhost}). Checked when subscribing, and at each
 * call on the very addresses the call then connects to ({@link #callableAddresses}), since a
 * name can come to point elsewhere between a check and a connection (DNS rebinding).
 */
@Component
public class WebhookAddresses {

    public static final int MAX_LENGTH = 2000;

    /** Looks a host name up: the system's resolver, or one a test controls. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A name that resolves to an address Machi may not call; thrown where a connection would be made. */
    public static final class AddressNotAllowed extends UnknownHostException {
        AddressNotAllowed() {
            super("the name resolves to an address that may not be called");
        }
    }

    private final boolean allowHttpLocalhost;
    private final HostResolver resolver;

    @Autowired
    WebhookAddresses(AlertsProperties properties) {
        this(properties.webhooks().allowHttpLocalhost(), InetAddress::getAllByName);
    }

    public WebhookAddresses(boolean allowHttpLocalhost, HostResolver resolver) {
        this.allowHttpLocalhost = allowHttpLocalhost;
        this.resolver = resolver;
    }

    /** Empty when the address may be called (its name resolved and every address checked); otherwise the message key of the reason. */
    public Optional<String> problem(String url) {
        Optional<String> form = formProblem(url);
        if (form.isPresent()) {
            return form;
        }
        try {
            callableAddresses(URI.create(url.strip()).getHost());
            return Optional.empty();
        } catch (AddressNotAllowed notAllowed) {
            return Optional.of("subscribe.webhook.privateAddress");
        } catch (UnknownHostException | SecurityException unknown) {
            return Optional.of("subscribe.webhook.unresolvable");
        }
    }

    /**
     * What can be told without looking the name up: an absolute https address without user
     * information (http to this machine where allowed), and, where the host is written as an
     * address, that it may be called. Empty when fine; otherwise the message key of the reason.
     */
    public Optional<String> formProblem(String url) {
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
        if (scheme.equals("http") && !(allowHttpLocalhost && isLocalhostName(host))) {
            return Optional.of("subscribe.webhook.httpsRequired");
        }
        Optional<InetAddress> literal = literalAddress(host);
        if (literal.isPresent() && !callable(host, literal.get())) {
            return Optional.of("subscribe.webhook.privateAddress");
        }
        return Optional.empty();
    }

    /**
     * The addresses of the host, looked up once, each of them checked: the only ones a call may
     * connect to. Throws {@link AddressNotAllowed} if any of them may not be called, so that no
     * mix of a public and a private answer gets through.
     */
    public InetAddress[] callableAddresses(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException("no address");
        }
        for (InetAddress address : addresses) {
            if (!callable(host, address)) {
                throw new AddressNotAllowed();
            }
        }
        return addresses.clone();
    }

    private boolean callable(String host, InetAddress address) {
        return !isPrivate(address) || (allowHttpLocalhost && isLocalhostName(host) && address.isLoopbackAddress());
    }

    /** The host as an address when it is written as one (no lookup is made then), else empty. */
    private static Optional<InetAddress> literalAddress(String host) {
        boolean v6 = host.startsWith("[") && host.endsWith("]");
        boolean v4 = host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        if (!v6 && !v4) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    private static boolean isLocalhostName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1");
    }

    /**
     * Whether the address is anything but a global unicast address of the internet: loopback,
     * private, link-local, shared (CGNAT), documentation, benchmarking, multicast, reserved and
     * unspecified IPv4; for IPv6 everything outside 2000::/3 and its special blocks, except the
     * forms that carry an IPv4 address inside (compatible, mapped, translated, NAT64, 6to4), which
     * are judged by that IPv4 address, since that is what is reached in the end.
     */
    static boolean isPrivate(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return !isGlobalV4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
        }
        if (!(address instanceof Inet6Address)) {
            return true;
        }
        int word0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int word1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        boolean compatible = isZero(b, 0, 12) && !isZero(b, 12, 15);      // ::a.b.c.d (but not :: or ::1)
        boolean mapped = isZero(b, 0, 10) && isOnes(b, 10, 12);          // ::ffff:a.b.c.d
        boolean translated = isZero(b, 0, 8) && isOnes(b, 8, 10) && isZero(b, 10, 12); // ::ffff:0:a.b.c.d
        boolean nat64 = word0 == 0x0064 && word1 == 0xff9b && isZero(b, 4, 12); // 64:ff9b::/96
        if (compatible || mapped || translated || nat64) {
            return isPrivate(v4(b[12], b[13], b[14], b[15]));
        }
        if (word0 == 0x2002) {                                              // 6to4 carries its IPv4 address next
            return isPrivate(v4(b[2], b[3], b[4], b[5]));
        }
        boolean globalUnicast = (b[0] & 0xe0) == 0x20;                      // 2000::/3
        boolean ietfSpecial = word0 == 0x2001 && word1 < 0x0200;            // 2001::/23: Teredo, benchmarking, ORCHID…
        boolean documentation = (word0 == 0x2001 && word1 == 0x0db8) || (word0 == 0x3fff && word1 < 0x1000);
        return !globalUnicast || ietfSpecial || documentation;
    }

    private static boolean isGlobalV4(int first, int second, int third) {
        return !(first == 0 || first == 10 || first == 127 || first >= 224
                || (first == 100 && second >= 64 && second < 128)
                || (first == 169 && second == 254)
                || (first == 172 && second >= 16 && second < 32)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && (third == 0 || third == 2))
                || (first == 192 && second == 88 && third == 99)
                || (first == 198 && (second == 18 || second == 19))
                || (first == 198 && second == 51 && third == 100)
                || (first == 203 && second == 0 && third == 113));
    }

    /** The IPv4 address carried inside an IPv6 one, which is what is reached in the end. */
    private static InetAddress v4(byte a, byte b, byte c, byte d) {
        try {
            return InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean isOnes(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if ((bytes[i] & 0xff) != 0xff) {
                return false;
            }
        }
        return true;
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
