package org.stockroom.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the command line in-process, as {@code stockroom ARGS} would, and keeps what it printed. */
final class Cli {

    record Run(int exitCode, String out, String err) {

        List<String> outLines() {
            return out.lines().toList();
        }

        /** The output with runs of spaces collapsed, so table rows can be matched without counting padding. */
        String squeezed() {
            return out.replaceAll(" +", " ");
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private final StoreSession.Opener sessions;

    Cli(StoreSession.Opener sessions) {
        this.sessions = sessions;
    }

    /** The command line as users get it: every command opens and closes its own store. */
    static Cli standalone() {
        return new Cli(StoreSession::open);
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // Built as the process entry point builds it, knowing only the command the arguments name.
        int exit = StockroomCommand.forArguments(new PrintWriter(out, true), new PrintWriter(err, true), sessions, args)
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
