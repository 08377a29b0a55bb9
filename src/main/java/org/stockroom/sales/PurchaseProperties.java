package org.stockroom.sales;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.stockroom.support.Database;

/**
 * How purchases reach the database ({@code stockroom.purchases.*}).
 *
 * @param groupCommit whether concurrent purchases share one transaction (a refused one failing alone)
 *                    instead of one transaction each
 * @param writers     writer threads, each committing its own batches; SQLite always has one, because
 *                    it has one writer at a time anyway. Absent: 1 on SQLite, 8 on PostgreSQL
 * @param batchSize   the most purchases one commit carries
 * @param window      how long a writer that has one purchase waits for more before it begins; zero
 *                    means a batch is whatever queued up while the previous batch was committed
 * @param timeout     how long a buyer waits for a queued purchase before it is given up (503, nothing changed)
 */
@ConfigurationProperties("stockroom.purchases")
record PurchaseProperties(
        @DefaultValue("true") boolean groupCommit,
        Integer writers,
        @DefaultValue("64") int batchSize,
        @DefaultValue("0ms") Duration window,
        @DefaultValue("30s") Duration timeout) {

    PurchaseProperties {
        if (writers != null && writers < 1) {
            throw new IllegalArgumentException("stockroom.purchases.writers must be at least 1");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("stockroom.purchases.batch-size must be at least 1");
        }
        if (window.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(
                    "stockroom.purchases.window must not be negative, and timeout must be positive");
        }
    }

    /** PostgreSQL's default, measured ahead of 3 writers on the shared 2-core machine (README, benchmarks). */
    static final int POSTGRESQL_WRITERS = 8;

    /** The writer threads for {@code database}: SQLite has one writer at a time anyway. */
    int writers(Database database) {
        if (database == Database.SQLITE) {
            return 1;
        }
        return writers == null ? POSTGRESQL_WRITERS : writers;
    }
}
