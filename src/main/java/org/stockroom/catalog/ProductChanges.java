package org.stockroom.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.InvalidRequestException.FieldError;
import org.stockroom.support.Text;

/**
 * Changes to a product's descriptive fields. A null component leaves the field as it is; an empty
 * Optional clears an optional field. Stock is not here on purpose: it changes only through sales,
 * receipts and adjustments, so that every change is in the ledger.
 */
public record ProductChanges(
        String name,
        BigDecimal price,
        Long reorderThreshold,
        Optional<BigDecimal> cost,
        Optional<Long> reorderQuantity,
        Optional<Integer> leadTimeDays,
        Optional<String> supplier,
        Optional<String> barcode,
        Optional<String> group,
        Optional<Map<String, String>> options,
        Optional<String> imageUrl) {

    /** Changes that leave the variant fields and the picture as they are. */
    public ProductChanges(
            String name,
            BigDecimal price,
            Long reorderThreshold,
            Optional<BigDecimal> cost,
            Optional<Long> reorderQuantity,
            Optional<Integer> leadTimeDays,
            Optional<String> supplier,
            Optional<String> barcode) {
        this(name, price, reorderThreshold, cost, reorderQuantity, leadTimeDays, supplier, barcode, null, null, null);
    }

    public ProductChanges {
        List<FieldError> errors = new ArrayList<>();
        if (name != null) {
            name = Text.clean("name", name, 200, true, errors);
        }
        NewProduct.Rules.money("price", price, false, errors);
        NewProduct.Rules.units("reorderThreshold", reorderThreshold, 0, NewProduct.MAX_UNITS, false, errors);
        if (cost != null) {
            NewProduct.Rules.money("cost", cost.orElse(null), false, errors);
        }
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
        if (barcode != null && barcode.isPresent()) {
            barcode = Optional.ofNullable(Text.clean("barcode", barcode.get(), 64, false, errors));
        }
        if (group != null && group.isPresent()) {
            group = Optional.ofNullable(Variants.group(group.get(), errors));
        }
        if (options != null) {
            options = Optional.of(Variants.options(options.orElse(null), errors));
        }
        if (imageUrl != null) {
            imageUrl = Optional.ofNullable(NewProduct.Rules.imageUrl("imageUrl", imageUrl.orElse(null), errors));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** Whether these changes set nothing. */
    public boolean isEmpty() {
        return name == null
                && price == null
                && reorderThreshold == null
                && cost == null
                && reorderQuantity == null
                && leadTimeDays == null
                && supplier == null
                && barcode == null
                && group == null
                && options == null
                && imageUrl == null;
    }

    public static ProductChanges none() {
        return new ProductChanges(null, null, null, null, null, null, null, null);
    }

    public ProductChanges withName(String value) {
        return new ProductChanges(
                value,
                price,
                reorderThreshold,
                cost,
                reorderQuantity,
                leadTimeDays,
                supplier,
                barcode,
                group,
                options,
                imageUrl);
    }

    public ProductChanges withPrice(BigDecimal value) {
        return new ProductChanges(
                name,
                value,
                reorderThreshold,
                cost,
                reorderQuantity,
                leadTimeDays,
                supplier,
                barcode,
                group,
                options,
                imageUrl);
    }

    public ProductChanges withReorderThreshold(Long value) {
        return new ProductChanges(
                name, price, value, cost, reorderQuantity, leadTimeDays, supplier, barcode, group, options, imageUrl);
    }
}
