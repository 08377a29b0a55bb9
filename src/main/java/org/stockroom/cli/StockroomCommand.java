package org.stockroom.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code stockroom <command>}. Errors print one line and exit non-zero. */
@Command(
        name = "stockroom",
        mixinStandardHelpOptions = true,
        versionProvider = StockroomCommand.Version.class,
        description = "Inventory management for small online shops.")
public class StockroomCommand implements Runnable {

    // One command per line, so that features adding commands in parallel merge without conflict.
    private static final List<Class<?>> COMMANDS = List.of(
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
            CommandLine.HelpCommand.class);

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
        return forArguments(
                        new PrintWriter(System.out, true), new PrintWriter(System.err, true), StoreSession::open, args)
                .execute(args);
    }

    /** The command line for a run with these arguments: it knows the command they name (see below). */
    static CommandLine forArguments(PrintWriter out, PrintWriter err, StoreSession.Opener sessions, String... args) {
        return commandLine(out, err, sessions, args.length == 0 ? null : args[0]);
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, StoreSession::open);
    }

    /** The command line with its own way of opening the store; tests use it to share one store between commands. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, StoreSession.Opener sessions) {
        return commandLine(out, err, sessions, null);
    }

    /**
     * The command line knowing only the command {@code name} names, when it names one. Picocli reads
     * the annotations of every command and option when a command is added (a fifth of a short
     * command's run for all of them); a run that names its command needs no other. Anything else
     * (no command, an option, an unknown name, {@code help}) gets them all, for the usage and the
     * suggestions.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, StoreSession.Opener sessions, String name) {
        CommandLine cli = new CommandLine(new StockroomCommand(sessions));
        List<Class<?>> named = COMMANDS.stream()
                .filter(command -> command != CommandLine.HelpCommand.class
                        && names(command).contains(name))
                .toList();
        (named.isEmpty() ? COMMANDS : named).forEach(cli::addSubcommand);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new CliErrors());
        cli.setParameterExceptionHandler(new CliErrors.BadUsage());
        return cli;
    }

    private static List<String> names(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        List<String> names = new ArrayList<>(List.of(annotation.aliases()));
        names.add(annotation.name());
        return names;
    }

    /** How any command, however deeply nested, reaches the store's opener. */
    static StoreSession.Opener sessions(CommandLine.Model.CommandSpec spec) {
        return ((StockroomCommand) spec.root().userObject()).sessions;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = StockroomCommand.class.getPackage().getImplementationVersion();
            return new String[] {
                "stockroom " + (version == null ? "development" : version), "on Java " + Runtime.version()
            };
        }
    }
}
