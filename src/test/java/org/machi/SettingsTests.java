package org.machi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.machi.alerts.AlertsProperties;
import org.machi.alerts.PushProperties;
import org.machi.casework.cases.CaseworkProperties;
import org.machi.identity.IdentityProperties;
import org.machi.procedures.ProceduresProperties;
import org.machi.procedures.drafts.DraftsProperties;
import org.machi.procedures.forms.values.EraOverrun;
import org.machi.procedures.attachments.AttachmentsProperties;
import org.machi.procedures.forms.values.ValuesProperties;
import org.machi.shared.SharedProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

/**
 * The settings each module reads, bound and checked as at start: the defaults hold, and a bad value
 * stops the start with the setting and what is wrong with it named.
 */
class SettingsTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({SharedProperties.class, AlertsProperties.class, PushProperties.class, IdentityProperties.class,
            ProceduresProperties.class, ValuesProperties.class, AttachmentsProperties.class, DraftsProperties.class,
            CaseworkProperties.class})
    static class Settings {
    }

    private final ApplicationContextRunner start = new ApplicationContextRunner().withUserConfiguration(Settings.class)
            .withPropertyValues("machi.base-url=https://machi.example.jp/", "machi.data-dir=./data");

    @Test
    void theDefaultsHold() {
        start.run(context -> {
            assertThat(context).hasNotFailed();
            SharedProperties shared = context.getBean(SharedProperties.class);
            assertThat(shared.baseUrl()).as("without its trailing slash").isEqualTo("https://machi.example.jp");
            assertThat(shared.mail().from()).isEmpty();
            assertThat(shared.events().resubmitAfter()).isEqualTo(Duration.ofMinutes(5));
            assertThat(shared.pages().sharedFor()).isEqualTo(Duration.ofSeconds(1));
            assertThat(shared.pages().sharedBytes()).isEqualTo(64L * 1024 * 1024);
            AlertsProperties alerts = context.getBean(AlertsProperties.class);
            assertThat(alerts.preApprovedKinds()).isEmpty();
            assertThat(alerts.delivery().batchSize()).isEqualTo(200);
            assertThat(alerts.delivery().workers()).isZero();
            assertThat(alerts.delivery().lease()).isEqualTo(Duration.ofMinutes(2));
            assertThat(alerts.delivery().mailPerSecond()).isEqualTo(5000);
            assertThat(alerts.subscribe()).isEqualTo(new AlertsProperties.Subscribe(20, 3, 10));
            assertThat(alerts.push()).isEqualTo(new AlertsProperties.Push(List.of("fcm.googleapis.com", "updates.push.services.mozilla.com",
                    "*.notify.windows.com", "web.push.apple.com", "*.push.apple.com"), 20, Duration.ofDays(1)));
            assertThat(alerts.webhooks().allowHttpLocalhost()).isFalse();
            assertThat(alerts.renewalWarning()).isEqualTo(Duration.ofHours(3));
            assertThat(context.getBean(PushProperties.class).contact()).isNull();
            IdentityProperties identity = context.getBean(IdentityProperties.class);
            assertThat(identity.password().singleFactorMinimumLength()).isEqualTo(15);
            assertThat(identity.retention().deletedAccounts()).isEqualTo(Duration.ofDays(30));
            assertThat(identity.firstAdministrator()).isEqualTo("admin");
            assertThat(identity.throttle()).isEqualTo(new IdentityProperties.Throttle(30, 10, 100, 40, Duration.ofMinutes(15)));
            assertThat(identity.secondFactor()).isEqualTo(new IdentityProperties.SecondFactor(5, Duration.ofMinutes(15)));
            assertThat(identity.signUp()).isEqualTo(new IdentityProperties.SignUp(3, 10));
            assertThat(identity.signInLink()).isEqualTo(new IdentityProperties.SignInLink(5, 20));
            assertThat(identity.oneTimePasswordLifetime()).isEqualTo(Duration.ofHours(24));
            assertThat(context.getBean(ValuesProperties.class).eraOverrun()).as("平成32年 refused unless the city says otherwise")
                    .isEqualTo(EraOverrun.REFUSE);
            assertThat(context.getBean(CaseworkProperties.class).onePerHousehold()).as("casework (H4)").containsExactly("kyufukin");
            ProceduresProperties procedures = context.getBean(ProceduresProperties.class);
            assertThat(procedures.forms()).isEqualTo("classpath:procedures/forms/");
            assertThat(procedures.drafts().keptFor()).isEqualTo(Duration.ofDays(30));
            assertThat(context.getBean(DraftsProperties.class)).isEqualTo(new DraftsProperties(Duration.ofHours(24), Duration.ofDays(7), 5, 20, 30));
            AttachmentsProperties attachments = context.getBean(AttachmentsProperties.class);
            assertThat(attachments.unattachedKeptFor()).isEqualTo(Duration.ofDays(1));
            assertThat(attachments.maxPixels()).isEqualTo(40_000_000);
            assertThat(attachments.maxSide()).isEqualTo(10_000);
            assertThat(attachments.clamd().configured()).as("no virus scanning unless clamd is set").isFalse();
            assertThat(attachments.clamd().port()).isEqualTo(3310);
            assertThat(attachments.clamd().timeout()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    /** Environment variables and command lines give a list as one comma-separated value. */
    @Test
    void aCommaSeparatedValueIsAList() {
        start.withPropertyValues("machi.alerts.push.allowed-hosts=localhost, push.example.jp").run(context ->
                assertThat(context.getBean(AlertsProperties.class).push().allowedHosts()).containsExactly("localhost", "push.example.jp"));
    }

    @Test
    void aBadValueStopsTheStartNamingTheSettingAndTheReason() {
        refused("machi.alerts.delivery.batch-size=0", "machi.alerts", "delivery.batchSize", "must be greater than 0");
        refused("machi.alerts.delivery.workers=-1", "machi.alerts", "delivery.workers", "must be greater than or equal to 0");
        refused("machi.alerts.delivery.lease=0s", "machi.alerts", "delivery.lease", "must be longer than or equal to");
        refused("machi.alerts.delivery.webhook-concurrency=0", "machi.alerts", "delivery.webhookConcurrency", "must be greater than 0");
        refused("machi.alerts.renewal-warning=2d", "machi.alerts", "renewalWarning", "must be shorter than or equal to");
        refused("machi.events.resubmit-after=0s", "machi", "events.resubmitAfter", "must be longer than or equal to");
        refused("machi.tasks.polling-interval=-10s", "machi", "tasks.pollingInterval", "must be longer than or equal to");
        refused("machi.base-url=machi.example.jp", "machi", "baseUrl", "must be an http or https address");
        refused("machi.push.contact=bousai@city.example.jp", "machi.push", "contact", "must be a mailto: or https:// address");
        refused("machi.identity.password.multi-factor-minimum-length=4", "machi.identity", "password.multiFactorMinimumLength",
                "must be greater than or equal to 8");
        refused("machi.identity.retention.deleted-accounts=0d", "machi.identity", "retention.deletedAccounts",
                "must be longer than or equal to");
        refused("machi.identity.first-administrator= ", "machi.identity", "firstAdministrator", "must not be blank");
        refused("machi.identity.throttle.attempts-per-account=0", "machi.identity", "throttle.attemptsPerAccount", "must be greater than 0");
        refused("machi.identity.throttle.window=-15m", "machi.identity", "throttle.window", "must be longer than or equal to");
        refused("machi.identity.second-factor.attempts=0", "machi.identity", "secondFactor.attempts", "must be greater than 0");
        refused("machi.identity.second-factor.window=0s", "machi.identity", "secondFactor.window", "must be longer than or equal to");
        refused("machi.identity.sign-up.mails-per-address=-1", "machi.identity", "signUp.mailsPerAddress", "must be greater than 0");
        refused("machi.identity.sign-in-link.mails-per-address-and-client=0", "machi.identity", "signInLink.mailsPerAddressAndClient",
                "must be greater than 0");
        refused("machi.alerts.subscribe.requests-per-address=0", "machi.alerts", "subscribe.requestsPerAddress", "must be greater than 0");
        refused("machi.alerts.delivery.mail-per-second=0", "machi.alerts", "delivery.mailPerSecond", "must be greater than 0");
        refused("machi.identity.one-time-password-lifetime=0s", "machi.identity", "oneTimePasswordLifetime",
                "must be longer than or equal to");
        refused("machi.alerts.push.allowed-hosts=", "machi.alerts", "push.allowedHosts", "must not be empty");
        refused("machi.alerts.push.allowed-hosts=fcm.googleapis.com, ,web.push.apple.com", "machi.alerts", "push.allowedHosts[1]",
                "must not be blank");
        refused("machi.alerts.push.subscriptions-per-client=0", "machi.alerts", "push.subscriptionsPerClient", "must be greater than 0");
        refused("machi.alerts.push.subscriptions-window=0s", "machi.alerts", "push.subscriptionsWindow", "must be longer than or equal to");
        start.withPropertyValues("machi.alerts.webhooks.allow-http-localhost=sometimes").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("machi.alerts.webhooks.allow-http-localhost"));
        refused("machi.procedures.forms= ", "machi.procedures", "forms", "must not be blank");
        refused("machi.procedures.drafts.kept-for=10m", "machi.procedures", "drafts.keptFor", "must be longer than or equal to");
        refused("machi.procedures.drafts.link-lifetime=1m", "machi.procedures.drafts", "linkLifetime", "must be longer than or equal to");
        refused("machi.procedures.drafts.link-lifetime=30d", "machi.procedures.drafts", "linkLifetime", "must be shorter than or equal to");
        refused("machi.procedures.drafts.remind-before=0s", "machi.procedures.drafts", "remindBefore", "must be longer than or equal to");
        refused("machi.procedures.drafts.links-per-hour=0", "machi.procedures.drafts", "linksPerHour", "must be greater than 0");
        refused("machi.procedures.attachments.unattached-kept-for=1m", "machi.procedures.attachments", "unattachedKeptFor",
                "must be longer than or equal to");
        refused("machi.procedures.attachments.max-side=0", "machi.procedures.attachments", "maxSide", "must be greater than 0");
        refused("machi.procedures.attachments.clamd.port=70000", "machi.procedures.attachments", "clamd.port",
                "must be less than or equal to 65535");
        refused("machi.procedures.attachments.clamd.timeout=0s", "machi.procedures.attachments", "clamd.timeout",
                "must be longer than or equal to");
        refused("machi.pages.shared-for=-1s", "machi", "pages.sharedFor", "must be longer than or equal to");
        refused("machi.pages.shared-bytes=-1", "machi", "pages.sharedBytes", "must be greater than or equal to 0");
        start.withPropertyValues("machi.pages.shared-for=0s", "machi.pages.shared-bytes=0").run(context ->
                assertThat(context).as("nothing shared is a choice, not a mistake").hasNotFailed());
        start.withPropertyValues("machi.identity.password.multi-factor-minimum-length=12",
                "machi.identity.password.single-factor-minimum-length=10").run(context ->
                assertThat(context).as("single-factor must not be shorter than multi-factor").getFailure()
                        .hasStackTraceContaining("single-factor-minimum-length must be at least multi-factor-minimum-length"));
        start.withPropertyValues("machi.procedures.values.era-overrun=accept").run(context ->
                assertThat(context.getBean(ValuesProperties.class).eraOverrun()).isEqualTo(EraOverrun.ACCEPT));
        start.withPropertyValues("machi.procedures.values.era-overrun=SOMETIMES").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("machi.procedures.values.era-overrun"));
        start.withPropertyValues("machi.alerts.pre-approved-kinds=EVACUATION_ORDER,NO_SUCH_KIND").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("machi.alerts.pre-approved-kinds"));
    }

    /** What an operator reads when the application does not start: the setting as they wrote it, its value, the reason. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theOperatorIsToldWhichSettingIsWrong(CapturedOutput output) {
        SpringApplication application = new SpringApplicationBuilder(Settings.class).web(WebApplicationType.NONE)
                .properties("machi.base-url=https://machi.example.jp", "machi.data-dir=./data", "machi.alerts.delivery.batch-size=0",
                        "spring.main.banner-mode=off")
                .build();
        assertThatThrownBy(application::run).isInstanceOf(ConfigurationPropertiesBindException.class);
        assertThat(output).contains("APPLICATION FAILED TO START", "Property: machi.alerts.delivery.batchSize", "Value: \"0\"",
                "Reason: must be greater than 0");
    }

    private void refused(String setting, String prefix, String field, String reason) {
        start.withPropertyValues(setting).run(context -> {
            assertThat(context).as(setting).hasFailed();
            String message = NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()).getMessage();
            assertThat(message).as(setting).contains("Binding validation errors on " + prefix + "\n",
                    "on field '" + field + "'", "default message [" + reason);
        });
    }
}
