package org.stockroom.cli;

import java.io.PrintWriter;
import java.util.List;
import org.stockroom.purchasing.Supplier;
import org.stockroom.purchasing.SupplierForm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code suppliers <action>}: the suppliers purchase orders go to. */
@Command(
        name = "suppliers",
        mixinStandardHelpOptions = true,
        description = "Suppliers: list, add, change.",
        subcommands = {SuppliersCommand.ListSuppliers.class, SuppliersCommand.Add.class, SuppliersCommand.Set.class})
class SuppliersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static void print(PrintWriter out, List<Supplier> suppliers) {
        Table table = new Table("Id", "Name", "Email", "Phone", "Lead time").right(0, 4);
        for (Supplier s : suppliers) {
            table.row(
                    s.id(),
                    s.name(),
                    s.email() == null ? "" : s.email(),
                    s.phone() == null ? "" : s.phone(),
                    s.leadTimeDays() == null ? "" : s.leadTimeDays() + " d");
        }
        table.print(out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Active suppliers by name.")
    static class ListSuppliers extends StoreCommand {
        @Option(names = "--archived", description = "The archived ones instead.")
        boolean archived;

        @Override
        int run(StoreSession session, PrintWriter out) {
            List<Supplier> suppliers = session.store().purchasing().suppliers(archived);
            if (suppliers.isEmpty()) {
                out.println("No suppliers.");
            } else {
                print(out, suppliers);
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a supplier.")
    static class Add extends StoreCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--email", paramLabel = "E", description = "Where sent orders are emailed.")
        String email;

        @Option(names = "--phone", paramLabel = "P")
        String phone;

        @Option(names = "--lead-time", paramLabel = "DAYS", description = "Default lead time of its products.")
        Integer leadTimeDays;

        @Option(names = "--notes", paramLabel = "N")
        String notes;

        @Override
        int run(StoreSession session, PrintWriter out) {
            Supplier added = session.store()
                    .purchasing()
                    .addSupplier(new SupplierForm(name, email, phone, leadTimeDays, notes, null));
            print(out, List.of(added));
            return 0;
        }
    }

    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description = "Changes a supplier's fields (an empty value clears one).")
    static class Set extends StoreCommand {
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Option(names = "--name", paramLabel = "NAME", description = "A new name; its products follow.")
        String name;

        @Option(names = "--email", paramLabel = "E")
        String email;

        @Option(names = "--phone", paramLabel = "P")
        String phone;

        @Option(names = "--lead-time", paramLabel = "DAYS")
        Integer leadTimeDays;

        @Option(names = "--notes", paramLabel = "N")
        String notes;

        @Option(names = "--archived", paramLabel = "true|false", arity = "1")
        Boolean archived;

        @Override
        int run(StoreSession session, PrintWriter out) {
            Supplier changed = session.store()
                    .purchasing()
                    .updateSupplier(id, new SupplierForm(name, email, phone, leadTimeDays, notes, archived));
            print(out, List.of(changed));
            return 0;
        }
    }
}
