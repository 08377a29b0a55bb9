package org.stockroom.cli;

import org.stockroom.support.DomainException;
import picocli.CommandLine;

/** A refusal is one line on stderr and exit code 1 (2 for bad input); nobody at a terminal needs a stack trace. */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof DomainException)) {
            cause = cause.getCause();
        }
        if (cause instanceof DomainException domain) {
            cli.getErr().println("error: " + domain.getMessage() + " (" + domain.code() + ")");
            return domain.status() == 400 ? 2 : 1;
        }
        cli.getErr().println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        return 1;
    }
}
