package org.stockroom.channels;

import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes this instance's channel workers when there is work, so a delivery is processed and a stock
 * change pushed right after the commit that recorded it, instead of at the next poll. Other
 * instances find the work at their next poll.
 */
@Component
class Signals {

    static final class Signal {
        private boolean signalled;

        /** Wakes the worker once the current transaction commits (at once when there is none). */
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

    final Signal inbox = new Signal();
    final Signal pushes = new Signal();
    final Signal syncs = new Signal();
}
