package org.stockroom.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled backups keep the newest {@code stockroom.backup.keep} and never touch other files. */
class BackupRetentionTests {

    @TempDir
    Path dir;

    @Test
    void theOldestScheduledBackupsGoAndEverythingElseStays() throws Exception {
        for (String name : new String[] {
            "stockroom-20261201-020000.db",
            "stockroom-20261130-020000.db",
            "stockroom-20261202-020000.db",
            "stockroom-20261129-020000.db",
            "before-upgrade.db"
        }) {
            Files.writeString(dir.resolve(name), name);
        }

        assertThat(Backups.prune(dir, 2))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("stockroom-20261129-020000.db", "stockroom-20261130-020000.db");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "stockroom-20261201-020000.db", "stockroom-20261202-020000.db", "before-upgrade.db");
        }
    }
}
