package org.stockroom.support;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The store's transaction manager: Boot's JDBC one, except that a failed COMMIT is a {@link
 * CommitFailedException}, so that the faces can tell "not done" from "unknown" (a failure before
 * the commit rolls the transaction back; one during it may have been committed).
 */
@Configuration(proxyBeanMethods = false)
class CommitAwareTransactions {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource) {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                try {
                    super.doCommit(status);
                } catch (RuntimeException e) {
                    // A TransactionException, so the manager does not try to roll back over a broken connection
                    // and report that failure instead.
                    throw new CommitFailedException(e);
                }
            }
        };
    }
}
