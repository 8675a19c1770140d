package org.machi.identity.web;

import org.machi.identity.account.Accounts;
import org.machi.identity.security.MachiUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A resident's own account page. */
@Controller
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal MachiUser user, Model model) {
        model.addAttribute("account", accounts.findById(user.accountId()).orElseThrow());
        return "identity/account";
    }
}
