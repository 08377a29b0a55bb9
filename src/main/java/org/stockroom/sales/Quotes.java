package org.stockroom.sales;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.stockroom.catalog.Catalog;
import org.stockroom.catalog.Product;
import org.stockroom.support.StockroomProperties;

/** Prices a purchase request without buying anything, so a person can see the total before committing. */
@Service
public class Quotes {

    private final Catalog catalog;
    private final StockroomProperties properties;

    Quotes(Catalog catalog, StockroomProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    public Quote quote(PurchaseRequest request) {
        Map<String, Product> products =
                catalog
                        .findAll(request.lines().stream()
                                .map(PurchaseRequest.Line::sku)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(p -> p.sku().value(), Function.identity()));
        BigDecimal total = BigDecimal.ZERO.setScale(properties.currencyScale());
        List<Quote.Line> lines = new ArrayList<>();
        for (PurchaseRequest.Line line : request.lines()) {
            Product p = products.get(line.sku());
            long quantity = line.quantity();
            if (p == null) {
                lines.add(new Quote.Line(line.sku(), null, quantity, null, null, 0, Quote.Problem.UNKNOWN_SKU));
                continue;
            }
            BigDecimal lineTotal = p.price().multiply(BigDecimal.valueOf(quantity));
            total = total.add(lineTotal);
            // A purchase takes only what no reservation holds, so the quote measures against the same figure.
            Quote.Problem problem = p.archived()
                    ? Quote.Problem.ARCHIVED
                    : quantity > p.available() ? Quote.Problem.INSUFFICIENT_STOCK : null;
            lines.add(new Quote.Line(line.sku(), p.name(), quantity, p.price(), lineTotal, p.available(), problem));
        }
        return new Quote(properties.currency().getCurrencyCode(), lines, total);
    }
}
