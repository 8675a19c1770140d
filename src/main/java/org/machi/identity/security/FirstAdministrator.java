package org.machi.identity.security;

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
 * empty database, one creates it.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    private final StaffAccounts staff;
    private final OncePerDeployment once;
    private final String staffId;

    FirstAdministrator(StaffAccounts staff, OncePerDeployment once, IdentityProperties properties) {
        this.staff = staff;
        this.once = once;
        this.staffId = properties.firstAdministrator();
    }

    @Override
    public void run(ApplicationArguments args) {
        AtomicReference<Optional<String>> created = new AtomicReference<>(Optional.empty());
        once.run("identity.first-administrator", () -> created.set(staff.createFirstAdministrator(staffId)));
        // shown after the commit: a password printed for an account that was rolled back would mislead
        created.get().ifPresent(password -> System.out.printf("""

                ============================================================
                 Machi's first administrator has been created.
                 Sign in at /staff/sign-in
                   staff ID:           %s
                   one-time password:  %s
                 You will choose a new password and set up a second factor.
                 This password is shown only now.
                ============================================================

                """, staffId, password));
    }
}
