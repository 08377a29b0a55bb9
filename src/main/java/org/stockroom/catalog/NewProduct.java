package org.stockroom.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.InvalidRequestException.FieldError;
import org.stockroom.support.Money;
import org.stockroom.support.Text;

/**
 * A product to add to the catalog. It cannot be constructed with invalid values: every broken
 * rule is reported together, field by field.
 */
public record NewProduct(
        String sku,
        String name,
        BigDecimal price,
        Long stock,
        Long reorderThreshold,
        BigDecimal cost,
        Long reorderQuantity,
        Integer leadTimeDays,
        String supplier,
        String barcode,
        String group,
        Map<String, String> options,
        Boolean stockTracked,
        List<BundleComponent> components,
        String imageUrl) {

    public static final long MAX_UNITS = 1_000_000_000L;

    /** A product that is no bundle and has no picture. */
    public NewProduct(
            String sku,
            String name,
            BigDecimal price,
            Long stock,
            Long reorderThreshold,
            BigDecimal cost,
            Long reorderQuantity,
            Integer leadTimeDays,
            String supplier,
            String barcode,
            String group,
            Map<String, String> options,
            Boolean stockTracked) {
        this(
                sku,
                name,
                price,
                stock,
                reorderThreshold,
                cost,
                reorderQuantity,
                leadTimeDays,
                supplier,
                barcode,
                group,
                options,
                stockTracked,
                null,
                null);
    }

    /** A product outside any variant group, no bundle, without a picture, its stock tracked. */
    public NewProduct(
            String sku,
            String name,
            BigDecimal price,
            Long stock,
            Long reorderThreshold,
            BigDecimal cost,
            Long reorderQuantity,
            Integer leadTimeDays,
            String supplier,
            String barcode) {
        this(
                sku,
                name,
                price,
                stock,
                reorderThreshold,
                cost,
                reorderQuantity,
                leadTimeDays,
                supplier,
                barcode,
                null,
                null,
                null,
                null,
                null);
    }

    public NewProduct {
        List<FieldError> errors = new ArrayList<>();
        if (sku == null) {
            errors.add(new FieldError("sku", "is required"));
        } else if (!Sku.isValid(sku)) {
            errors.add(new FieldError("sku", Sku.RULE));
        }
        name = Text.clean("name", name, 200, true, errors);
        Rules.money("price", price, true, errors);
        components = components(components, errors);
        if (!components.isEmpty() && stock == null) {
            // A bundle holds no stock of its own; a stock other than 0 is refused by the catalog (bundle-has-no-stock).
            stock = 0L;
        }
        Rules.units("stock", stock, 0, MAX_UNITS, true, errors);
        Rules.units("reorderThreshold", reorderThreshold, 0, MAX_UNITS, true, errors);
        Rules.money("cost", cost, false, errors);
        Rules.units("reorderQuantity", reorderQuantity, 1, MAX_UNITS, false, errors);
        Rules.units("leadTimeDays", leadTimeDays == null ? null : leadTimeDays.longValue(), 0, 3650, false, errors);
        supplier = Text.clean("supplier", supplier, 200, false, errors);
        barcode = Text.clean("barcode", barcode, 64, false, errors);
        group = Variants.group(group, errors);
        options = Variants.options(options, errors);
        stockTracked = stockTracked == null || stockTracked;
        imageUrl = Rules.imageUrl("imageUrl", imageUrl, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /**
     * Why the catalog would refuse this picture address, or empty when it takes it. Imports from a
     * storefront use it to leave out a picture the catalog would refuse instead of the whole product.
     */
    public static java.util.Optional<String> pictureAddressProblem(String address) {
        List<FieldError> errors = new ArrayList<>();
        Rules.imageUrl("imageUrl", address, errors);
        return errors.stream().map(FieldError::message).findFirst();
    }

    /** This product's recipe, when it is a bundle: in SKU order, each SKU once. */
    private static List<BundleComponent> components(List<BundleComponent> components, List<FieldError> errors) {
        if (components == null || components.isEmpty()) {
            return List.of();
        }
        if (components.size() > BundleComponent.MAX_COMPONENTS) {
            errors.add(new FieldError(
                    "components", "must have at most " + BundleComponent.MAX_COMPONENTS + " components"));
            return List.of();
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < components.size(); i++) {
            BundleComponent c = components.get(i);
            String at = "components[" + i + "]";
            if (c == null) {
                errors.add(new FieldError(at, "is required"));
            } else if (!Sku.isValid(c.sku())) {
                errors.add(new FieldError(at + ".sku", Sku.RULE));
            } else if (c.quantity() > BundleComponent.MAX_QUANTITY) {
                errors.add(new FieldError(
                        at + ".quantity", "must be a whole number from 1 to " + BundleComponent.MAX_QUANTITY));
            } else if (!seen.add(c.sku())) {
                errors.add(new FieldError(at + ".sku", c.sku() + " is named twice; give its quantity once"));
            }
        }
        return BundleComponent.sorted(
                components.stream().filter(java.util.Objects::nonNull).toList());
    }

    /** Field rules shared by new products and changes to them. */
    static final class Rules {
        private Rules() {}

        static void money(String field, BigDecimal value, boolean required, List<FieldError> errors) {
            if (value == null) {
                if (required) {
                    errors.add(new FieldError(field, "is required"));
                }
                return;
            }
            if (value.signum() < 0) {
                errors.add(new FieldError(field, "must be 0 or more"));
            } else if (value.compareTo(Money.MAX) >= 0) {
                errors.add(new FieldError(field, "must be less than " + Money.MAX.toPlainString()));
            } else if (value.stripTrailingZeros().scale() > Money.STORAGE_SCALE) {
                errors.add(new FieldError(field, "has too many decimal places"));
            }
        }

        static final int MAX_IMAGE_URL = 2048;

        /**
         * The address of a picture, trimmed (blank is none): an absolute http or https address with a
         * host, since the pages show it as an image and a {@code javascript:} or {@code data:} value there
         * would be the shop's own page running someone else's content.
         */
        static String imageUrl(String field, String value, List<FieldError> errors) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String url = value.strip();
            if (url.length() > MAX_IMAGE_URL) {
                errors.add(new FieldError(field, "must be at most " + MAX_IMAGE_URL + " characters"));
                return null;
            }
            try {
                java.net.URI uri = new java.net.URI(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return url;
                }
            } catch (java.net.URISyntaxException e) {
                // Reported below with the rule.
            }
            errors.add(
                    new FieldError(field, "must be an http or https address, such as https://example.com/shirt.jpg"));
            return null;
        }

        static void units(String field, Long value, long min, long max, boolean required, List<FieldError> errors) {
            if (value == null) {
                if (required) {
                    errors.add(new FieldError(field, "is required"));
                }
            } else if (value < min || value > max) {
                errors.add(new FieldError(field, "must be between " + min + " and " + max));
            }
        }
    }
}
