package org.stockroom.notifications;

import org.springframework.stereotype.Component;
import org.stockroom.support.Signal;

/**
 * Wakes the dispatcher of this instance when there is work, so a notification leaves right after
 * the commit that queued it instead of at the next poll.
 */
@Component
class Wakeup extends Signal {}
