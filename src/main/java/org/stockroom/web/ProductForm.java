package org.stockroom.web;

import java.util.List;
import java.util.Optional;
import org.stockroom.catalog.BundleComponent;
import org.stockroom.catalog.NewProduct;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductChanges;
import org.stockroom.support.InvalidRequestException;

/**
 * The fields of the product form exactly as typed, so a refused form comes back as the person left it.
 * An image address the request does not carry at all (a form from a page older than the field) is
 * null, and an edit then leaves the picture as it is.
 */
record ProductForm(
        String sku,
        String name,
        String price,
        String stock,
        String reorderThreshold,
        String cost,
        String reorderQuantity,
        String leadTimeDays,
        String supplier,
        String barcode,
        String components,
        String imageUrl) {

    static ProductForm empty() {
        return new ProductForm("", "", "", "", "", "", "", "", "", "", "", "");
    }

    static ProductForm of(Product p, Formats fmt) {
        return new ProductForm(
                p.sku().value(),
                p.name(),
                fmt.plain(p.price()),
                String.valueOf(p.stock()),
                String.valueOf(p.reorderThreshold()),
                fmt.plain(p.cost()),
                text(p.reorderQuantity()),
                text(p.leadTimeDays()),
                p.supplier() == null ? "" : p.supplier(),
                p.barcode() == null ? "" : p.barcode(),
                p.isBundle() ? BundleComponent.format(p.components()) : "",
                p.imageUrl() == null ? "" : p.imageUrl());
    }

    NewProduct toNewProduct() {
        FormErrors errors = new FormErrors();
        var price = errors.decimal("price", this.price);
        var stock = errors.whole("stock", this.stock);
        var threshold = errors.whole("reorderThreshold", reorderThreshold);
        var cost = errors.decimal("cost", this.cost);
        var reorderQuantity = errors.whole("reorderQuantity", this.reorderQuantity);
        var leadTime = errors.wholeInt("leadTimeDays", leadTimeDays);
        List<BundleComponent> recipe = List.of();
        try {
            recipe = BundleComponent.parse(components);
        } catch (IllegalArgumentException e) {
            errors.add("components", e.getMessage());
        }
        try {
            NewProduct product = new NewProduct(
                    blankToNull(sku),
                    name,
                    price,
                    stock,
                    threshold,
                    cost,
                    reorderQuantity,
                    leadTime,
                    blankToNull(supplier),
                    blankToNull(barcode),
                    null,
                    null,
                    null,
                    recipe,
                    blankToNull(imageUrl));
            errors.throwIfAny();
            return product;
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
            errors.throwIfAny();
            throw e;
        }
    }

    /** Every field of the edit form is sent: a blank optional field clears it, a blank required one is refused. */
    ProductChanges toChanges() {
        FormErrors errors = new FormErrors();
        var price = errors.decimal("price", this.price);
        var threshold = errors.whole("reorderThreshold", reorderThreshold);
        var cost = errors.decimal("cost", this.cost);
        var reorderQuantity = errors.whole("reorderQuantity", this.reorderQuantity);
        var leadTime = errors.wholeInt("leadTimeDays", leadTimeDays);
        if (price == null) {
            errors.add("price", "is required");
        }
        if (threshold == null) {
            errors.add("reorderThreshold", "is required");
        }
        try {
            ProductChanges changes = new ProductChanges(
                    name == null ? "" : name,
                    price,
                    threshold,
                    Optional.ofNullable(cost),
                    Optional.ofNullable(reorderQuantity),
                    Optional.ofNullable(leadTime),
                    Optional.ofNullable(blankToNull(supplier)),
                    Optional.ofNullable(blankToNull(barcode)),
                    null,
                    null,
                    imageUrl == null ? null : Optional.ofNullable(blankToNull(imageUrl)));
            errors.throwIfAny();
            return changes;
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
            errors.throwIfAny();
            throw e;
        }
    }

    private static String blankToNull(String text) {
        return FormErrors.blank(text) ? null : text;
    }

    private static String text(Number n) {
        return n == null ? "" : n.toString();
    }
}
