package org.stockroom.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Meters of the outbox: {@code stockroom.outbox.backlog} (notifications waiting) and
 * {@code stockroom.outbox.oldest.age} (seconds the oldest has waited) are read from the table when
 * scraped, so every instance shows the shared backlog; {@code stockroom.notifications.deliveries}
 * counts this instance's attempts by channel and result (delivered, retry, failed).
 */
@Component
class NotificationMeters {

    private static final Logger log = LoggerFactory.getLogger(NotificationMeters.class);

    private final Counter webhookDelivered;
    private final Counter webhookRetry;
    private final Counter webhookFailed;
    private final Counter emailDelivered;
    private final Counter emailRetry;
    private final Counter emailFailed;

    NotificationMeters(Outbox outbox, Clock clock, ObjectProvider<MeterRegistry> meterRegistry) {
        MeterRegistry registry = meterRegistry.getIfAvailable(() -> Metrics.globalRegistry);
        Gauge.builder("stockroom.outbox.backlog", outbox, o -> read(o).pending())
                .description("Notifications waiting to be delivered (all instances)")
                .register(registry);
        Gauge.builder("stockroom.outbox.oldest.age", outbox, o -> {
                    Long oldest = read(o).oldestCreatedAt();
                    return oldest == null ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
                })
                .description("How long the oldest waiting notification has waited; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
        webhookDelivered = delivery(registry, "webhook", "delivered");
        webhookRetry = delivery(registry, "webhook", "retry");
        webhookFailed = delivery(registry, "webhook", "failed");
        emailDelivered = delivery(registry, "email", "delivered");
        emailRetry = delivery(registry, "email", "retry");
        emailFailed = delivery(registry, "email", "failed");
    }

    /** A scrape while the database is away shows an empty backlog rather than failing the whole scrape. */
    private static Outbox.Backlog read(Outbox outbox) {
        try {
            return outbox.backlog();
        } catch (RuntimeException e) {
            log.debug("Cannot read the outbox backlog for metrics: {}", e.toString());
            return new Outbox.Backlog(0, null);
        }
    }

    private static Counter delivery(MeterRegistry registry, String channel, String result) {
        return Counter.builder("stockroom.notifications.deliveries")
                .description("Delivery attempts of notifications by channel and result")
                .tag("channel", channel)
                .tag("result", result)
                .register(registry);
    }

    void delivered(Outbox.Channel channel) {
        (channel == Outbox.Channel.WEBHOOK ? webhookDelivered : emailDelivered).increment();
    }

    void retry(Outbox.Channel channel) {
        (channel == Outbox.Channel.WEBHOOK ? webhookRetry : emailRetry).increment();
    }

    void failed(Outbox.Channel channel) {
        (channel == Outbox.Channel.WEBHOOK ? webhookFailed : emailFailed).increment();
    }
}
