package org.stockroom.testing;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * In the suite's PostgreSQL run without a server to run on, leaves every test out and says once
 * how to run them, so {@code ./mvnw verify} on a laptop stays green. In CI it refuses instead: there
 * the PostgreSQL half must never be skipped.
 */
public final class PostgresSuiteFilter implements PostDiscoveryFilter {

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!PostgresTestDatabase.active() || PostgresTestDatabase.available()) {
            return FilterResult.included("a PostgreSQL server is configured, or this is the SQLite run");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the suite on PostgreSQL, but "
                    + PostgresTestDatabase.URL_VARIABLE + " is not set: " + PostgresTestDatabase.HOW_TO_RUN);
        }
        if (TOLD.compareAndSet(false, true)) {
            System.out.println(
                    "PostgreSQL tests skipped: to run the suite on PostgreSQL too, " + PostgresTestDatabase.HOW_TO_RUN);
        }
        return FilterResult.excluded("no PostgreSQL server configured");
    }
}
