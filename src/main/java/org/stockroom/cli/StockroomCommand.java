package org.stockroom.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code stockroom <command>}. Errors print one line and exit non-zero. */
@Command(name = "stockroom", mixinStandardHelpOptions = true, versionProvider = StockroomCommand.Version.class,
        description = "Inventory management for small online shops.",
        subcommands = {ServeCommand.class, ProductsCommand.class, CommandLine.HelpCommand.class})
public class StockroomCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String[] args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new StockroomCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new CliErrors());
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = StockroomCommand.class.getPackage().getImplementationVersion();
            return new String[] {"stockroom " + (version == null ? "development" : version)};
        }
    }
}
