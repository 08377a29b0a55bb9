package org.stockroom.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockroom.support.DomainException;

/** A restore puts the backup in place whole, over what an interrupted restore left, and never over a store. */
class RestoreFilesTests {

    @TempDir
    Path dir;

    @Test
    void aRestoreReplacesWhatAnInterruptedRestoreLeftBehind() throws Exception {
        Path backup = backup("the backup");
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("stockroom.db.restoring"), "half a copy");

        Path restored = Backups.restore(backup, data);

        assertThat(restored).isEqualTo(data.resolve("stockroom.db"));
        assertThat(Files.readAllBytes(restored)).isEqualTo(Files.readAllBytes(backup));
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("stockroom.db");
        }
    }

    @Test
    void aDataDirectoryWithAStoresFilesIsRefusedAndKeptAsItIs() throws Exception {
        Path backup = backup("the backup");
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("stockroom.db-wal"), "a store's log");

        assertThatThrownBy(() -> Backups.restore(backup, data))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("data-dir-not-empty"));
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("stockroom.db-wal");
        }
    }

    /** A file that starts as every SQLite database does. */
    private Path backup(String rest) throws Exception {
        Path file = dir.resolve("backup.db");
        byte[] header = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        byte[] body = rest.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[header.length + body.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(body, 0, all, header.length, body.length);
        return Files.write(file, all);
    }
}
