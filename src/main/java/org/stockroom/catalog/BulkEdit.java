package org.stockroom.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.InvalidRequestException.FieldError;
import org.stockroom.support.Text;

/**
 * One change applied to many products at once, all or none: the products are named ({@code skus})
 * or are every product matching a filter; the change sets the reorder fields or the supplier, moves
 * prices by a percentage, or archives. A null field is left as it is; an empty Optional clears it.
 */
public record BulkEdit(
        List<String> skus,
        ProductQuery filter,
        Long reorderThreshold,
        Optional<Long> reorderQuantity,
        Optional<Integer> leadTimeDays,
        Optional<String> supplier,
        BigDecimal pricePercent,
        boolean archive) {

    /** The most products one request may change; a catalog larger than this is edited by filter in parts. */
    public static final int MAX_PRODUCTS = 100_000;

    public BulkEdit {
        List<FieldError> errors = new ArrayList<>();
        if ((skus == null) == (filter == null)) {
            errors.add(new FieldError("skus", "give exactly one of skus or filter"));
        }
        if (skus != null) {
            if (skus.isEmpty() || skus.size() > MAX_PRODUCTS) {
                errors.add(new FieldError("skus", "must name 1 to " + MAX_PRODUCTS + " products"));
            } else if (skus.stream().anyMatch(s -> !Sku.isValid(s))) {
                errors.add(new FieldError("skus", "every SKU " + Sku.RULE));
            }
            skus = List.copyOf(new LinkedHashSet<>(skus));
        }
        NewProduct.Rules.units("reorderThreshold", reorderThreshold, 0, NewProduct.MAX_UNITS, false, errors);
        if (reorderQuantity != null) {
            NewProduct.Rules.units(
                    "reorderQuantity", reorderQuantity.orElse(null), 1, NewProduct.MAX_UNITS, false, errors);
        }
        if (leadTimeDays != null) {
            NewProduct.Rules.units(
                    "leadTimeDays", leadTimeDays.map(Integer::longValue).orElse(null), 0, 3650, false, errors);
        }
        if (supplier != null && supplier.isPresent()) {
            supplier = Optional.ofNullable(Text.clean("supplier", supplier.get(), 200, false, errors));
        }
        if (pricePercent != null
                && (pricePercent.compareTo(new BigDecimal("-99")) < 0
                        || pricePercent.compareTo(new BigDecimal("1000")) > 0
                        || pricePercent.stripTrailingZeros().scale() > 2)) {
            errors.add(new FieldError("pricePercent", "must be from -99 to 1000 with at most 2 decimal places"));
        }
        if (errors.isEmpty()
                && reorderThreshold == null
                && reorderQuantity == null
                && leadTimeDays == null
                && supplier == null
                && pricePercent == null
                && !archive) {
            errors.add(
                    new FieldError(
                            "set",
                            "name at least one change: reorderThreshold, reorderQuantity, leadTimeDays, supplier, pricePercent or archive"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    ProductChanges fieldChanges() {
        return new ProductChanges(
                null, null, reorderThreshold, null, reorderQuantity, leadTimeDays, supplier, null, null, null, null);
    }

    /** What a bulk edit did: how many products it matched, and how many of them it changed. */
    public record Result(long matched, long changed, List<String> skus) {}
}
