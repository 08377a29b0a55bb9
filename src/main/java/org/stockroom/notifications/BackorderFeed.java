package org.stockroom.notifications;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.stockroom.alerts.AlertStream;
import org.stockroom.stock.BackorderCreated;

/**
 * Puts each committed backorder in the owner's live feed (the alert stream), after its
 * transaction commits, so a purchase that rolled back never shows one.
 */
@Component
class BackorderFeed {

    private final AlertStream stream;

    BackorderFeed(AlertStream stream) {
        this.stream = stream;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(BackorderCreated created) {
        stream.publish(new AlertStream.Notice(
                "backorder.created",
                created.backorder().id(),
                created.backorder().sku(),
                created.product().name(),
                created.backorder().owed(),
                created.product().available(),
                created.product().reorderThreshold()));
    }
}
