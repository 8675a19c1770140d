package org.machi.alerts.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.machi.alerts.AlertsProperties;
import org.machi.testing.BoundSettings;

/** Which webhook addresses are called: https to the internet only; http to this machine only where a developer allows it. */
class WebhookAddressesTests {

    private final WebhookAddresses production = new WebhookAddresses(BoundSettings.of(AlertsProperties.class));
    private final WebhookAddresses development = new WebhookAddresses(BoundSettings.of(AlertsProperties.class,
            "machi.alerts.webhooks.allow-http-localhost=true"));

    @Test
    void privateAndSpecialAddressesAreRefused() throws Exception {
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "224.0.0.1", "240.0.0.1", "198.18.0.1", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "::",
                "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "2002:c0a8:101::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2"}) {
            assertThat(WebhookAddresses.isPrivate(InetAddress.getByName(address))).as(address).isTrue();
        }
        for (String address : new String[] {"8.8.8.8", "133.1.1.1", "2001:4860:4860::8888", "::ffff:8.8.8.8", "64:ff9b::808:808",
                "2002:808:808::1"}) {
            assertThat(WebhookAddresses.isPrivate(InetAddress.getByName(address))).as(address).isFalse();
        }
    }

    /** IPv6 spellings of private IPv4 addresses, which a check of the IPv6 form alone lets through. */
    @Test
    void everyIpv6FormOfAPrivateIpv4AddressIsRefused() throws Exception {
        for (String address : new String[] {"::10.0.0.1", "::169.254.169.254", "::127.0.0.1", "::ffff:0:a00:1", "::ffff:0:7f00:1",
                "64:ff9b:1::a00:1", "64:ff9b::a00:1", "2002:a00:1::1", "2001:db8::1", "3fff::1", "2001:2::1", "ff02::1", "100::1"}) {
            assertThat(WebhookAddresses.isPrivate(InetAddress.getByName(address))).as(address).isTrue();
            assertThat(production.problem("https://[" + address + "]/hook")).as(address).contains("subscribe.webhook.privateAddress");
        }
        for (String address : new String[] {"::8.8.8.8", "::ffff:0:808:808", "2606:4700:4700::1111"}) {
            assertThat(WebhookAddresses.isPrivate(InetAddress.getByName(address))).as(address).isFalse();
        }
        for (String address : new String[] {"192.0.2.1", "198.51.100.7", "203.0.113.9", "192.88.99.1"}) {
            assertThat(WebhookAddresses.isPrivate(InetAddress.getByName(address))).as("documentation and relay: " + address).isTrue();
        }
    }

    @Test
    void onlyHttpsToAPublicAddressInProduction() {
        assertThat(production.problem("https://8.8.8.8/hook")).isEmpty();
        assertThat(production.problem("http://8.8.8.8/hook")).contains("subscribe.webhook.httpsRequired");
        assertThat(production.problem("http://localhost:8080/hook")).contains("subscribe.webhook.httpsRequired");
        assertThat(production.problem("https://127.0.0.1/hook")).contains("subscribe.webhook.privateAddress");
        assertThat(production.problem("https://[fd00::1]/hook")).contains("subscribe.webhook.privateAddress");
        assertThat(production.problem("https://user:secret@8.8.8.8/hook")).contains("subscribe.webhook.invalid");
        assertThat(production.problem("javascript:alert(1)")).contains("subscribe.webhook.invalid");
        assertThat(production.problem("https://8.8.8.8/" + "a".repeat(2000))).contains("subscribe.webhook.invalid");
        assertThat(production.problem("https://exa mple.jp/")).contains("subscribe.webhook.invalid");
        assertThat(production.problem("https://8.8.8.8/" + "あ".repeat(1000))).as("an address is ASCII (an IRI is percent-encoded)")
                .contains("subscribe.webhook.invalid");
    }

    @Test
    void plainHttpToThisMachineOnlyWhenADeveloperAllowsIt() {
        assertThat(development.problem("http://localhost:8080/hook")).isEmpty();
        assertThat(development.problem("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(development.problem("http://10.0.0.5/hook")).contains("subscribe.webhook.httpsRequired");
        assertThat(development.problem("https://10.0.0.5/hook")).contains("subscribe.webhook.privateAddress");
    }
}
