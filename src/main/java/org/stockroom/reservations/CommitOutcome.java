package org.stockroom.reservations;

import org.stockroom.sales.Purchase;

/** The purchase a commit made, or ({@code firstCommit} false) the one an earlier commit of the reservation made. */
public record CommitOutcome(Purchase purchase, boolean firstCommit) {}
