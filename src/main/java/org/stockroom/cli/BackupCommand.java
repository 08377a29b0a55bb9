package org.stockroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a consistent backup of the store to FILE, also while the server runs and sells.",
            "SQLite: a compacted copy of the database (VACUUM INTO). PostgreSQL: a pg_dump archive (custom",
            "format; pg_dump must be installed). Restore with 'stockroom restore FILE' or pg_restore."
        })
class BackupCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The new backup file; it must not exist.")
    Path file;

    @Override
    int run(StoreSession session, PrintWriter out) {
        Path written = session.store().backups().backup(file);
        out.println("backup written to " + written);
        return 0;
    }
}
