package org.stockroom.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.ApiTestSupport;
import org.stockroom.testing.PostgresTestDatabase;

class DatabaseSelectionTests extends ApiTestSupport {

    @Autowired
    Database database;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSuiteRunsOnTheEngineItWasStartedFor() {
        assertThat(database).isEqualTo(PostgresTestDatabase.active() ? Database.POSTGRESQL : Database.SQLITE);
    }

    @Test
    void everySharedAndEngineSpecificMigrationIsApplied() {
        assertThat(jdbc.sql("SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL")
                        .query(String.class)
                        .list())
                .contains("1", "60");
    }
}
