package org.stockroom.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code stockroom <command>}. Errors print one line and exit non-zero. */
@Command(
        name = "stockroom",
        mixinStandardHelpOptions = true,
        versionProvider = StockroomCommand.Version.class,
        description = "Inventory management for small online shops.",
        // One command per line, so that features adding commands in parallel merge without conflict.
        subcommands = {
            ServeCommand.class,
            DemoCommand.class,
            ProductsCommand.class,
            PurchaseCommand.class,
            ReserveCommand.class,
            ReservationsCommand.class,
            RestockCommand.class,
            AlertsCommand.class,
            BackordersCommand.class,
            ReportCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            MovementsCommand.class,
            VerifyCommand.class,
            UserCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            PoCommand.class,
            SuppliersCommand.class,
            ChannelsCommand.class,
            CommandLine.HelpCommand.class,
        })
public class StockroomCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final StoreSession.Opener sessions;

    StockroomCommand(StoreSession.Opener sessions) {
        this.sessions = sessions;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String[] args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args);
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, StoreSession::open);
    }

    /** The command line with its own way of opening the store; tests use it to share one store between commands. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, StoreSession.Opener sessions) {
        CommandLine cli = new CommandLine(new StockroomCommand(sessions));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new CliErrors());
        cli.setParameterExceptionHandler(new CliErrors.BadUsage());
        return cli;
    }

    /** How any command, however deeply nested, reaches the store's opener. */
    static StoreSession.Opener sessions(CommandLine.Model.CommandSpec spec) {
        return ((StockroomCommand) spec.root().userObject()).sessions;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = StockroomCommand.class.getPackage().getImplementationVersion();
            return new String[] {"stockroom " + (version == null ? "development" : version)};
        }
    }
}
