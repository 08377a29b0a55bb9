package org.stockroom.api;

import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.stockroom.Store;
import org.stockroom.accounts.Account;
import org.stockroom.accounts.ApiToken;
import org.stockroom.accounts.Audit;
import org.stockroom.accounts.AuditEvent;
import org.stockroom.accounts.LoginThrottle;
import org.stockroom.accounts.Role;
import org.stockroom.accounts.Tokens;
import org.stockroom.accounts.User;
import org.stockroom.accounts.Users;
import org.stockroom.support.Page;

/** Users, API tokens, the audit trail and current lockouts; OWNER only (see accounts/SecurityConfiguration). */
@RestController
class AccountApi {

    record NewUserRequest(String username, String password, String role) {}

    record UserPatch(String role, String password, Boolean disabled) {}

    record NewTokenRequest(String name, String role, Instant expiresAt) {}

    private final Users users;
    private final Tokens tokens;
    private final Audit audit;
    private final LoginThrottle throttle;

    AccountApi(Store store) {
        this.users = store.users();
        this.tokens = store.tokens();
        this.audit = store.audit();
        this.throttle = store.signInThrottle();
    }

    @PostMapping("/api/users")
    ResponseEntity<User> addUser(@RequestBody NewUserRequest request, UriComponentsBuilder uri) {
        User user = users.add(
                new Users.NewUser(request.username(), request.password(), Role.parse("role", request.role())));
        return ResponseEntity.created(uri.path("/api/users/{username}")
                        .buildAndExpand(user.username())
                        .toUri())
                .body(user);
    }

    @GetMapping("/api/users")
    List<User> users() {
        return users.list();
    }

    @PatchMapping(
            path = "/api/users/{username}",
            consumes = {"application/json", "application/merge-patch+json"})
    User updateUser(@PathVariable String username, @RequestBody UserPatch patch) {
        Role role = patch.role() == null ? null : Role.parse("role", patch.role());
        return users.update(username, new Users.UserChanges(role, patch.password(), patch.disabled()));
    }

    @PostMapping("/api/tokens")
    ResponseEntity<Tokens.Issued> issueToken(
            @AuthenticationPrincipal Account creator, @RequestBody NewTokenRequest request, UriComponentsBuilder uri) {
        Tokens.Issued issued =
                tokens.issue(creator, request.name(), Role.parse("role", request.role()), request.expiresAt());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(
                        uri.path("/api/tokens/{id}").buildAndExpand(issued.id()).toUri())
                .body(issued);
    }

    @GetMapping("/api/tokens")
    List<ApiToken> tokens() {
        return tokens.list();
    }

    @DeleteMapping("/api/tokens/{id}")
    ResponseEntity<Void> revokeToken(@PathVariable String id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/audit")
    Page<AuditEvent> audit(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return audit.list(actor, action, page, size);
    }

    /** Accounts and addresses that are locked now after failed sign-ins; each lock lifts by itself. */
    @GetMapping("/api/lockouts")
    List<LoginThrottle.Lockout> lockouts() {
        return throttle.lockouts();
    }
}
