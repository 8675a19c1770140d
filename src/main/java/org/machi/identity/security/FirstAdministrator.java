package org.machi.identity.security;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.machi.identity.IdentityProperties;
import org.machi.identity.account.StaffAccounts;
import org.machi.shared.OncePerDeployment;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At the first start (no staff account yet) creates the administrator and prints a one-time
 * password on the console, once. It is never logged; it must be changed at the first sign-in, and
 * the second factor enrolled right after. Once per deployment: of two nodes starting together on an
 * empty database, one creates it. The password is good for
 * {@code machi.identity.one-time-password-lifetime} (24 hours): if the administrator has not signed
 * in by then, the next start prints a new one.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    private final StaffAccounts staff;
    private final OncePerDeployment once;
    private final String staffId;
    private final Duration lifetime;

    FirstAdministrator(StaffAccounts staff, OncePerDeployment once, IdentityProperties properties) {
        this.staff = staff;
        this.once = once;
        this.staffId = properties.firstAdministrator();
        this.lifetime = properties.oneTimePasswordLifetime();
    }

    @Override
    public void run(ApplicationArguments args) {
        AtomicReference<Optional<String>> created = new AtomicReference<>(Optional.empty());
        once.run("identity.first-administrator", () -> created.set(staff.createFirstAdministrator(staffId)));
        // shown after the commit: a password printed for an account that was rolled back would mislead
        created.get().ifPresentOrElse(password -> print("Machi's first administrator has been created.", password),
                () -> staff.renewExpiredFirstAdministratorPassword(staffId, lifetime).ifPresent(password ->
                        print("The first administrator's one-time password expired unused; here is a new one.", password)));
    }

    private void print(String headline, String password) {
        System.out.printf("""

                ============================================================
                 %s
                 Sign in at /staff/sign-in
                   staff ID:           %s
                   one-time password:  %s
                 You will choose a new password and set up a second factor.
                 This password is shown only now and is good for %s;
                 after that, the next start shows a new one.
                ============================================================

                """, headline, staffId, password,
                lifetime.toMinutes() % 60 == 0 ? lifetime.toHours() + " hours" : lifetime.toMinutes() + " minutes");
    }
}
