package org.machi.alerts.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.machi.alerts.AlertsProperties;
import org.machi.testing.BoundSettings;

/** Only the browsers' push services are called, by https, at a public address. */
class PushEndpointsTests {

    /** Every name resolves to a public address, except those under "internal.", which resolve into a private network. */
    private final WebhookAddresses addresses = new WebhookAddresses(false, host -> new InetAddress[] {
            InetAddress.getByName(host.startsWith("internal.") ? "10.0.0.7" : "8.8.8.8")});
    private final PushEndpoints endpoints = new PushEndpoints(BoundSettings.of(AlertsProperties.class), addresses);

    @Test
    void theMajorBrowsersPushServicesAreAccepted() {
        for (String endpoint : new String[] {"https://fcm.googleapis.com/fcm/send/abc:APA91b", "https://fcm.googleapis.com/wp/abc",
                "https://updates.push.services.mozilla.com/wpush/v2/gAAAAA", "https://wns2-par02p.notify.windows.com/w/?token=BQYAAA",
                "https://web.push.apple.com/QGuQyavXutnMH", "https://FCM.googleapis.com/fcm/send/x"}) {
            assertThat(endpoints.problem(endpoint)).as(endpoint).isEmpty();
            assertThat(endpoints.formProblem(endpoint)).as(endpoint).isEmpty();
        }
    }

    @Test
    void anyOtherHostIsRefusedBeforeItIsLookedUp() {
        for (String endpoint : new String[] {"https://8.8.8.8/push/1", "https://push.example.net/1", "https://fcm.googleapis.com.example.net/x",
                "https://notify.windows.com/w/", "https://evilnotify.windows.com/w/", "https://example.net/fcm.googleapis.com/x",
                "https://fcm.googleapis.com@example.net/x"}) {
            assertThat(endpoints.problem(endpoint)).as(endpoint).isPresent();
            assertThat(endpoints.formProblem(endpoint)).as(endpoint).isPresent();
        }
        assertThat(endpoints.problem("https://push.example.net/1")).contains("subscribe.push.hostNotAllowed");
    }

    @Test
    void aListedHostStillNeedsHttpsAndAPublicAddress() {
        assertThat(endpoints.problem("http://fcm.googleapis.com/fcm/send/x")).contains("subscribe.webhook.httpsRequired");
        PushEndpoints internal = new PushEndpoints(BoundSettings.of(AlertsProperties.class,
                "machi.alerts.push.allowed-hosts=internal.push.example"), addresses);
        assertThat(internal.problem("https://internal.push.example/1")).contains("subscribe.webhook.privateAddress");
    }
}
