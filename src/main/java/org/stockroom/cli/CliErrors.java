package org.stockroom.cli;

import java.util.stream.Collectors;
import org.stockroom.support.DomainException;
import org.stockroom.support.InvalidRequestException;
import picocli.CommandLine;

/**
 * A refusal is one line on stderr and exit code 1 (2 for bad input); nobody at a terminal needs a
 * stack trace.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {

    static final int REFUSED = 1;
    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof DomainException)) {
            cause = cause.getCause();
        }
        if (cause instanceof DomainException domain) {
            cli.getErr().println("error: " + message(domain) + " (" + domain.code() + ")");
            cli.getErr().flush();
            return domain.kind() == DomainException.Kind.INVALID ? BAD_INPUT : REFUSED;
        }
        cli.getErr().println("error: " + message(e));
        cli.getErr().flush();
        return REFUSED;
    }

    /**
     * What went wrong, said by whoever found it: a store that cannot be opened fails deep inside
     * the framework's wiring, whose exceptions each repeat every message below them ("Error creating
     * bean with name ..."), so the first exception of the chain that is not one of those wrappers
     * speaks (the database driver's "Connection to host:5432 refused", Flyway's, SQLite's, ours).
     */
    static String message(Throwable e) {
        Throwable speaker = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            speaker = cause;
            if (!wrapper(cause)) {
                break;
            }
        }
        return speaker.getMessage() == null ? speaker.getClass().getSimpleName() : speaker.getMessage();
    }

    private static boolean wrapper(Throwable e) {
        return e.getCause() != null
                && (e.getClass().getName().startsWith("org.springframework.")
                        || (e.getMessage() != null
                                && e.getMessage().equals(e.getCause().toString())));
    }

    /** Every field at fault on the one line, rather than "3 fields are invalid". */
    private static String message(DomainException e) {
        if (e instanceof InvalidRequestException invalid && invalid.errors().size() > 1) {
            return invalid.errors().stream()
                    .map(f -> f.field() + " " + f.message())
                    .collect(Collectors.joining("; "));
        }
        return e.getMessage();
    }

    /** Unknown commands, options and malformed values: one line naming the fix, exit 2. */
    static final class BadUsage implements CommandLine.IParameterExceptionHandler {

        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            CommandLine cli = e.getCommandLine();
            String message = e.getMessage();
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched
                    && !unmatched.getSuggestions().isEmpty()) {
                message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
            }
            cli.getErr()
                    .println("error: " + message + " (try: "
                            + cli.getCommandSpec().qualifiedName() + " --help)");
            cli.getErr().flush();
            return BAD_INPUT;
        }
    }
}
