package org.stockroom.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockroom.support.DomainException;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.NotFoundException;

/** User accounts: who they are, their role, their password, whether they may sign in. */
@Service
public class Users {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

    /** A new account. */
    public record NewUser(String username, String password, Role role) {}

    /** Changes to an account; a null field stays as it is. */
    public record UserChanges(Role role, String password, Boolean disabled) {}

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final Audit audit;
    private final Clock clock;

    Users(UserRepository users, PasswordEncoder passwords, Audit audit, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public User add(NewUser user) {
        String username = checkUsername(user.username());
        if (user.role() == null) {
            throw new InvalidRequestException("role", "is required");
        }
        PasswordPolicy.check("password", username, user.password());
        if (!users.insert(username, passwords.encode(user.password()), user.role(), clock.millis())) {
            throw new DomainException(
                    DomainException.Kind.CONFLICT,
                    "duplicate-username",
                    "A user named " + username + " already exists");
        }
        audit.record("user.created", username, "role " + user.role());
        return get(username);
    }

    public User get(String username) {
        return row(username).view();
    }

    public List<User> list() {
        return users.all().stream().map(UserRepository.Row::view).toList();
    }

    /**
     * Changes role, password or the disabled flag. The last enabled OWNER can neither be demoted
     * nor disabled, so the store always has someone who can manage it.
     */
    @Transactional
    public User update(String username, UserChanges changes) {
        UserRepository.Row current = row(username);
        if (current.role() == Role.OWNER && !current.disabled()) {
            // Two owners demoting each other would each see the other still enabled and both
            // succeed; locking every enabled owner first makes the second wait for the first and
            // then count what the first left behind.
            users.lockActiveOwners();
            current = row(username);
        }
        Role role = changes.role() == null ? current.role() : changes.role();
        boolean disabled = changes.disabled() == null ? current.disabled() : changes.disabled();
        String hash = current.passwordHash();
        if (changes.password() != null) {
            PasswordPolicy.check("password", username, changes.password());
            hash = passwords.encode(changes.password());
        }
        boolean losesOwner = current.role() == Role.OWNER && !current.disabled() && (role != Role.OWNER || disabled);
        if (losesOwner && users.activeOwners() <= 1) {
            // Counted after lockActiveOwners, so no other transaction can change the count before commit.
            throw new DomainException(
                    DomainException.Kind.CONFLICT, "last-owner", "The store must keep at least one enabled OWNER");
        }
        users.update(username, hash, role, disabled, clock.millis());
        List<String> what = new ArrayList<>();
        if (role != current.role()) {
            what.add("role " + current.role() + " -> " + role);
        }
        if (disabled != current.disabled()) {
            what.add(disabled ? "disabled" : "enabled");
        }
        if (changes.password() != null) {
            what.add("password changed");
        }
        audit.record("user.updated", username, what.isEmpty() ? "no change" : String.join(", ", what));
        return get(username);
    }

    @Transactional
    public User changePassword(String username, String password) {
        return update(username, new UserChanges(null, password, null));
    }

    @Transactional
    public User disable(String username) {
        return update(username, new UserChanges(null, null, true));
    }

    UserRepository.Row row(String username) {
        return users.find(username == null ? "" : username)
                .orElseThrow(() -> new NotFoundException("unknown-user", "No user named " + username));
    }

    private static String checkUsername(String username) {
        if (username == null || username.isEmpty()) {
            throw new InvalidRequestException("username", "is required");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidRequestException(
                    "username", "must be 1 to 64 characters of a-z 0-9 . _ @ -, starting with a letter or digit");
        }
        return username;
    }
}
