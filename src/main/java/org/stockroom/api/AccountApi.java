package org.stockroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Accounts")
class AccountApi {

    record NewUserRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "sam")
            String username,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "At least 12 characters, not a common password",
                    example = "a-long-user-password")
            String password,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"OWNER", "STAFF", "VIEWER"},
                    example = "STAFF")
            String role) {}

    record UserPatch(
            @Schema(
                    allowableValues = {"OWNER", "STAFF", "VIEWER"},
                    example = "VIEWER")
            String role,

            @Schema(description = "A new password") String password,

            @Schema(description = "A disabled user cannot sign in; the last enabled OWNER cannot be disabled")
            Boolean disabled) {}

    record NewTokenRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "shop-sync")
            String name,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"OWNER", "STAFF", "VIEWER"},
                    example = "STAFF")
            String role,

            @Schema(description = "When the token stops working; null: never", example = "2027-01-01T00:00:00Z")
            Instant expiresAt) {}

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

    @Operation(
            summary = "Add a user",
            description = "Creates a user who signs in with a password; the answer's Location names the user.")
    @ApiResponse(responseCode = "201", description = "The user was added")
    @ApiResponse(responseCode = "409", description = "The username is taken: `duplicate-username`")
    @PostMapping("/api/users")
    ResponseEntity<User> addUser(@RequestBody NewUserRequest request, UriComponentsBuilder uri) {
        User user = users.add(
                new Users.NewUser(request.username(), request.password(), Role.parse("role", request.role())));
        return ResponseEntity.created(uri.path("/api/users/{username}")
                        .buildAndExpand(user.username())
                        .toUri())
                .body(user);
    }

    @Operation(summary = "List users", description = "Every user with role and whether they are disabled.")
    @GetMapping("/api/users")
    List<User> users() {
        return users.list();
    }

    @Operation(
            summary = "Change a user",
            description = "Changes the role, the password or whether the user is disabled; absent fields stay.")
    @ApiResponse(responseCode = "200", description = "The user as changed")
    @ApiResponse(responseCode = "409", description = "The change would leave no enabled OWNER: `last-owner`")
    @PatchMapping(
            path = "/api/users/{username}",
            consumes = {"application/json", "application/merge-patch+json"})
    User updateUser(@PathVariable String username, @RequestBody UserPatch patch) {
        Role role = patch.role() == null ? null : Role.parse("role", patch.role());
        return users.update(username, new Users.UserChanges(role, patch.password(), patch.disabled()));
    }

    @Operation(
            summary = "Issue an API token",
            description =
                    "The answer carries the token itself, shown only this once; send it as `Authorization: Bearer`.")
    @ApiResponse(responseCode = "201", description = "The token was issued")
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

    @Operation(summary = "List API tokens", description = "Every token, without its secret; revoked ones included.")
    @GetMapping("/api/tokens")
    List<ApiToken> tokens() {
        return tokens.list();
    }

    @Operation(summary = "Revoke an API token", description = "The token stops working at once.")
    @ApiResponse(responseCode = "204", description = "The token is revoked")
    @DeleteMapping("/api/tokens/{id}")
    ResponseEntity<Void> revokeToken(@PathVariable String id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Read the audit trail",
            description = "Who did what and when, newest first, optionally for one actor or action.")
    @GetMapping("/api/audit")
    Page<AuditEvent> audit(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return audit.list(actor, action, page, size);
    }

    @Operation(
            summary = "List current lockouts",
            description = "Accounts and addresses locked now after failed sign-ins; each lock lifts by itself.")
    @GetMapping("/api/lockouts")
    List<LoginThrottle.Lockout> lockouts() {
        return throttle.lockouts();
    }
}
