package org.stockroom.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the datasource at {@code <stockroom.data-dir>/stockroom.db} unless a URL was given, and
 * creates the directory, because SQLite will not. The connection settings make SQLite a safe
 * shared store: WAL so readers never block the writer, a busy timeout so a second writer waits
 * instead of failing, foreign keys on, and write transactions begun IMMEDIATE so a writer takes
 * its lock at BEGIN and can never fail with SQLITE_BUSY halfway through a purchase.
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor {

    static final String SQLITE_SETTINGS =
            "journal_mode=WAL&busy_timeout=30000&foreign_keys=true&transaction_mode=IMMEDIATE";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.containsProperty("spring.datasource.url")) {
            return;
        }
        Path dir = Path.of(env.getProperty("stockroom.data-dir", "./data"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dir.toAbsolutePath(), e);
        }
        env.getPropertySources()
                .addLast(new MapPropertySource(
                        "stockroomEmbeddedDatabase", Map.of("spring.datasource.url", sqliteUrl(dir))));
    }

    /** The JDBC URL of the embedded database in {@code dir}, with the settings above. */
    public static String sqliteUrl(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("stockroom.db") + "?" + SQLITE_SETTINGS;
    }
}
