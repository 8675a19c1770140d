package org.machi.alerts.subscriptions;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.machi.alerts.AlertsProperties;
import org.springframework.stereotype.Component;

/**
 * Which Web Push endpoints Machi will call: those of the browsers' push services only (a
 * configurable list of hosts, {@code machi.alerts.push.allowed-hosts}; {@code *.example.com} stands
 * for any name under example.com), and then only as any webhook address would be (https, never a
 * private network). A browser subscription is nothing but an address the page was handed, so
 * without the list anyone could make the city's server post to a host of their choosing.
 */
@Component
public class PushEndpoints {

    private final List<String> hosts;
    private final WebhookAddresses addresses;

    public PushEndpoints(AlertsProperties properties, WebhookAddresses addresses) {
        this.hosts = properties.push().allowedHosts().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        this.addresses = addresses;
    }

    /** When subscribing: empty when the endpoint may be called (its name looked up and checked); otherwise the message key of the reason. */
    public Optional<String> problem(String endpoint) {
        return hostProblem(endpoint).or(() -> addresses.problem(endpoint));
    }

    /** Before each call, without a lookup (the connection makes and checks its own): the list, https, a literal address. */
    public Optional<String> formProblem(String endpoint) {
        return hostProblem(endpoint).or(() -> addresses.formProblem(endpoint));
    }

    private Optional<String> hostProblem(String endpoint) {
        Optional<String> form = addresses.formProblem(endpoint);
        if (form.isPresent()) {
            return form;
        }
        String host = URI.create(endpoint.strip()).getHost().toLowerCase(Locale.ROOT);
        return hosts.stream().anyMatch(allowed -> matches(allowed, host)) ? Optional.empty() : Optional.of("subscribe.push.hostNotAllowed");
    }

    private static boolean matches(String allowed, String host) {
        if (allowed.startsWith("*.")) {
            String domain = allowed.substring(1); // ".notify.windows.com"
            return host.endsWith(domain) && host.length() > domain.length();
        }
        return host.equals(allowed);
    }
}
