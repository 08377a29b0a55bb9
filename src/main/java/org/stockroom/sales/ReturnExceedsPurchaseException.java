package org.stockroom.sales;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.stockroom.support.DomainException;

/** A return asks back more of a line than the purchase sold minus what was already returned; lists every such line. */
public class ReturnExceedsPurchaseException extends DomainException {

    /** {@code returnable} is what may still come back: bought minus returned (0 for a SKU the purchase did not have). */
    public record Excess(String sku, long requested, long returnable) {}

    public ReturnExceedsPurchaseException(String purchaseId, List<Excess> excesses) {
        super(
                DomainException.Kind.CONFLICT,
                "return-exceeds-purchase",
                describe(purchaseId, excesses),
                Map.of("lines", List.copyOf(excesses)));
    }

    private static String describe(String purchaseId, List<Excess> excesses) {
        return "Cannot return more than purchase " + purchaseId + " sold: "
                + excesses.stream()
                        .map(e -> e.sku() + " requested " + e.requested() + ", returnable " + e.returnable())
                        .collect(Collectors.joining("; "));
    }
}
