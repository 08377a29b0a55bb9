package org.stockroom.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.stockroom.accounts.Role;
import org.stockroom.accounts.User;
import org.stockroom.accounts.Users;
import org.stockroom.support.InvalidRequestException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * User accounts from the terminal. Whoever can run the program can read its database, so these
 * commands need no sign-in. A password is never an argument (it would show in the process list
 * and the shell history): it is typed at a prompt, or read from standard input with {@code --password-stdin}.
 */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Add users, change their password, disable them.",
        subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.Disable.class})
class UserCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The password options shared by the commands that set one. */
    static final class PasswordInput {

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean fromStdin;

        String read(String prompt) {
            if (fromStdin) {
                try {
                    String line =
                            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    if (line == null) {
                        throw new InvalidRequestException("password", "standard input was empty");
                    }
                    return line;
                } catch (IOException e) {
                    throw new InvalidRequestException("password", "cannot be read from standard input");
                }
            }
            Console console = System.console();
            if (console == null) {
                throw new InvalidRequestException("password", "no terminal to ask on; use --password-stdin");
            }
            char[] first = console.readPassword("%s: ", prompt);
            char[] again = console.readPassword("Again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw new InvalidRequestException("password", "the two entries differ");
            }
            return new String(first);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user (roles: OWNER, STAFF, VIEWER).")
    static class Add extends StoreCommand {

        @Mixin
        PasswordInput password = new PasswordInput();

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Option(names = "--json", description = "Print the user as JSON.")
        boolean json;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "OWNER, STAFF or VIEWER.")
        String role;

        private Role parsed;
        private String secret;

        @Override
        void beforeOpening() {
            parsed = Role.parse("role", role);
            secret = password.read("Password for " + username);
        }

        @Override
        int run(StoreSession session, PrintWriter out) {
            User user = session.store().users().add(new Users.NewUser(username, secret, parsed));
            print(spec, json, user, "Added " + user.username() + " (" + user.role() + ")");
            return 0;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set a user's password.")
    static class Passwd extends StoreCommand {

        @Mixin
        PasswordInput password = new PasswordInput();

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Option(names = "--json", description = "Print the user as JSON.")
        boolean json;

        private String secret;

        @Override
        void beforeOpening() {
            secret = password.read("New password for " + username);
        }

        @Override
        int run(StoreSession session, PrintWriter out) {
            User user = session.store().users().changePassword(username, secret);
            print(spec, json, user, "Changed the password of " + username);
            return 0;
        }
    }

    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            description = "Stop a user from signing in (their tokens stop too).")
    static class Disable extends StoreCommand {

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Option(names = "--json", description = "Print the user as JSON.")
        boolean json;

        @Override
        int run(StoreSession session, PrintWriter out) {
            User user = session.store().users().disable(username);
            print(spec, json, user, "Disabled " + username);
            return 0;
        }
    }

    private static void print(CommandSpec spec, boolean json, User user, String line) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, user);
            return;
        }
        out.println(line);
        out.flush();
    }
}
