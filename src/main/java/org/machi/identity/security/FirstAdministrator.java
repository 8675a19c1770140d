package org.machi.identity.security;

import java.time.Duration;
import org.machi.identity.account.StaffAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At the first start (no staff account yet) creates the administrator and prints a one-time
 * password on the console, once. It is never logged; it must be changed at the first sign-in, and
 * the second factor enrolled right after. It is good for {@code machi.identity.one-time-password-lifetime}
 * (24 hours): if the administrator has not signed in by then, the next start prints a new one.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    private final StaffAccounts staff;
    private final String staffId;
    private final Duration lifetime;

    FirstAdministrator(StaffAccounts staff, @Value("${machi.identity.first-administrator:admin}") String staffId,
                       @Value("${machi.identity.one-time-password-lifetime:24h}") Duration lifetime) {
        this.staff = staff;
        this.staffId = staffId;
        this.lifetime = lifetime;
    }

    @Override
    public void run(ApplicationArguments args) {
        staff.createFirstAdministrator(staffId).ifPresentOrElse(password -> print("Machi's first administrator has been created.", password),
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
