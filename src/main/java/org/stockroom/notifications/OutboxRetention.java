package org.stockroom.notifications;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the outbox small: finished notifications leave the delivery log after {@code stockroom.notifications.retention}. */
@Component
class OutboxRetention {

    private final Outbox outbox;
    private final NotificationProperties settings;
    private final Clock clock;

    OutboxRetention(Outbox outbox, NotificationProperties settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldDeliveries() {
        outbox.forgetFinishedBefore(clock.millis() - settings.retention().toMillis());
    }
}
