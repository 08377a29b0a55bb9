package org.stockroom.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.stockroom.Store;
import org.stockroom.stock.Movement;
import org.stockroom.stock.MovementQuery;
import org.stockroom.stock.MovementType;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.Page;
import org.stockroom.support.StoreCalendar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "movements",
        mixinStandardHelpOptions = true,
        description = {
            "A product's stock ledger, newest first: every change, why, by whom, and the balance after.",
            "With --csv, the movements of every product (or of SKU) oldest first, as CSV for accountants."
        })
class MovementsCommand extends StoreCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Parameters(arity = "0..1", paramLabel = "SKU", description = "The product (required unless --csv).")
    String sku;

    @Option(
            names = "--type",
            paramLabel = "TYPE",
            description = "Only movements of this type: ${COMPLETION-CANDIDATES}.")
    MovementType type;

    @Option(
            names = "--from",
            paramLabel = "YYYY-MM-DD",
            description = "From this date of the store's calendar (inclusive).")
    LocalDate from;

    @Option(
            names = "--to",
            paramLabel = "YYYY-MM-DD",
            description = "Up to this date of the store's calendar (inclusive).")
    LocalDate to;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "50",
            description = "Show the newest N movements (1-500, default 50).")
    int limit;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(
            names = "--csv",
            description = "Print CSV of every movement in the date range (all products unless SKU is given).")
    boolean csv;

    @Override
    void beforeOpening() {
        if (csv && (json || type != null)) {
            throw new InvalidRequestException("--csv", "cannot be combined with --json or --type");
        }
        if (!csv && sku == null) {
            throw new InvalidRequestException("SKU", "is required (or use --csv for every product)");
        }
    }

    @Override
    int run(StoreSession session, PrintWriter out) {
        Store store = session.store();
        if (csv) {
            store.exportMovements(from, to, sku, out);
            out.flush();
            return 0;
        }
        Page<Movement> page = store.movements(new MovementQuery(sku, type, from, to, 0, limit));
        if (json) {
            Output.json(out, page);
            return 0;
        }
        ZoneId zone = session.bean(StoreCalendar.class).zone();
        Table table = new Table("ID", "WHEN", "TYPE", "REASON", "DELTA", "BALANCE", "ACTOR", "PURCHASE", "NOTE")
                .right(0, 4, 5);
        for (Movement m : page.items()) {
            table.row(
                    m.id(),
                    WHEN.format(m.at().atZone(zone)),
                    m.type(),
                    m.reason(),
                    signed(m.delta()),
                    m.balanceAfter(),
                    m.actor(),
                    m.purchaseId(),
                    m.note());
        }
        table.print(out);
        if (page.total() > page.items().size()) {
            out.println("(" + page.items().size() + " of " + page.total()
                    + " shown; see more with --limit, narrow with --from/--to/--type)");
        }
        return 0;
    }

    private static String signed(long delta) {
        return delta > 0 ? "+" + delta : String.valueOf(delta);
    }
}
