package org.stockroom.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on one store: it takes {@code --data DIR}, opens the store once, runs, and
 * closes it. Subclasses say only what the command does with the open store.
 */
abstract class StoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOption data = new DataOption();

    @Override
    public final Integer call() {
        beforeOpening();
        PrintWriter out = spec.commandLine().getOut();
        try (StoreSession session = data.open()) {
            int exitCode = run(session, out);
            out.flush();
            return exitCode;
        }
    }

    /** Checks and reads what the command needs before the store is opened (arguments, a file, a password). */
    void beforeOpening() {}

    /** The command's work on the open store; answers the exit code. */
    abstract int run(StoreSession session, PrintWriter out);
}
