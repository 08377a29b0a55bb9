package org.stockroom.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.stockroom.StockroomApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the web UI and JSON API (http://localhost:8080 by default).")
class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (default 8080, or server.port).")
    Integer port;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory of the embedded database (default ./data).")
    Path dataDir;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(springArguments);
        if (port != null) {
            args.add("--server.port=" + port);
        }
        if (dataDir != null) {
            args.add("--stockroom.data-dir=" + dataDir);
        }
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(StockroomApplication.class).run(args.toArray(String[]::new));
        // The web server keeps running on its own threads; wait for it to be shut down.
        var latch = new java.util.concurrent.CountDownLatch(1);
        context.addApplicationListener(
                (org.springframework.context.ApplicationListener<org.springframework.context.event.ContextClosedEvent>)
                        e -> latch.countDown());
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
