package org.stockroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code ./stockroom} launcher's start-up archives (a class-data archive on Java 17, an
 * ahead-of-time cache on Java 25 and later) are the ones later starts really map. A JVM silently
 * falls back to loading every class from the jars when an archive does not match the class path
 * and options it was made with (as it did while the archive was made in a scratch directory and
 * moved afterwards), so this asks the JVM to refuse to start instead ({@code -Xshare:on}, {@code
 * -XX:AOTMode=on}) and checks that Stockroom's own classes come from the archive.
 */
class LauncherIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path APP = PROJECT.resolve("target/app");
    private static final List<String> COMMAND_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** The Java running this test (17, the project's level) and any Java 25 or later installed beside it. */
    static Stream<Path> javas() throws IOException {
        Path running = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Stream<Path> newer;
        try (Stream<Path> installed = Files.list(Path.of("/usr/lib/jvm"))) {
            newer = installed
                    .sorted()
                    .map(home -> home.resolve("bin/java"))
                    .filter(Files::isExecutable)
                    .filter(java -> featureVersion(java) >= 25)
                    .limit(1)
                    .toList()
                    .stream();
        } catch (NoSuchFileException e) {
            newer = Stream.empty();
        }
        return Stream.concat(Stream.of(running), newer);
    }

    @ParameterizedTest
    @MethodSource("javas")
    void theLauncherMakesStartUpArchivesThatItsStartsMap(Path java) throws Exception {
        Run prepared = run(
                List.of(PROJECT.resolve("stockroom").toString(), "--version"),
                Map.of("STOCKROOM_JAVA", java.toString()));
        assertThat(prepared.exit()).as(prepared.output()).isZero();
        assertThat(prepared.output()).contains("on Java " + release(java, "JAVA_RUNTIME_VERSION"));

        boolean aheadOfTime = featureVersion(java) >= 25;
        Path archives = APP.resolve("java-" + release(java, "JAVA_RUNTIME_VERSION"));
        for (String name : List.of("command", "serve")) {
            List<String> command = new ArrayList<>(List.of(java.toString()));
            if (name.equals("command")) {
                command.addAll(COMMAND_OPTIONS);
            }
            if (aheadOfTime) {
                command.addAll(List.of(
                        "--enable-native-access=ALL-UNNAMED",
                        "-XX:AOTMode=on",
                        "-XX:AOTCache=" + archives.resolve(name + ".aot")));
            } else {
                command.addAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archives.resolve(name + ".jsa")));
            }
            command.addAll(List.of(
                    "-Xlog:class+load=info",
                    "-jar",
                    APP.resolve("stockroom.jar").toString(),
                    "--help"));
            Run started = run(command);
            assertThat(started.exit()).as(name + ": " + started.output()).isZero();
            assertThat(started.output())
                    .as(name)
                    .contains("org.stockroom.cli.StockroomCommand source: shared objects file");
        }
    }

    /** A shop owner with Java 17 on the PATH and Java 25 installed gets the faster starts without asking. */
    @Test
    void theLauncherRunsOnAnInstalledJava25WhenThePathHasAnOlderOne() throws Exception {
        List<Path> newer = javas().skip(1).toList();
        assumeTrue(!newer.isEmpty(), "no Java 25 or later installed here");
        Path running = javas().findFirst().orElseThrow();
        assumeTrue(featureVersion(running) < 25, "the PATH's Java is already 25 or later");

        Run version = run(
                List.of(PROJECT.resolve("stockroom").toString(), "--version"),
                Map.of(
                        "PATH",
                        running.getParent() + ":/usr/bin:/bin",
                        "JAVA_HOME",
                        running.toRealPath().getParent().getParent().toString()));
        assertThat(version.exit()).as(version.output()).isZero();
        assertThat(version.output()).contains("on Java " + release(newer.get(0), "JAVA_RUNTIME_VERSION"));
    }

    /**
     * A {@code java} that is a wrapper script (a version manager's shim, say) has no JDK release
     * file beside it: the launcher cannot tell its version, and runs it with a class-data archive
     * rather than stopping. One that is not there is said in one line.
     */
    @Test
    void aJavaWhoseVersionCannotBeReadStillRunsAndOneThatIsNotThereIsSaid(@TempDir Path dir) throws Exception {
        Path wrapper = dir.resolve("bin/java");
        Files.createDirectories(wrapper.getParent());
        Files.writeString(wrapper, "#!/bin/sh\nexec '" + javas().findFirst().orElseThrow() + "' \"$@\"\n");
        assertThat(wrapper.toFile().setExecutable(true)).isTrue();
        Run wrapped = run(
                List.of(PROJECT.resolve("stockroom").toString(), "--version"),
                Map.of("STOCKROOM_JAVA", wrapper.toString(), "STOCKROOM_CDS", "false"));
        assertThat(wrapped.exit()).as(wrapped.output()).isZero();
        assertThat(wrapped.output()).contains("stockroom ").contains("on Java ");

        Path missing = dir.resolve("no-such-jdk/bin/java");
        Run notThere = run(
                List.of(PROJECT.resolve("stockroom").toString(), "--version"),
                Map.of("STOCKROOM_JAVA", missing.toString()));
        assertThat(notThere.exit()).isEqualTo(1);
        assertThat(notThere.output().strip())
                .isEqualTo("error: STOCKROOM_JAVA=" + missing + " is not a Java that can be run");
    }

    private static int featureVersion(Path java) {
        String version = release(java, "JAVA_VERSION");
        return version.isEmpty() ? 0 : Runtime.Version.parse(version).feature();
    }

    /** A value of the JDK's {@code release} file, as the launcher reads it. */
    private static String release(Path java, String key) {
        try {
            Path home = java.toRealPath().getParent().getParent();
            return Files.readAllLines(home.resolve("release")).stream()
                    .filter(line -> line.startsWith(key + "=\""))
                    .map(line -> line.substring(key.length() + 2, line.length() - 1))
                    .findFirst()
                    .orElse("");
        } catch (IOException e) {
            return "";
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
