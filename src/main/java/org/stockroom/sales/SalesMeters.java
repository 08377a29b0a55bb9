package org.stockroom.sales;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Meters of the purchase path, registered once so that counting a sale allocates nothing.
 *
 * <ul>
 *   <li>{@code stockroom.purchases{result=made}}: purchases committed (replays of an Idempotency-Key not counted);
 *   <li>{@code stockroom.purchases{result=refused, reason=<code>}}: refusals by their Problem code;
 *   <li>{@code stockroom.units.sold}: units taken from stock by purchases;
 *   <li>{@code stockroom.purchases.batch.size}: purchases per group commit.
 * </ul>
 */
final class SalesMeters {

    /** The refusals of the purchase path; any other code counts as {@code other}. */
    static final List<String> REASONS = List.of(
            "insufficient-stock",
            "unknown-sku",
            "product-archived",
            "idempotency-key-reused",
            "invalid-request",
            "busy");

    private final Counter made;
    private final Counter units;
    private final Map<String, Counter> refused;
    private final Counter refusedOther;
    private final DistributionSummary batchSize;

    SalesMeters(MeterRegistry registry) {
        this.made = Counter.builder("stockroom.purchases")
                .description("Purchases by result")
                .tag("result", "made")
                .tag("reason", "none")
                .register(registry);
        this.refused = REASONS.stream().collect(Collectors.toMap(Function.identity(), r -> refusal(registry, r)));
        this.refusedOther = refusal(registry, "other");
        this.units = Counter.builder("stockroom.units.sold")
                .description("Units taken from stock by purchases")
                .register(registry);
        this.batchSize = DistributionSummary.builder("stockroom.purchases.batch.size")
                .description("Purchases carried by one group commit")
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue(256.0)
                .register(registry);
    }

    private static Counter refusal(MeterRegistry registry, String reason) {
        return Counter.builder("stockroom.purchases")
                .description("Purchases by result")
                .tag("result", "refused")
                .tag("reason", reason)
                .register(registry);
    }

    void made(Purchase purchase) {
        made.increment();
        long sold = 0;
        for (Purchase.Line line : purchase.lines()) {
            sold += line.quantity();
        }
        units.increment(sold);
    }

    void refused(String code) {
        refused.getOrDefault(code, refusedOther).increment();
    }

    void batch(int size) {
        batchSize.record(size);
    }
}
