package org.stockroom.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the form's POST and {@code /logout}. */
@Controller
class SignInPages {

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(name = "locked", required = false) Long lockedSeconds,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("lockedSeconds", lockedSeconds);
        model.addAttribute("signedOut", signedOut != null);
        return "accounts/login";
    }
}
