package org.stockroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.catalog.NewProduct;
import org.stockroom.support.Database;
import org.stockroom.support.SchemaVersion;

/**
 * A command starts Flyway only for a store that needs it: a new store is migrated by the first
 * command, an up-to-date one is opened without Flyway, and one whose history is not what this build
 * expects goes to Flyway, which migrates it or refuses it with its own explanation.
 */
class StoreSessionTests {

    @TempDir
    Path dataDir;

    @Test
    void theFirstCommandMigratesANewStoreAndLaterOnesOpenItWithoutFlyway() {
        try (StoreSession first = StoreSession.open(dataDir)) {
            assertThat(first.bean(Flyway.class)).isNotNull();
            assertThat(current(first)).isTrue();
            first.store()
                    .addProduct(new NewProduct(
                            "MUG-1", "Mug", new BigDecimal("8.00"), 5L, 1L, null, null, null, null, null));
        }
        try (StoreSession later = StoreSession.open(dataDir)) {
            assertThatThrownBy(() -> later.bean(Flyway.class)).isInstanceOf(NoSuchBeanDefinitionException.class);
            assertThat(later.store().product("MUG-1").stock()).isEqualTo(5);
        }
    }

    @Test
    void aStoreWithoutTheNewestMigrationIsNotCurrent() {
        try (StoreSession session = StoreSession.open(dataDir)) {
            JdbcClient jdbc = JdbcClient.create(session.bean(DataSource.class));
            String newest = jdbc.sql("SELECT version FROM flyway_schema_history WHERE installed_rank ="
                            + " (SELECT MAX(installed_rank) FROM flyway_schema_history)")
                    .query(String.class)
                    .single();
            jdbc.sql("DELETE FROM flyway_schema_history WHERE version = ?")
                    .param(newest)
                    .update();

            assertThat(current(session)).isFalse();
        }
    }

    @Test
    void aStoreWithAFailedMigrationIsLeftToFlywayWhichRefusesIt() {
        try (StoreSession session = StoreSession.open(dataDir)) {
            JdbcClient.create(session.bean(DataSource.class))
                    .sql("UPDATE flyway_schema_history SET success = FALSE WHERE version = '1'")
                    .update();
            assertThat(current(session)).isFalse();
        }

        assertThatThrownBy(() -> StoreSession.open(dataDir).close())
                .hasStackTraceContaining("failed migration to version 1");
    }

    private static boolean current(StoreSession session) {
        return SchemaVersion.current(
                session.bean(DataSource.class), session.bean(Database.class), session.bean(Environment.class));
    }
}
