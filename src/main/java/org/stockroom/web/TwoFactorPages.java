package org.stockroom.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.stockroom.Store;
import org.stockroom.accounts.Account;
import org.stockroom.accounts.RateLimitedException;
import org.stockroom.accounts.SecondFactor;
import org.stockroom.support.DomainException;

/** Entering a sign-in code, and setting up an authenticator app. */
@Controller
class TwoFactorPages {

    /** The secret being set up lives in the session until a code confirms it, so a reload shows the same QR code. */
    private static final String PENDING_SECRET = "stockroom.pending-totp-secret";

    private final SecondFactor secondFactor;

    TwoFactorPages(Store store) {
        this.secondFactor = store.secondFactor();
    }

    @GetMapping("/login/code")
    String codeForm() {
        return "accounts/code";
    }

    @PostMapping("/login/code")
    String code(
            @AuthenticationPrincipal Account account,
            @RequestParam(defaultValue = "") String code,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        try {
            secondFactor.verify(account.name(), code, request.getRemoteAddr());
        } catch (RateLimitedException e) {
            model.addAttribute("error", e.getMessage());
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            return "accounts/code";
        } catch (DomainException e) {
            model.addAttribute("error", "That code is wrong or was already used.");
            response.setStatus(400);
            return "accounts/code";
        }
        secondFactor.complete(request, response, account.name());
        return null;
    }

    @GetMapping("/account/two-factor")
    String enrolment(@AuthenticationPrincipal Account account, HttpSession session, Model model) {
        if (secondFactor.isEnabled(account.name())) {
            model.addAttribute("enabled", true);
            return "accounts/two-factor";
        }
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = secondFactor.newSecret();
            session.setAttribute(PENDING_SECRET, secret);
        }
        model.addAttribute("enabled", false);
        model.addAttribute("secret", secret);
        model.addAttribute("qr", secondFactor.qr(account.name(), secret));
        return "accounts/two-factor";
    }

    @PostMapping("/account/two-factor")
    String enrol(
            @AuthenticationPrincipal Account account,
            @RequestParam(defaultValue = "") String code,
            HttpSession session,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            return "redirect:/account/two-factor";
        }
        List<String> codes;
        try {
            codes = secondFactor.enrol(account.name(), secret, code);
        } catch (DomainException e) {
            response.setStatus(400);
            model.addAttribute(
                    "error", "That code does not match. Check the time on your phone and enter the current code.");
            return enrolment(account, session, model);
        }
        session.removeAttribute(PENDING_SECRET);
        // An OWNER who had to enrol before anything else is now fully signed in.
        secondFactor.grant(request, response, account.name());
        model.addAttribute("codes", codes);
        return "accounts/recovery-codes";
    }
}
