package org.stockroom.support;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The store's settings ({@code stockroom.*}).
 *
 * @param currency the one currency of the store; prices are held at its scale
 * @param timezone the zone in which report dates are read
 * @param dataDir where the embedded SQLite database lives when no datasource URL is given
 * @param idempotencyRetention how long purchase idempotency keys are remembered (at least 24h)
 * @param maxBodySize the largest JSON request body the API reads; larger ones are a 400 (multipart
 *     uploads have their own limits, {@code spring.servlet.multipart.*})
 * @param actor who the ledger names for changes made outside a signed-in request: {@code system}
 *     for the server's own work; the command line sets {@code cli}
 * @param scheduling whether background jobs run (outbox retention, digests, scheduled backups);
 *     commands of the command line turn them off (see SchedulingConfiguration)
 */
@ConfigurationProperties("stockroom")
public record StockroomProperties(
        @DefaultValue("USD") Currency currency,
        @DefaultValue("UTC") ZoneId timezone,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("48h") Duration idempotencyRetention,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("system") String actor,
        @DefaultValue("true") boolean scheduling) {

    public StockroomProperties {
        if (idempotencyRetention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("stockroom.idempotency-retention must be at least 24h");
        }
    }

    public int currencyScale() {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }
}
