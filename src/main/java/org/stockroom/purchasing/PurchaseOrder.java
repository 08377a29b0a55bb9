package org.stockroom.purchasing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A purchase order as stored: its number, supplier, status and lines, each line with what was
 * ordered, what has been received and what a unit costs (null when not known yet).
 */
public record PurchaseOrder(
        String id,
        String number,
        Supplier supplier,
        Status status,
        String reference,
        LocalDate expectedOn,
        List<Line> lines,
        String actor,
        Instant createdAt,
        Instant updatedAt,
        Instant sentAt,
        String emailedTo,
        Instant emailedAt,
        String emailError) {

    /** DRAFT (lines may change) → SENT → PARTIALLY_RECEIVED → RECEIVED; DRAFT or open → CANCELLED. */
    public enum Status {
        DRAFT,
        SENT,
        PARTIALLY_RECEIVED,
        RECEIVED,
        CANCELLED;

        /** Sent and not yet fully received or cancelled: its open units are on their way. */
        public boolean open() {
            return this == SENT || this == PARTIALLY_RECEIVED;
        }
    }

    public record Line(String sku, String name, long quantity, long received, BigDecimal unitCost) {

        public long open() {
            return quantity - received;
        }

        public BigDecimal total() {
            return unitCost == null ? null : unitCost.multiply(BigDecimal.valueOf(quantity));
        }
    }

    /** The sum of the lines at their unit costs; lines of unknown cost count as nothing (see {@link #costKnown}). */
    public BigDecimal total(int scale) {
        return lines.stream()
                .map(Line::total)
                .filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(scale, RoundingMode.HALF_EVEN);
    }

    public boolean costKnown() {
        return lines.stream().allMatch(l -> l.unitCost() != null);
    }

    public long openUnits() {
        return status.open() ? lines.stream().mapToLong(Line::open).sum() : 0;
    }

    /** Open and expected on or before {@code today}. */
    public boolean due(LocalDate today) {
        return status.open() && expectedOn != null && !expectedOn.isAfter(today);
    }

    public boolean late(LocalDate today) {
        return status.open() && expectedOn != null && expectedOn.isBefore(today);
    }
}
