package org.stockroom.purchasing;

import java.util.List;
import java.util.Map;
import org.stockroom.support.DomainException;

/** A receipt brought more units of a line than are still open on it; nothing was received. */
public class OverReceiptException extends DomainException {

    public record Excess(String sku, long requested, long open) {}

    OverReceiptException(String number, List<Excess> lines) {
        super(
                Kind.CONFLICT,
                "over-receipt",
                "More than is still open on " + number + ": "
                        + String.join(
                                ", ",
                                lines.stream()
                                        .map(l -> l.sku() + " (" + l.requested() + " asked, " + l.open() + " open)")
                                        .toList()),
                Map.of("lines", lines));
    }
}
