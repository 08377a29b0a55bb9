package org.stockroom.channels;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.stockroom.support.Signal;

/**
 * A background loop of a running server: it does a round of work, and when there was none, waits
 * to be signalled or for the poll interval (work queued by another instance is found that way).
 * All its work is claimed from the database under a lease, so a crash in the middle only delays
 * it until the lease runs out.
 */
abstract class Worker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    private final String name;
    private final Signal signal;
    private final Duration poll;
    private volatile boolean running;
    private Thread thread;

    Worker(String name, Signal signal, Duration poll) {
        this.name = name;
        this.signal = signal;
        this.poll = poll;
    }

    /** Does some of the work that is due; answers whether there may be more right away. */
    abstract boolean round();

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        signal.wake();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                if (!round()) {
                    signal.await(poll);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("{}: {}", name, e.toString());
                    try {
                        signal.await(poll);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
