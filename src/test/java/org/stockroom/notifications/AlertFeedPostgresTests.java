package org.stockroom.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockroom.alerts.AlertChange;
import org.stockroom.alerts.AlertLevel;
import org.stockroom.alerts.RemoteAlertChange;
import org.stockroom.support.Database;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances sharing one PostgreSQL database: each hears the alert changes the other commits,
 * not its own, and nothing of a change that rolled back. Runs when {@code STOCKROOM_TEST_POSTGRES_URL}
 * (with {@code _USER} and {@code _PASSWORD}) names a database, as {@code .ci/run} sets it; skipped otherwise.
 */
class AlertFeedPostgresTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Object> heardByA = new CopyOnWriteArrayList<>();
    private final List<Object> heardByB = new CopyOnWriteArrayList<>();
    private DriverManagerDataSource dataSource;
    private AlertFeed a;
    private AlertFeed b;
    private AlertFeedNotifier notifierOfA;

    @BeforeEach
    void twoInstances() {
        String url = System.getenv("STOCKROOM_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(
                url != null && !url.isBlank(), "STOCKROOM_TEST_POSTGRES_URL is not set: no PostgreSQL to test against");
        dataSource = new DriverManagerDataSource(
                url,
                System.getenv().getOrDefault("STOCKROOM_TEST_POSTGRES_USER", ""),
                System.getenv().getOrDefault("STOCKROOM_TEST_POSTGRES_PASSWORD", ""));
        InstanceId idA = new InstanceId();
        a = new AlertFeed(dataSource, Database.POSTGRESQL, idA, JSON, heardByA::add);
        b = new AlertFeed(dataSource, Database.POSTGRESQL, new InstanceId(), JSON, heardByB::add);
        notifierOfA = new AlertFeedNotifier(JdbcClient.create(dataSource), Database.POSTGRESQL, idA, JSON);
        a.start();
        b.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> a.listening() && b.listening());
    }

    @AfterEach
    void stop() {
        if (a != null) {
            a.stop();
            b.stop();
        }
    }

    @Test
    void anInstanceHearsTheCommittedAlertChangesOfAnotherAndNotItsOwn() {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        AlertChange rolledBack = new AlertChange(AlertChange.Type.RAISED, 1, "FEED-0", "Feed", AlertLevel.LOW, 2, 3);
        transaction.executeWithoutResult(status -> {
            notifierOfA.on(rolledBack);
            status.setRollbackOnly();
        });
        AlertChange raised = new AlertChange(AlertChange.Type.RAISED, 2, "FEED-1", "Feed", AlertLevel.LOW, 2, 3);
        transaction.executeWithoutResult(status -> notifierOfA.on(raised));

        await().atMost(Duration.ofSeconds(30)).until(() -> !heardByB.isEmpty());
        assertThat(heardByB).containsExactly(new RemoteAlertChange(raised));
        assertThat(heardByA)
                .as("an instance's own changes reach it as AlertChange, not as remote ones")
                .isEmpty();
    }
}
