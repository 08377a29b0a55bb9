package org.stockroom.reservations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reservation settings ({@code stockroom.reservations.*}). The sweeper's schedule reads the key
 * through its placeholder; this record binds it too, so a wrong value stops the start with the key's
 * name and the key is in the configuration metadata.
 *
 * @param sweepInterval how often each instance expires the reservations that are due (the contract
 *     wants expired units available again within 5 seconds)
 */
@ConfigurationProperties("stockroom.reservations")
record ReservationProperties(@DefaultValue("1s") Duration sweepInterval) {

    ReservationProperties {
        if (sweepInterval.isNegative()
                || sweepInterval.isZero()
                || sweepInterval.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalArgumentException("stockroom.reservations.sweep-interval must be from 1ms to 5s");
        }
    }
}
