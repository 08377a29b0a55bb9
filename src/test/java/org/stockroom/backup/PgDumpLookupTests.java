package org.stockroom.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} on PostgreSQL finds pg_dump where a Debian or Ubuntu server installs it
 * ({@code /usr/lib/postgresql/N/bin}, off the PATH), not only on the PATH or through {@code PG_DUMP}.
 */
class PgDumpLookupTests {

    @TempDir
    Path tmp;

    @Test
    void pgDumpSetInTheEnvironmentWins() throws Exception {
        Path onPath = executable(tmp.resolve("bin"));
        assertThat(Backups.pgDumpProgram(
                        "/opt/pg/bin/pg_dump", onPath.getParent().toString(), tmp.resolve("none")))
                .isEqualTo("/opt/pg/bin/pg_dump");
    }

    @Test
    void pgDumpOnThePathIsRunByName() throws Exception {
        Path onPath = executable(tmp.resolve("bin"));
        executable(tmp.resolve("versions/15/bin"));
        assertThat(Backups.pgDumpProgram(null, "/nowhere:" + onPath.getParent(), tmp.resolve("versions")))
                .isEqualTo("pg_dump");
    }

    @Test
    void offThePathTheNewestInstalledMajorVersionIsUsed() throws Exception {
        executable(tmp.resolve("versions/9/bin"));
        Path newest = executable(tmp.resolve("versions/15/bin"));
        executable(tmp.resolve("versions/13/bin"));
        Files.createDirectories(tmp.resolve("versions/common"));
        assertThat(Backups.pgDumpProgram("", "/nowhere", tmp.resolve("versions")))
                .isEqualTo(newest.toString());
    }

    @Test
    void withNoneInstalledTheNameIsTriedAndItsAbsenceReported() {
        assertThat(Backups.pgDumpProgram(null, null, tmp.resolve("versions"))).isEqualTo("pg_dump");
    }

    private static Path executable(Path directory) throws Exception {
        Files.createDirectories(directory);
        Path program = Files.writeString(directory.resolve("pg_dump"), "#!/bin/sh\n");
        assertThat(program.toFile().setExecutable(true)).isTrue();
        return program;
    }
}
