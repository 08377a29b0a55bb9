package org.stockroom.reservations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.stockroom.support.AfterCommit;

/**
 * {@code stockroom.reservations{result}}: reservations held, committed, released and expired by this
 * instance, each counted once its transaction has committed (a rolled-back hold or a replayed
 * Idempotency-Key is not counted). The four counters are registered at start, so counting allocates
 * nothing and every series shows 0 before its first event.
 */
@Component
class ReservationMeters {

    private final Counter held;
    private final Counter committed;
    private final Counter released;
    private final Counter expired;

    ReservationMeters(ObjectProvider<MeterRegistry> meterRegistry) {
        // Commands of the CLI run without metrics; the global registry then counts into nothing.
        MeterRegistry registry = meterRegistry.getIfAvailable(() -> Metrics.globalRegistry);
        held = counter(registry, "held");
        committed = counter(registry, "committed");
        released = counter(registry, "released");
        expired = counter(registry, "expired");
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("stockroom.reservations")
                .description("Reservations by what became of them")
                .tag("result", result)
                .register(registry);
    }

    void held() {
        AfterCommit.run(held::increment);
    }

    void committed() {
        AfterCommit.run(committed::increment);
    }

    void released() {
        AfterCommit.run(released::increment);
    }

    void expired(int count) {
        if (count > 0) {
            AfterCommit.run(() -> expired.increment(count));
        }
    }
}
