package org.stockroom.stock;

import java.util.Collection;

/**
 * Whoever keeps holds with an expiry (the reservations) lets stock release those already due on
 * given products, so that a hold past its expiry never blocks a sale, even before the sweeper has
 * run. Called by {@link Stock} only on the refusal path, in the refused change's transaction.
 * An interface here, implemented there, because reservations build on stock and not the reverse.
 */
public interface ExpiredHolds {

    /**
     * Ends every active hold on any of {@code skus} whose expiry has passed (a conditional status
     * change, so a hold ends once however many try) and gives its units back through
     * {@link Stock#unhold}; in the caller's transaction.
     *
     * @return whether any units came back
     */
    boolean releaseDue(Collection<String> skus);
}
