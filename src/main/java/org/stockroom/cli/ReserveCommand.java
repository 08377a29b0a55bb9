package org.stockroom.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import org.stockroom.reservations.Reservation;
import org.stockroom.reservations.ReservationOutcome;
import org.stockroom.reservations.ReservationRequest;
import org.stockroom.sales.PurchaseRequest;
import org.stockroom.support.StockroomProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "reserve",
        mixinStandardHelpOptions = true,
        description = {
            "Holds every line or none for an unpaid order or a cart: the units stop being available but stay on hand.",
            "Commit the hold with 'reservations commit ID' (it becomes a sale) or give it back with 'reservations release ID';",
            "otherwise it expires on its own. A refusal names every short line and exits 1."
        },
        footer = {"", "Example: stockroom reserve MOU-WL:2 LAP-PRO15:1 --reference cart-88 --expires-in 1800"})
class ReserveCommand extends StoreCommand {

    @Parameters(
            arity = "1..*",
            paramLabel = "SKU:QTY",
            converter = PurchaseCommand.LineConverter.class,
            description = "A product and how many units of it to hold.")
    List<PurchaseRequest.Line> lines;

    @Option(
            names = "--expires-in",
            paramLabel = "SECONDS",
            description = "How long to hold the units, " + ReservationRequest.MIN_SECONDS + " to "
                    + ReservationRequest.MAX_SECONDS + " seconds (default " + ReservationRequest.DEFAULT_SECONDS
                    + ").")
    Long expiresIn;

    @Option(names = "--reference", paramLabel = "R", description = "Your own reference, e.g. the cart or order number.")
    String reference;

    @Option(
            names = "--idempotency-key",
            paramLabel = "K",
            description =
                    "Makes a retry safe: a second hold with the same key and lines holds nothing more and answers the first.")
    String idempotencyKey;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    private ReservationRequest request;

    @Override
    void beforeOpening() {
        request = new ReservationRequest(reference, lines, expiresIn);
    }

    @Override
    int run(StoreSession session, PrintWriter out) {
        ReservationOutcome outcome = session.store().reservations().reserve(request, idempotencyKey);
        if (outcome.replayed()) {
            spec.commandLine()
                    .getErr()
                    .println("note: this idempotency key was already used for this reservation; nothing more was held");
            spec.commandLine().getErr().flush();
        }
        if (json) {
            Output.json(out, outcome.reservation());
            return 0;
        }
        print(
                out,
                outcome.reservation(),
                session.bean(StockroomProperties.class).timezone());
        return 0;
    }

    /** One reservation: what it holds, its status and until when. */
    static void print(PrintWriter out, Reservation reservation, ZoneId zone) {
        out.println("Reservation " + reservation.id()
                + (reservation.reference() == null ? "" : " (" + reservation.reference() + ")") + ", "
                + reservation.status() + ", expires " + Output.time(reservation.expiresAt(), zone)
                + (reservation.purchaseId() == null ? "" : ", purchase " + reservation.purchaseId()));
        out.println();
        Table table = new Table("SKU", "QTY").right(1);
        reservation.lines().forEach(l -> table.row(l.sku(), l.quantity()));
        table.print(out);
        out.flush();
    }
}
