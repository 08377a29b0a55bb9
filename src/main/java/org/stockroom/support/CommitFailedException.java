package org.stockroom.support;

import org.springframework.transaction.TransactionSystemException;

/**
 * The database did not confirm a commit: the statement COMMIT failed, typically because the
 * connection broke. Whether the transaction's changes were made is unknown, so nobody may say
 * that nothing was changed, and running the same work again could do it twice.
 */
public class CommitFailedException extends TransactionSystemException {

    CommitFailedException(Throwable cause) {
        super("The commit was not confirmed; its outcome is unknown", cause);
    }
}
