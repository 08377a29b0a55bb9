package org.stockroom.channels;

import org.springframework.stereotype.Component;
import org.stockroom.support.Signal;

/**
 * Wakes this instance's channel workers when there is work, so a delivery is processed and a stock
 * change pushed right after the commit that recorded it, instead of at the next poll.
 */
@Component
class Signals {

    final Signal inbox = new Signal();
    final Signal pushes = new Signal();
    final Signal syncs = new Signal();
}
