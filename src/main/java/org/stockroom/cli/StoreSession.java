package org.stockroom.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.stockroom.StockroomApplication;
import org.stockroom.Store;

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
        List<String> args = new ArrayList<>(List.of(
                "--spring.main.banner-mode=off",
                "--spring.main.log-startup-info=false",
                "--logging.level.root=WARN",
                "--logging.level.org.stockroom=ERROR",
                "--logging.level.org.flywaydb=ERROR",
                "--spring.main.lazy-initialization=true",
                "--stockroom.scheduling=false",
                "--stockroom.actor=cli"));
        if (dataDir != null) {
            args.add("--stockroom.data-dir=" + dataDir);
        }
        args.addAll(List.of(extraProperties));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StockroomApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new));
        return new StoreSession(context, true);
    }

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
