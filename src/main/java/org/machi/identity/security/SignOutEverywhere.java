package org.machi.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.identity.account.AccountSessions;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/** Signs the person out on every device: all their sessions, on every node, end now. */
@Controller
class SignOutEverywhere {

    private final AccountSessions sessions;
    private final AuditTrail audit;

    SignOutEverywhere(AccountSessions sessions, AuditTrail audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    @PostMapping("/sign-out/everywhere")
    String signOutEverywhere(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        String name = authentication.getName();
        sessions.endAll(name);
        audit.record(AuditRecord.of(name, "sign-out.everywhere"));
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        return "redirect:/?signedOut";
    }
}
