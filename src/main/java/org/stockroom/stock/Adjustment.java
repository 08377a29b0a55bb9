package org.stockroom.stock;

import java.util.ArrayList;
import java.util.List;
import org.stockroom.catalog.NewProduct;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.InvalidRequestException.FieldError;
import org.stockroom.support.Text;

/**
 * A correction of stock with a reason: either a signed {@code delta} (damaged, lost, found...) or a
 * {@code countedQuantity} from a stocktake, never both. A count that matches the stock is kept as a
 * zero movement: it is the proof that the shelf was counted.
 */
public record Adjustment(Long delta, Long countedQuantity, AdjustmentReason reason, String note) {

    public static final long MAX_DELTA = 1_000_000;

    public Adjustment {
        List<FieldError> errors = new ArrayList<>();
        if ((delta == null) == (countedQuantity == null)) {
            errors.add(new FieldError("delta", "give exactly one of delta or countedQuantity"));
        } else if (delta != null && (delta == 0 || Math.abs(delta) > MAX_DELTA)) {
            errors.add(new FieldError(
                    "delta", "must be a whole number from -" + MAX_DELTA + " to " + MAX_DELTA + ", not 0"));
        } else if (countedQuantity != null && (countedQuantity < 0 || countedQuantity > NewProduct.MAX_UNITS)) {
            errors.add(new FieldError("countedQuantity", "must be a whole number from 0 to " + NewProduct.MAX_UNITS));
        }
        if (reason == null) {
            errors.add(new FieldError("reason", "is required: one of COUNT, DAMAGED, LOST, FOUND, RETURN, OTHER"));
        }
        note = Text.clean("note", note, 500, false, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    StockChange toChange(String sku) {
        return countedQuantity != null
                ? StockChange.count(sku, countedQuantity, reason, note)
                : StockChange.adjustment(sku, delta, reason, note);
    }
}
