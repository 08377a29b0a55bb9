package org.stockroom.web;

import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stockroom.Store;
import org.stockroom.accounts.Account;
import org.stockroom.accounts.Audit;
import org.stockroom.accounts.LoginThrottle;
import org.stockroom.accounts.Role;
import org.stockroom.accounts.Tokens;
import org.stockroom.accounts.User;
import org.stockroom.accounts.Users;
import org.stockroom.support.DomainException;

/** The OWNER's pages: users, API tokens, the audit trail (paths under /admin are OWNER only). */
@Controller
class AdminPages {

    private final Users users;
    private final Tokens tokens;
    private final Audit audit;
    private final LoginThrottle throttle;

    AdminPages(Store store) {
        this.users = store.users();
        this.tokens = store.tokens();
        this.audit = store.audit();
        this.throttle = store.signInThrottle();
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", Role.values());
        model.addAttribute("lockouts", throttle.lockouts());
        return "accounts/users";
    }

    @PostMapping("/admin/users")
    String addUser(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "VIEWER") String role,
            RedirectAttributes flash) {
        try {
            User user = users.add(new Users.NewUser(username, password, Role.parse("role", role)));
            flash.addFlashAttribute("notice", "Added " + user.username() + " (" + user.role() + ").");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("username", username);
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{username}")
    String updateUser(
            @PathVariable String username,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) Boolean disabled,
            @RequestParam(required = false) String password,
            RedirectAttributes flash) {
        try {
            users.update(
                    username,
                    new Users.UserChanges(
                            role == null ? null : Role.parse("role", role),
                            password == null || password.isEmpty() ? null : password,
                            disabled));
            flash.addFlashAttribute("notice", "Changed " + username + ".");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("roles", Role.values());
        return "accounts/tokens";
    }

    @PostMapping("/admin/tokens")
    String issueToken(
            @AuthenticationPrincipal Account creator,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "VIEWER") String role,
            @RequestParam(required = false) String expiresOn,
            RedirectAttributes flash) {
        try {
            Instant expires = expiresOn == null || expiresOn.isBlank()
                    ? null
                    : java.time.LocalDate.parse(expiresOn)
                            .plusDays(1)
                            .atStartOfDay(java.time.ZoneOffset.UTC)
                            .toInstant();
            Tokens.Issued issued = tokens.issue(creator, name, Role.parse("role", role), expires);
            flash.addFlashAttribute("issued", issued);
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        } catch (java.time.DateTimeException e) {
            // Not a date, or one with no next day (+999999999-12-31).
            flash.addFlashAttribute("error", "The expiry must be a date (YYYY-MM-DD).");
        }
        return "redirect:/admin/tokens";
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revokeToken(@PathVariable String id, RedirectAttributes flash) {
        try {
            tokens.revoke(id);
            flash.addFlashAttribute("notice", "Revoked the token.");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/tokens";
    }

    @GetMapping("/admin/audit")
    String audit(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("events", audit.list(actor, action, Math.max(page, 0), 100));
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        return "accounts/audit";
    }
}
