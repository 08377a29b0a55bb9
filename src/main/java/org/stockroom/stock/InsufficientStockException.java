package org.stockroom.stock;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.stockroom.support.DomainException;

/** Not enough on hand for one or more lines; lists every short line so the client can fix them all at once. */
public class InsufficientStockException extends DomainException {

    public record Shortage(String sku, long requested, long available) {}

    private final List<Shortage> shortages;

    public InsufficientStockException(List<Shortage> shortages) {
        super(
                DomainException.Kind.CONFLICT,
                "insufficient-stock",
                describe(shortages),
                Map.of("shortages", List.copyOf(shortages)));
        this.shortages = List.copyOf(shortages);
    }

    public List<Shortage> shortages() {
        return shortages;
    }

    private static String describe(List<Shortage> shortages) {
        return "Not enough stock: "
                + shortages.stream()
                        .map(s -> s.sku() + " requested " + s.requested() + ", available " + s.available())
                        .collect(Collectors.joining("; "));
    }
}
