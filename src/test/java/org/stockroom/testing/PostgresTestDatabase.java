package org.stockroom.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the whole suite a second time on PostgreSQL. Surefire's {@code postgresql} execution sets
 * {@code -Dstockroom.test.database=postgresql}; then every application context a test starts gets
 * a PostgreSQL schema of its own in the database named by {@code STOCKROOM_TEST_POSTGRES_URL}, in
 * place of the SQLite file. The schema is named after {@code stockroom.data-dir}, the directory
 * that would have held that file, so two contexts (or a context and a command) given the same
 * directory share one database exactly as they would on SQLite, and a test that changes nothing
 * about its data directory gets a fresh, empty one. Schemas are dropped when the JVM exits.
 */
public final class PostgresTestDatabase implements EnvironmentPostProcessor, Ordered {

    public static final String MODE_PROPERTY = "stockroom.test.database";
    public static final String URL_VARIABLE = "STOCKROOM_TEST_POSTGRES_URL";
    public static final String USER_VARIABLE = "STOCKROOM_TEST_POSTGRES_USER";
    public static final String PASSWORD_VARIABLE = "STOCKROOM_TEST_POSTGRES_PASSWORD";
    public static final String HOW_TO_RUN =
            "set " + URL_VARIABLE + "=jdbc:postgresql://127.0.0.1:5432/DB (and " + USER_VARIABLE + ", "
                    + PASSWORD_VARIABLE + "), as .ci/run does; see docs/running.md \"Testing on PostgreSQL\"";

    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestDatabase::dropCreatedSchemas, "drop-test-schemas"));
    }

    /** True in the suite's PostgreSQL run. */
    public static boolean active() {
        return "postgresql".equals(System.getProperty(MODE_PROPERTY));
    }

    /** True when a test server is configured, whichever run this is. */
    public static boolean available() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    /** Runs before the embedded-database default, which then sees a URL and leaves it alone. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!active() || env.containsProperty("spring.datasource.url")) {
            return;
        }
        String dataDir = env.getProperty("stockroom.data-dir", "./data");
        Map<String, Object> properties = new LinkedHashMap<>(datasourceProperties(schemaFor(Path.of(dataDir))));
        // Many cached contexts share one server: keep only one idle connection each.
        properties.put("spring.datasource.hikari.minimum-idle", "1");
        properties.put("spring.datasource.hikari.idle-timeout", "10000");
        env.getPropertySources().addFirst(new MapPropertySource("stockroomTestPostgres", properties));
    }

    /** The {@code spring.datasource.*} settings that point an application at {@code schema}. */
    public static Map<String, String> datasourceProperties(String schema) {
        return Map.of(
                "spring.datasource.url", schemaUrl(schema),
                "spring.datasource.username", user(),
                "spring.datasource.password", password());
    }

    /** Creates (if needed) the schema that stands for the SQLite database in {@code dataDir}, and answers its name. */
    public static String schemaFor(Path dataDir) {
        String schema = "t_" + digest(dataDir.toAbsolutePath().normalize().toString());
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test schema on " + url() + " (" + HOW_TO_RUN + ")", e);
        }
        CREATED.add(schema);
        return schema;
    }

    public static String schemaUrl(String schema) {
        String url = url();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static String url() {
        if (!available()) {
            throw new IllegalStateException("The PostgreSQL tests need a server: " + HOW_TO_RUN);
        }
        return System.getenv(URL_VARIABLE);
    }

    public static String user() {
        return System.getenv().getOrDefault(USER_VARIABLE, "");
    }

    public static String password() {
        return System.getenv().getOrDefault(PASSWORD_VARIABLE, "");
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    private static void dropCreatedSchemas() {
        if (CREATED.isEmpty()) {
            return;
        }
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = '5s'");
            for (String schema : CREATED) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop the test schemas " + CREATED + ": " + e.getMessage());
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
