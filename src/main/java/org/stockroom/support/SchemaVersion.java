package org.stockroom.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Whether a database already has every migration this build carries, read from Flyway's schema
 * history without starting Flyway. A command asks it so that it can skip Flyway on a store that is
 * up to date (Flyway's start and its scan of the migrations are a tenth of a command). Anything
 * else is "not current" and Flyway then migrates, or says what is wrong, as it always did: a new
 * store, a build with a migration the store lacks, a failed migration, a history that cannot be
 * read, or a history in a schema set apart by {@code spring.flyway.schemas} or {@code
 * default-schema}. What it does not do is Flyway's validation of checksums; the server's start
 * does that every time.
 */
public final class SchemaVersion {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SchemaVersion() {}

    /** Whether the database of an application started without Flyway is up to date. */
    public static boolean current(ApplicationContext context) {
        return current(context.getBean(DataSource.class), context.getBean(Database.class), context.getEnvironment());
    }

    /** True when every versioned migration for this engine has been applied, and none has failed. */
    public static boolean current(DataSource dataSource, Database database, Environment environment) {
        if (environment.containsProperty("spring.flyway.schemas")
                || environment.containsProperty("spring.flyway.default-schema")) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            Set<List<Integer>> available = available(environment, database);
            return !available.isEmpty()
                    && applied(connection, environment)
                            .map(a -> a.containsAll(available))
                            .orElse(false);
        } catch (SQLException e) {
            // The driver's own words ("Connection to host:5432 refused") are what the user needs.
            throw new CannotGetJdbcConnectionException("Cannot reach the database", e);
        }
    }

    /** The versions of the migrations in {@code spring.flyway.locations}, {vendor} being this engine. */
    static Set<List<Integer>> available(Environment environment, Database database) {
        String vendor = database.name().toLowerCase(Locale.ROOT);
        PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
        Set<List<Integer>> versions = new HashSet<>();
        String[] locations = environment
                .getProperty("spring.flyway.locations", "classpath:db/migration")
                .split(",");
        try {
            for (String location : locations) {
                String path = location.strip().replace("{vendor}", vendor);
                for (Resource resource : resources.getResources(path + "/V*.sql")) {
                    parse(resource.getFilename()).ifPresent(versions::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }

    /** The version a migration's file name gives, as Flyway reads it ({@code V1_2__x.sql} is 1.2). */
    static Optional<List<Integer>> parse(String filename) {
        Matcher matcher = filename == null ? null : VERSIONED.matcher(filename);
        return matcher != null && matcher.matches() ? Optional.of(version(matcher.group(1), "[._]")) : Optional.empty();
    }

    /** Trailing zeros dropped, so that 1, 1.0 and 1_0 are one version, as they are to Flyway. */
    private static List<Integer> version(String text, String separator) {
        List<Integer> parts = new ArrayList<>(
                Arrays.stream(text.split(separator)).map(Integer::valueOf).toList());
        while (parts.size() > 1 && parts.get(parts.size() - 1) == 0) {
            parts.remove(parts.size() - 1);
        }
        return List.copyOf(parts);
    }

    /** The versions applied, or empty when there is no history here or a migration failed. */
    private static Optional<Set<List<Integer>>> applied(Connection connection, Environment environment) {
        String table = environment.getProperty("spring.flyway.table", "flyway_schema_history");
        if (!TABLE_NAME.matcher(table).matches()) {
            return Optional.empty();
        }
        try {
            if (!exists(connection, table)) {
                return Optional.empty();
            }
            Set<List<Integer>> versions = new HashSet<>();
            try (var statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT version, success FROM " + table + " WHERE version IS NOT NULL")) {
                while (rows.next()) {
                    if (!rows.getBoolean(2)) {
                        return Optional.empty();
                    }
                    versions.add(version(rows.getString(1), "\\."));
                }
            }
            return Optional.of(versions);
        } catch (SQLException | NumberFormatException e) {
            // Whatever cannot be read here, Flyway reads and explains.
            return Optional.empty();
        }
    }

    /** In the schema the connection works in, not in any schema of the database. */
    private static boolean exists(Connection connection, String table) throws SQLException {
        try (ResultSet tables =
                connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), table, null)) {
            return tables.next();
        }
    }
}
