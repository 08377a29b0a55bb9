package org.stockroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stockroom.backup.Backups;
import org.stockroom.selfcheck.SelfCheckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = {
            "Restores a SQLite backup into an empty data directory, brings its schema up to date and runs the",
            "self-check (exit 3 if it disagrees). A PostgreSQL dump is restored with pg_restore (docs/operations.md)."
        })
class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A backup written by 'stockroom backup'.")
    Path file;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "The empty data directory to restore into (default ./data).")
    Path dataDir = Path.of("data");

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path restored = Backups.restore(file, dataDir);
        SelfCheckReport report;
        try (StoreSession session = StockroomCommand.sessions(spec).open(dataDir)) {
            report = session.store().verify();
        }
        out.println("restored " + file + " to " + restored);
        if (!report.ok()) {
            out.println("the self-check found " + report.discrepancies().size()
                    + " discrepancies; run 'stockroom verify --data " + dataDir + "' to see them");
            out.flush();
            return VerifyCommand.DISCREPANCIES;
        }
        out.println("self-check ok: " + report.checked() + " products agree with their records");
        out.flush();
        return 0;
    }
}
