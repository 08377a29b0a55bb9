package org.stockroom.support;

import java.time.Duration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes a worker thread of this instance when there is work for it, so work recorded by a commit is
 * picked up right after that commit instead of at the worker's next poll. Other instances find the
 * work at their next poll. A wake with nobody waiting is kept for the next wait.
 */
public class Signal {

    private boolean signalled;

    /** Wakes the worker once the current transaction commits (at once when there is none). */
    public void afterCommit() {
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

    public synchronized void wake() {
        signalled = true;
        notifyAll();
    }

    /** Waits until woken or until {@code timeout} passes. */
    public synchronized void await(Duration timeout) throws InterruptedException {
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
