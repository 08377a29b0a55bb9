package org.stockroom.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.stockroom.reservations.CommitOutcome;
import org.stockroom.reservations.Reservation;
import org.stockroom.reservations.ReservationStatus;
import org.stockroom.reservations.Reservations;
import org.stockroom.support.Choices;
import org.stockroom.support.StockroomProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reservations}: the holds, newest first; {@code reservations commit ID} and {@code reservations release ID} end one. */
@Command(
        name = "reservations",
        mixinStandardHelpOptions = true,
        description = {
            "Lists reservations, newest first (at most " + Reservations.LIST_LIMIT + "), all or of one status.",
            "'reservations commit ID' sells exactly the held lines; 'reservations release ID' gives the units back."
        },
        subcommands = {ReservationsCommand.Commit.class, ReservationsCommand.Release.class},
        footer = {"", "Example: stockroom reservations --status active"})
class ReservationsCommand extends StoreCommand {

    @Option(names = "--status", paramLabel = "S", description = "active, committed, released or expired.")
    String status;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    private ReservationStatus parsed;

    @Override
    void beforeOpening() {
        parsed = Choices.parseOptional(ReservationStatus.class, "--status", status);
    }

    @Override
    int run(StoreSession session, PrintWriter out) {
        List<Reservation> found = session.store().reservations().list(parsed);
        if (json) {
            Output.json(out, found);
            return 0;
        }
        if (found.isEmpty()) {
            out.println(
                    parsed == null
                            ? "No reservations."
                            : "No " + status.strip().toLowerCase(Locale.ROOT) + " reservations.");
            return 0;
        }
        ZoneId zone = session.bean(StockroomProperties.class).timezone();
        Table table = new Table("ID", "REFERENCE", "STATUS", "LINES", "EXPIRES", "PURCHASE");
        found.forEach(r -> table.row(
                r.id(),
                r.reference() == null ? "" : r.reference(),
                r.status(),
                r.lines().stream().map(l -> l.sku() + ":" + l.quantity()).collect(Collectors.joining(" ")),
                Output.time(r.expiresAt(), zone),
                r.purchaseId() == null ? "" : r.purchaseId()));
        table.print(out);
        return 0;
    }

    @Command(
            name = "commit",
            mixinStandardHelpOptions = true,
            description = {
                "Sells exactly the held lines at today's prices. Committing again prints the same purchase;",
                "a released or expired reservation is refused (exit 1)."
            })
    static class Commit extends StoreCommand {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Option(names = "--json", description = "Print the purchase as JSON.")
        boolean json;

        @Override
        int run(StoreSession session, PrintWriter out) {
            CommitOutcome outcome = session.store().reservations().commit(id);
            if (!outcome.firstCommit()) {
                spec.commandLine()
                        .getErr()
                        .println("note: this reservation was committed before; nothing more was sold");
                spec.commandLine().getErr().flush();
            }
            if (json) {
                Output.json(out, outcome.purchase());
                return 0;
            }
            PurchaseCommand.print(out, outcome.purchase(), session);
            return 0;
        }
    }

    @Command(
            name = "release",
            mixinStandardHelpOptions = true,
            description = {
                "Gives the held units back. Releasing a released or expired reservation changes nothing;",
                "a committed one is refused (exit 1)."
            })
    static class Release extends StoreCommand {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        int run(StoreSession session, PrintWriter out) {
            Reservations reservations = session.store().reservations();
            reservations.release(id);
            Reservation now = reservations.get(id);
            ReserveCommand.print(
                    out, now, session.bean(StockroomProperties.class).timezone());
            return 0;
        }
    }
}
