package org.stockroom.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class TransactionRetryTests {

    /** A unit of work that fails as told, recording whether each attempt ran in a transaction of its own. */
    static class Work {
        final List<Boolean> attempts = new ArrayList<>();
        int failuresLeft;
        RuntimeException failure;

        @Transactional
        public String run() {
            attempts.add(TransactionSynchronizationManager.isActualTransactionActive());
            if (failuresLeft > 0) {
                failuresLeft--;
                throw failure;
            }
            return "done";
        }
    }

    static class Outer {
        final Work work;

        Outer(Work work) {
            this.work = work;
        }

        @Transactional
        public String run() {
            return work.run();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    @Import(TransactionRetry.class)
    static class Setup {
        @Bean
        DataSource dataSource() {
            return new SingleConnectionDataSource("jdbc:sqlite::memory:", true);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        Work work() {
            return new Work();
        }

        @Bean
        Outer outer(Work work) {
            return new Outer(work);
        }
    }

    private AnnotationConfigApplicationContext context;
    private Work work;
    private Work target;

    @BeforeEach
    void start() throws Exception {
        context = new AnnotationConfigApplicationContext(Setup.class);
        work = context.getBean(Work.class);
        target = (Work) ((org.springframework.aop.framework.Advised) work)
                .getTargetSource()
                .getTarget();
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private static RuntimeException deadlock() {
        return new CannotAcquireLockException("deadlock", new SQLException("deadlock detected", "40P01"));
    }

    @Test
    void aTransactionTheDatabaseAbortedIsRunAgainInAFreshTransaction() {
        target.failuresLeft = 2;
        target.failure = deadlock();

        assertThat(work.run()).isEqualTo("done");
        assertThat(target.attempts).containsExactly(true, true, true);
    }

    @Test
    void aRefusalIsNotRetried() {
        target.failuresLeft = 1;
        target.failure = new DomainException(DomainException.Kind.CONFLICT, "insufficient-stock", "no");

        assertThatThrownBy(work::run).isSameAs(target.failure);
        assertThat(target.attempts).hasSize(1);
    }

    @Test
    void afterABoundedNumberOfRetriesTheLastFailureSurfaces() {
        target.failuresLeft = 100;
        target.failure = deadlock();

        assertThatThrownBy(work::run).isSameAs(target.failure);
        assertThat(target.attempts).hasSize(TransactionRetry.MAX_RETRIES + 1);
    }

    @Test
    void onlyTheOutermostTransactionIsRetriedNotTheStepsInsideIt() {
        target.failuresLeft = 1;
        target.failure = deadlock();

        assertThat(context.getBean(Outer.class).run()).isEqualTo("done");
        assertThat(target.attempts).as("one inner run per outer attempt").hasSize(2);
    }

    @Test
    void theTransactionTemplateRetriesToo() {
        TransactionTemplate template = context.getBean(TransactionTemplate.class);
        List<Integer> attempts = new ArrayList<>();

        String result = template.execute(status -> {
            attempts.add(attempts.size());
            if (attempts.size() < 3) {
                throw new UncategorizedSQLException(
                        "busy",
                        "BEGIN IMMEDIATE",
                        new SQLiteException("database is locked", SQLiteErrorCode.SQLITE_BUSY));
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasSize(3);
    }

    @Test
    void transientMeansDeadlockSerializationLockTimeoutOrSqliteBusyNothingElse() {
        assertThat(TransientFailures.isTransient(new SQLException("x", "40001")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("x", "40P01")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("x", "55P03")))
                .isTrue();
        assertThat(TransientFailures.isTransient(
                        new RuntimeException(new SQLiteException("x", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLiteException("x", SQLiteErrorCode.SQLITE_LOCKED)))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLiteException("x", SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE)))
                .isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("duplicate key", "23505")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("x")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("x")))
                .isFalse();
    }
}
