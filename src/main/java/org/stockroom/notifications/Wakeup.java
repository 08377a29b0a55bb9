package org.stockroom.notifications;

import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the dispatcher of this instance when there is work, so a notification leaves right after
 * the commit that queued it instead of at the next poll.
 */
@Component
class Wakeup {

    private boolean signalled;

    /** Wakes the dispatcher once the current transaction commits (at once when there is none). */
    void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    synchronized void wake() {
        signalled = true;
        notifyAll();
    }

    /** Waits until woken or until {@code timeout} passes. */
    synchronized void await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!signalled) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        signalled = false;
    }
}
