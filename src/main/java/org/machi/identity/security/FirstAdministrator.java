package org.machi.identity.security;

import org.machi.identity.IdentityProperties;
import org.machi.identity.account.StaffAccounts;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At the first start (no staff account yet) creates the administrator and prints a one-time
 * password on the console, once. It is never logged; it must be changed at the first sign-in, and
 * the second factor enrolled right after.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    private final StaffAccounts staff;
    private final String staffId;

    FirstAdministrator(StaffAccounts staff, IdentityProperties properties) {
        this.staff = staff;
        this.staffId = properties.firstAdministrator();
    }

    @Override
    public void run(ApplicationArguments args) {
        staff.createFirstAdministrator(staffId).ifPresent(password -> System.out.printf("""

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
