package org.stockroom.notifications;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the shop owner about something other features noticed (a sales channel refusing its
 * credentials): an email to the alert recipients, through the same outbox as alert email, so it is
 * queued in the caller's transaction and sent at least once. Callers decide that it is sent once.
 */
@Service
public class OwnerNotices {

    private final Outbox outbox;
    private final Messages messages;
    private final AlertEmailProperties email;
    private final Wakeup wakeup;
    private final Clock clock;

    OwnerNotices(Outbox outbox, Messages messages, AlertEmailProperties email, Wakeup wakeup, Clock clock) {
        this.outbox = outbox;
        this.messages = messages;
        this.email = email;
        this.wakeup = wakeup;
        this.clock = clock;
    }

    /** Queues an email to the owner; answers false when no alert recipients are configured. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean email(String eventType, String subject, String text) {
        if (!email.enabled()) {
            return false;
        }
        outbox.queueEmail(messages.newId(), eventType, messages.ownerEmail(email, subject, text), clock.millis());
        wakeup.afterCommit();
        return true;
    }
}
