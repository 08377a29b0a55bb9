package org.stockroom.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.stockroom.catalog.Barcodes;
import org.stockroom.catalog.BundleComponent;
import org.stockroom.catalog.Product;

/**
 * A product as the API shows it. {@code barcodeWarning} appears only when the barcode has the shape
 * of an EAN-13 or UPC-A with a wrong check digit; {@code stockTracked} is false for a product whose
 * stock the platform it was imported from did not count. {@code components} appears only on a bundle:
 * its {@code stock} and {@code available} are then the most whole bundles its components make.
 * {@code imageUrl} is null when the product has no picture.
 */
record ProductView(
        String sku,
        String name,
        BigDecimal price,
        long stock,
        long reserved,
        long available,
        long backordered,
        long incoming,
        long reorderThreshold,
        long unitsSold,
        boolean needsRestock,
        BigDecimal cost,
        Long reorderQuantity,
        Integer leadTimeDays,
        String supplier,
        String barcode,
        boolean archived,
        Instant createdAt,
        Instant updatedAt,
        String group,
        Map<String, String> options,
        boolean stockTracked,
        String imageUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) String barcodeWarning,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<BundleComponent> components) {

    /** {@code incoming}: units on sent, not yet received purchase-order lines. */
    static ProductView of(Product p, long incoming) {
        return new ProductView(
                p.sku().value(),
                p.name(),
                p.price(),
                p.stock(),
                p.reserved(),
                p.available(),
                p.backordered(),
                incoming,
                p.reorderThreshold(),
                p.unitsSold(),
                p.needsRestock(),
                p.cost(),
                p.reorderQuantity(),
                p.leadTimeDays(),
                p.supplier(),
                p.barcode(),
                p.archived(),
                p.createdAt(),
                p.updatedAt(),
                p.group(),
                p.options(),
                p.stockTracked(),
                p.imageUrl(),
                Barcodes.warning(p.barcode()),
                p.components());
    }
}
