package org.stockroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./stockroom} launcher's class-data archives are the ones later starts really map. A
 * JVM silently falls back to loading every class from the jars when an archive does not match the
 * class path it was made from (as it did while the archive was made in a scratch directory and
 * moved afterwards), so this asks the JVM to refuse to start instead ({@code -Xshare:on}) and
 * checks that Stockroom's own classes come from the archive.
 */
class LauncherIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path APP = PROJECT.resolve("target/app");

    @Test
    void theLauncherMakesClassDataArchivesThatItsStartsMap() throws Exception {
        Run prepared = run(List.of(PROJECT.resolve("stockroom").toString(), "--help"));
        assertThat(prepared.exit()).as(prepared.output()).isZero();

        for (String archive : List.of("command.jsa", "serve.jsa")) {
            Run started = run(List.of(
                    "java",
                    "-Xshare:on",
                    "-XX:SharedArchiveFile=" + APP.resolve(archive),
                    "-Xlog:class+load=info",
                    "-jar",
                    APP.resolve("stockroom.jar").toString(),
                    "--help"));
            assertThat(started.exit()).as(archive + ": " + started.output()).isZero();
            assertThat(started.output())
                    .as(archive)
                    .contains("org.stockroom.cli.StockroomCommand source: shared objects file");
        }
    }

    /**
     * The SQLite driver's native library comes from the copy the launcher unpacked with the build:
     * with a temporary directory the driver cannot write to, it could not have copied its own.
     */
    @Test
    void commandsLoadTheSQLiteLibraryTheLauncherUnpacked(@TempDir Path data) throws Exception {
        Run listed = run(
                List.of(PROJECT.resolve("stockroom").toString(), "products", "list", "--data", data.toString()),
                Map.of("STOCKROOM_JAVA_OPTS", "-Djava.io.tmpdir=" + data.resolve("not-there")));
        assertThat(listed.exit()).as(listed.output()).isZero();
        assertThat(listed.output()).contains("SKU");
    }

    /**
     * A store that cannot be opened is one line naming the cause, not the framework's report of a
     * failed start with its stack trace: a data directory that cannot be made, a database server
     * that does not answer.
     */
    @Test
    void aCommandThatCannotOpenItsStoreSaysWhyInOneLine(@TempDir Path dir) throws Exception {
        assertThat(run(List.of(PROJECT.resolve("stockroom").toString(), "--help"))
                        .exit())
                .as("the launcher prepares its archives once, saying so")
                .isZero();
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        Run noDirectory = run(List.of(
                PROJECT.resolve("stockroom").toString(),
                "products",
                "list",
                "--data",
                file.resolve("data").toString()));
        assertThat(noDirectory.exit()).isEqualTo(1);
        assertThat(noDirectory.output().strip())
                .isEqualTo("error: Cannot create the data directory " + file.resolve("data"));

        Run noServer = run(
                List.of(PROJECT.resolve("stockroom").toString(), "products", "list"),
                Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:1/stockroom"));
        assertThat(noServer.exit()).isEqualTo(1);
        assertThat(noServer.output().strip().lines())
                .singleElement()
                .asString()
                .startsWith("error: Connection to 127.0.0.1:1 refused.");
    }

    private record Run(int exit, String output) {}

    private static Run run(List<String> command) throws IOException, InterruptedException {
        return run(command, Map.of());
    }

    private static Run run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .directory(PROJECT.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("STOCKROOM_CDS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
