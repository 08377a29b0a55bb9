package org.stockroom.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.stockroom.StockroomApplication;
import org.stockroom.Store;
import org.stockroom.support.SchemaVersion;

/**
 * The store opened for one command: the same beans and SQL as the server, without the web
 * server, quiet on the console. Closing it closes the database.
 */
final class StoreSession implements AutoCloseable {

    /** Opens the store a command works on: the one in {@code dataDir}, or the configured one when null. */
    @FunctionalInterface
    interface Opener {
        StoreSession open(Path dataDir);
    }

    private static final String NO_BACKGROUND_PREINITIALIZATION = "spring.backgroundpreinitializer.ignore";

    private final ConfigurableApplicationContext context;
    private final boolean owner;

    private StoreSession(ConfigurableApplicationContext context, boolean owner) {
        this.context = context;
        this.owner = owner;
    }

    static StoreSession open(Path dataDir) {
        return open(dataDir, new String[0]);
    }

    /** Opens the store in {@code dataDir}, or where the configuration (application.properties, environment) points when null. */
    static StoreSession open(Path dataDir, String... extraProperties) {
        return open(dataDir, true, extraProperties);
    }

    /** Opens a store known to be new, which Flyway has to migrate anyway. */
    static StoreSession openNew(Path dataDir, String... extraProperties) {
        return open(dataDir, false, extraProperties);
    }

    private static StoreSession open(Path dataDir, boolean mayBeCurrent, String... extraProperties) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.main.banner-mode=off",
                "--spring.main.log-startup-info=false",
                "--logging.level.root=WARN",
                "--logging.level.org.stockroom=ERROR",
                "--logging.level.org.flywaydb=ERROR",
                // A store that cannot be opened is said in one line (CliErrors), not with the
                // framework's report of a failed start and its stack trace.
                "--logging.level.org.springframework.boot.SpringApplication=OFF",
                "--logging.level.org.springframework.context=ERROR",
                "--spring.main.lazy-initialization=true",
                "--stockroom.scheduling=false",
                "--stockroom.actor=cli"));
        if (dataDir != null) {
            args.add("--stockroom.data-dir=" + dataDir);
        }
        args.add("--spring.autoconfigure.exclude=" + String.join(",", serverOnlyAutoConfigurations()));
        args.addAll(List.of(extraProperties));
        // Spring Boot warms up Jackson, validation and HTTP converters on a background thread for
        // the server's first requests; a command that runs for a second would only pay for it.
        if (System.getProperty(NO_BACKGROUND_PREINITIALIZATION) == null) {
            System.setProperty(NO_BACKGROUND_PREINITIALIZATION, "true");
        }
        // The same before the logging is set up from the arguments (a data directory that cannot be made).
        LoggingSystem.get(StoreSession.class.getClassLoader())
                .setLogLevel("org.springframework.boot.SpringApplication", LogLevel.OFF);
        // Flyway is started only for a store that needs migrating (a new one, or one this build has
        // a migration for): on a store that is up to date it is a tenth of a command. Any other
        // store is opened again, with Flyway, which migrates it or says what is wrong with it.
        if (!mayBeCurrent) {
            return new StoreSession(start(args), true);
        }
        List<String> withoutFlyway = new ArrayList<>(args);
        withoutFlyway.add("--spring.flyway.enabled=false");
        ConfigurableApplicationContext context = start(withoutFlyway);
        try {
            if (SchemaVersion.current(context)) {
                return new StoreSession(context, true);
            }
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        context.close();
        return new StoreSession(start(args), true);
    }

    private static ConfigurableApplicationContext start(List<String> args) {
        return new SpringApplicationBuilder(StockroomApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    /**
     * Auto-configurations that only serve a running server: web MVC and its server, the OpenAPI
     * docs, actuator endpoints, health, metrics and observation, bean validation of requests. A
     * command that runs for a second pays for each one it loads (metrics and validation are set up
     * eagerly even with lazy initialization), so they are left out. Found by package, so that the
     * ones a new dependency brings along are left out too.
     */
    static List<String> serverOnlyAutoConfigurations() {
        return ImportCandidates.load(AutoConfiguration.class, StoreSession.class.getClassLoader())
                .getCandidates()
                .stream()
                .filter(name -> SERVER_ONLY_PACKAGES.stream().anyMatch(name::startsWith)
                        || SERVER_ONLY_CONCERNS.stream().anyMatch(name::contains))
                .toList();
    }

    private static final List<String> SERVER_ONLY_PACKAGES = List.of(
            "org.springframework.boot.actuate.",
            "org.springframework.boot.health.",
            "org.springframework.boot.micrometer.",
            "org.springframework.boot.webmvc.",
            "org.springframework.boot.servlet.",
            "org.springframework.boot.tomcat.",
            "org.springframework.boot.web.server.",
            "org.springframework.boot.http.converter.",
            "org.springframework.boot.validation.",
            "org.springframework.boot.thymeleaf.",
            "org.springdoc.");

    /** The same concerns where another module contributes them (data source health, pool metrics, task metrics, ...). */
    private static final List<String> SERVER_ONLY_CONCERNS =
            List.of(".actuate.", ".health.", ".metrics.", ".observation.");

    Store store() {
        return context.getBean(Store.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The same open store, for one more command; closing the borrowed session leaves the store open. */
    StoreSession borrow() {
        return new StoreSession(context, false);
    }

    @Override
    public void close() {
        if (owner) {
            context.close();
        }
    }
}
