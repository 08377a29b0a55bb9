package org.stockroom.channels;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code stockroom.channels.pushes{platform, result}}: this instance's attempts to send a SKU's
 * available stock to a storefront. {@code delivered}: the platform took the number; {@code retry}: it
 * will be sent again (a transient failure, a 429, an item found again under a new id);
 * {@code failed}: it will not be (credentials refused, channel not connected, item gone). Registered
 * at start for both platforms, so counting allocates nothing and each series shows 0 from the start.
 */
@Component
class ChannelMeters {

    enum Result {
        DELIVERED,
        RETRY,
        FAILED
    }

    private final Map<ChannelType, Map<Result, Counter>> pushes = new EnumMap<>(ChannelType.class);

    ChannelMeters(ObjectProvider<MeterRegistry> meterRegistry) {
        MeterRegistry registry = meterRegistry.getIfAvailable(() -> Metrics.globalRegistry);
        for (ChannelType platform : ChannelType.values()) {
            Map<Result, Counter> byResult = new EnumMap<>(Result.class);
            for (Result result : Result.values()) {
                byResult.put(
                        result,
                        Counter.builder("stockroom.channels.pushes")
                                .description("Stock levels sent to storefronts, by platform and result")
                                .tag("platform", platform.apiName())
                                .tag("result", result.name().toLowerCase(java.util.Locale.ROOT))
                                .register(registry));
            }
            pushes.put(platform, byResult);
        }
    }

    void push(ChannelType platform, Result result) {
        pushes.get(platform).get(result).increment();
    }
}
