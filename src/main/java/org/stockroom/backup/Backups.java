package org.stockroom.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.stockroom.support.Database;
import org.stockroom.support.DomainException;
import org.stockroom.support.StockroomProperties;

/**
 * Takes backups of the open store. On SQLite, {@code VACUUM INTO} writes a compacted copy from one
 * read transaction: a consistent snapshot while purchases go on, which blocks no writer (WAL). On
 * PostgreSQL, {@code pg_dump} (custom format) does the same from one snapshot; it must be
 * installed, and is found on the PATH or through {@code PG_DUMP}.
 */
@Service
public class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    static final String SCHEDULED_PREFIX = "stockroom-";
    /** The copy a restore makes beside the store before it moves it into place in one step. */
    private static final String PARTIAL = "stockroom.db.restoring";

    private final JdbcClient jdbc;
    private final Database database;
    private final DataSourceProperties dataSource;
    private final StockroomProperties properties;
    private final BackupProperties backup;
    private final Clock clock;

    Backups(
            DataSource dataSource,
            Database database,
            DataSourceProperties dataSourceProperties,
            StockroomProperties properties,
            BackupProperties backup,
            Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.database = database;
        this.dataSource = dataSourceProperties;
        this.properties = properties;
        this.backup = backup;
        this.clock = clock;
    }

    /** Writes a backup of the whole store to {@code target}, which must not exist yet. */
    public Path backup(Path target) {
        Path file = target.toAbsolutePath().normalize();
        if (Files.exists(file)) {
            throw new DomainException(
                    DomainException.Kind.CONFLICT, "backup-exists", file + " exists already; choose a new file name");
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of " + file, e);
        }
        if (database == Database.SQLITE) {
            jdbc.sql("VACUUM INTO ?").param(file.toString()).update();
        } else {
            pgDump(file);
        }
        return file;
    }

    /** The scheduled backup ({@code stockroom.backup.cron}), then the oldest beyond {@code keep} are deleted. */
    @Scheduled(cron = "${stockroom.backup.cron:-}")
    void scheduled() {
        Path dir = directory();
        String name = SCHEDULED_PREFIX
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(clock.instant())
                + (database == Database.SQLITE ? ".db" : ".dump");
        try {
            Path file = backup(dir.resolve(name));
            log.info("Scheduled backup written to {}", file);
            prune(dir, backup.keep());
        } catch (RuntimeException e) {
            log.error("The scheduled backup into {} failed", dir, e);
        }
    }

    /** Deletes the oldest scheduled backups in {@code dir} so that {@code keep} remain; answers what it deleted. */
    static List<Path> prune(Path dir, int keep) {
        List<Path> deleted = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> ours = files.filter(f -> f.getFileName().toString().startsWith(SCHEDULED_PREFIX))
                    .sorted()
                    .toList();
            for (int i = 0; i < ours.size() - keep; i++) {
                Files.deleteIfExists(ours.get(i));
                deleted.add(ours.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prune old backups in " + dir, e);
        }
        return deleted;
    }

    Path directory() {
        return backup.directory() != null
                ? backup.directory()
                : properties.dataDir().resolve("backups");
    }

    /**
     * {@code PG_DUMP} when set; else {@code pg_dump} on the PATH; else the newest major version's
     * {@code pg_dump} where Debian and Ubuntu install the server ({@code /usr/lib/postgresql/N/bin}),
     * which is not on the PATH when only the server package is installed.
     */
    static String pgDumpProgram(String configured, String searchPath, Path versions) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (searchPath != null) {
            for (String directory : searchPath.split(java.io.File.pathSeparator)) {
                if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "pg_dump"))) {
                    return "pg_dump";
                }
            }
        }
        try (var installed = Files.list(versions)) {
            return installed
                    .filter(dir -> dir.getFileName().toString().matches("\\d+"))
                    .max(java.util.Comparator.comparingInt(
                            dir -> Integer.parseInt(dir.getFileName().toString())))
                    .map(dir -> dir.resolve("bin").resolve("pg_dump"))
                    .filter(Files::isExecutable)
                    .map(Path::toString)
                    .orElse("pg_dump");
        } catch (IOException e) {
            return "pg_dump";
        }
    }

    private void pgDump(Path file) {
        String program = pgDumpProgram(System.getenv("PG_DUMP"), System.getenv("PATH"), Path.of("/usr/lib/postgresql"));
        Map<String, String> env = new HashMap<>();
        List<String> command = new ArrayList<>(List.of(program, "--format=custom", "--no-owner", "--file=" + file));
        URI url = URI.create(dataSource.determineUrl().substring("jdbc:".length()));
        Map<String, String> query = query(url.getRawQuery());
        env.put("PGHOST", url.getHost() == null ? "localhost" : url.getHost());
        env.put("PGPORT", String.valueOf(url.getPort() < 0 ? 5432 : url.getPort()));
        env.put("PGDATABASE", url.getPath().substring(1));
        String user = dataSource.determineUsername();
        if (user != null) {
            env.put("PGUSER", user);
        }
        String password = dataSource.determinePassword();
        if (password != null) {
            env.put("PGPASSWORD", password);
        }
        String schema = query.get("currentSchema");
        if (schema != null) {
            command.add("--schema=" + schema);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new DomainException(
                    DomainException.Kind.UNAVAILABLE,
                    "pg-dump-missing",
                    "pg_dump is not installed (or not on the PATH; set PG_DUMP to its path). Install the PostgreSQL "
                            + "client of the server's major version, or back up with the database's own tools.");
        }
        try (InputStream output = process.getInputStream()) {
            String said = new String(output.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(1, TimeUnit.HOURS) || process.exitValue() != 0) {
                Files.deleteIfExists(file);
                throw new DomainException(DomainException.Kind.UNAVAILABLE, "backup-failed", "pg_dump failed: " + said);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "backup-failed", "interrupted");
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(
                            pair.substring(0, eq),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    /**
     * Puts a SQLite backup in place as the store of {@code dataDir}, which must hold no store yet.
     * Static: it runs before any store is opened. Opening the store afterwards brings the schema up
     * to date if the backup came from an older version.
     */
    public static Path restore(Path backupFile, Path dataDir) {
        if (!Files.isRegularFile(backupFile)) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "no-backup", "No backup file " + backupFile);
        }
        byte[] header = new byte[SQLITE_HEADER.length];
        try (InputStream in = Files.newInputStream(backupFile)) {
            if (in.readNBytes(header, 0, header.length) != header.length || !Arrays.equals(header, SQLITE_HEADER)) {
                throw new DomainException(
                        DomainException.Kind.INVALID,
                        "not-a-backup",
                        backupFile + " is not a SQLite backup (a PostgreSQL dump is restored with pg_restore)");
            }
            Path target = dataDir.resolve("stockroom.db");
            if (Files.isDirectory(dataDir)) {
                try (Stream<Path> files = Files.list(dataDir)) {
                    // A stockroom.db.restoring is what an interrupted restore left: it is replaced below.
                    if (files.map(f -> f.getFileName().toString())
                            .anyMatch(name -> name.startsWith("stockroom.db") && !name.equals(PARTIAL))) {
                        throw new DomainException(
                                DomainException.Kind.CONFLICT,
                                "data-dir-not-empty",
                                dataDir + " holds a store already; restore into an empty data directory");
                    }
                }
            }
            Files.createDirectories(dataDir);
            Path partial = dataDir.resolve(PARTIAL);
            Files.copy(backupFile, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restore " + backupFile + " into " + dataDir, e);
        }
    }
}
