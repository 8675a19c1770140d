package org.machi.identity.web;

import org.machi.identity.ResidentProfile;
import org.machi.identity.account.Accounts;
import org.machi.identity.account.Profiles;
import org.machi.shared.CityProfile;
import org.machi.identity.security.MachiUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A resident's own account page. */
@Controller
class AccountController {

    private final Accounts accounts;
    private final Profiles profiles;
    private final CityProfile city;
    private final PasskeysController.Passkeys passkeys;

    AccountController(Accounts accounts, Profiles profiles, CityProfile city, PasskeysController.Passkeys passkeys) {
        this.passkeys = passkeys;
        this.accounts = accounts;
        this.profiles = profiles;
        this.city = city;
    }

    @GetMapping("/account")
    String account(MachiUser user, Model model) {
        model.addAttribute("account", accounts.findById(user.accountId()).orElseThrow());
        var profile = profiles.own(user.accountId());
        model.addAttribute("profile", profile.orElse(null));
        profile.map(ResidentProfile::birthDate).ifPresent(date ->
                model.addAttribute("birthDate", ProfileController.withEra(date)));
        profile.map(ResidentProfile::district).flatMap(city::district).ifPresent(d -> model.addAttribute("district", d));
        model.addAttribute("passkeys", passkeys.of(user));
        return "identity/account";
    }
}
