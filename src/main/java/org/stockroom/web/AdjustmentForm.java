package org.stockroom.web;

import java.util.Arrays;
import java.util.List;
import org.stockroom.stock.Adjustment;
import org.stockroom.stock.AdjustmentReason;
import org.stockroom.support.InvalidRequestException;

/**
 * The product page's "Adjust stock" form as typed: one quantity that is either a signed change
 * ({@code kind=delta}) or the count found on the shelf ({@code kind=count}, a stocktake), a reason
 * and a note. Its field names differ from the receipt form's, which shares the page.
 */
record AdjustmentForm(String kind, String amount, String reason, String adjustNote) {

    static final String DELTA = "delta";
    static final String COUNT = "count";

    /** The reasons in the order the form offers them, each with the words it shows. */
    record Choice(String value, String label) {}

    static final List<Choice> REASONS = Arrays.stream(AdjustmentReason.values())
            .map(r -> new Choice(
                    r.name(),
                    switch (r) {
                        case COUNT -> "Stocktake (shelf counted)";
                        case DAMAGED -> "Damaged";
                        case LOST -> "Lost or stolen";
                        case FOUND -> "Found";
                        case RETURN -> "Returned by a customer";
                        case OTHER -> "Other (say why in the note)";
                    }))
            .toList();

    static AdjustmentForm empty() {
        return new AdjustmentForm(DELTA, "", "", "");
    }

    /** Public, as the record's own accessors are, for the template. */
    public boolean isCount() {
        return COUNT.equals(kind);
    }

    /** The adjustment to apply; refused with messages keyed by this form's field names. */
    Adjustment toAdjustment() {
        FormErrors errors = new FormErrors();
        if (!DELTA.equals(kind) && !COUNT.equals(kind)) {
            errors.add("kind", "must be chosen");
        }
        Long units = errors.whole("amount", amount);
        if (units == null) {
            errors.add("amount", "is required");
        }
        AdjustmentReason why = reason(errors);
        errors.throwIfAny();
        try {
            return isCount()
                    ? new Adjustment(null, units, why, blankToNull(adjustNote))
                    : new Adjustment(units, null, why, blankToNull(adjustNote));
        } catch (InvalidRequestException e) {
            FormErrors renamed = new FormErrors();
            e.errors()
                    .forEach(f -> renamed.add(
                            switch (f.field()) {
                                case "delta", "countedQuantity" -> "amount";
                                case "note" -> "adjustNote";
                                default -> f.field();
                            },
                            f.message()));
            renamed.throwIfAny();
            throw e;
        }
    }

    private AdjustmentReason reason(FormErrors errors) {
        if (FormErrors.blank(reason)) {
            errors.add("reason", "must be chosen");
            return null;
        }
        try {
            return AdjustmentReason.valueOf(reason.strip());
        } catch (IllegalArgumentException e) {
            errors.add("reason", "must be one of the choices");
            return null;
        }
    }

    private static String blankToNull(String text) {
        return FormErrors.blank(text) ? null : text;
    }
}
