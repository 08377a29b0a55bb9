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

    private final ConfigurableApplicationContext context;

    private StoreSession(ConfigurableApplicationContext context) {
        this.context = context;
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
                "--spring.task.scheduling.enabled=false",
                "--stockroom.actor=cli"));
        if (dataDir != null) {
            args.add("--stockroom.data-dir=" + dataDir);
        }
        args.addAll(List.of(extraProperties));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StockroomApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new));
        return new StoreSession(context);
    }

    Store store() {
        return context.getBean(Store.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
