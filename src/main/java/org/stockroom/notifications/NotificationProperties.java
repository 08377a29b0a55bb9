package org.stockroom.notifications;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox is delivered ({@code stockroom.notifications.*}).
 *
 * @param retrySchedule the waits between attempts after the first one fails; when the last wait
 *     has been used the notification is marked failed. The default follows Standard Webhooks,
 *     stretched to about three days.
 * @param jitter each wait is varied at random by up to this fraction, so receivers that failed
 *     together are not retried together
 * @param pollInterval how often an idle dispatcher looks for due notifications (a commit that
 *     writes notifications in this instance wakes it at once)
 * @param lease how long a dispatcher owns a notification it is sending; after that another
 *     dispatcher (or this one after a restart) may try it again
 * @param workers how many notifications one instance sends at the same time
 * @param retention how long delivered, failed and cancelled notifications stay in the delivery log
 */
@ConfigurationProperties("stockroom.notifications")
record NotificationProperties(
        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "14h", "20h", "20h"})
        List<Duration> retrySchedule,

        @DefaultValue("0.2") double jitter,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("4") int workers,
        @DefaultValue("30d") Duration retention) {

    NotificationProperties {
        retrySchedule = List.copyOf(retrySchedule);
        if (retrySchedule.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("stockroom.notifications.retry-schedule: every wait must be positive");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("stockroom.notifications.jitter must be at least 0 and less than 1");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("stockroom.notifications.poll-interval must be positive");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("stockroom.notifications.workers must be at least 1");
        }
    }
}
