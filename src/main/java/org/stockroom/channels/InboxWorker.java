package org.stockroom.channels;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Processes recorded webhook deliveries in the order they arrived. A delivery that fails for a
 * reason that may pass (the database busy, a refund before its order) is tried again on the retry
 * schedule; one that can never be processed is marked FAILED with the reason, and shown. With
 * {@code stockroom.channels.process-inbox=false} an instance only receives (records and answers)
 * deliveries and leaves processing to the instances that have it on.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "stockroom.channels.process-inbox", havingValue = "true", matchIfMissing = true)
class InboxWorker extends Worker {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);
    /** After this many attempts a delivery that keeps failing is given up and shown as FAILED. */
    static final int MAX_ATTEMPTS = 20;

    private final ChannelRepository repository;
    private final OrderIntake intake;
    private final ChannelProperties properties;
    private final Clock clock;

    InboxWorker(
            ChannelRepository repository,
            OrderIntake intake,
            ChannelProperties properties,
            Signals signals,
            Clock clock) {
        super("channel-inbox", signals.inbox, properties.pollInterval());
        this.repository = repository;
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    boolean round() {
        long now = clock.millis();
        List<ChannelRepository.Delivery> claimed = repository.claimDeliveries(
                10, UUID.randomUUID().toString(), now, now + properties.lease().toMillis());
        for (ChannelRepository.Delivery delivery : claimed) {
            handle(delivery);
        }
        return !claimed.isEmpty();
    }

    private void handle(ChannelRepository.Delivery delivery) {
        var channel = repository.find(delivery.channelId());
        try {
            if (channel.isPresent() && channel.get().status() != ChannelStatus.DISCONNECTED) {
                intake.process(channel.get(), delivery.topic(), delivery.body());
            }
            repository.finishDelivery(delivery, "DONE", null, clock.millis(), clock.millis());
        } catch (OrderIntake.Unreadable e) {
            log.warn("Channel delivery {} cannot be processed: {}", delivery.id(), e.getMessage());
            repository.finishDelivery(delivery, "FAILED", e.getMessage(), clock.millis(), null);
        } catch (RuntimeException e) {
            int failures = delivery.attempts() + 1;
            long now = clock.millis();
            if (failures >= MAX_ATTEMPTS) {
                log.error("Channel delivery {} failed {} times; given up: {}", delivery.id(), failures, e.toString());
                repository.finishDelivery(delivery, "FAILED", e.toString(), now, null);
            } else {
                log.info(
                        "Channel delivery {} attempt {} failed ({}); tried again later",
                        delivery.id(),
                        failures,
                        e.toString());
                repository.finishDelivery(
                        delivery,
                        "PENDING",
                        e.toString(),
                        now + properties.retryAfter(failures).toMillis(),
                        null);
            }
        }
    }
}
