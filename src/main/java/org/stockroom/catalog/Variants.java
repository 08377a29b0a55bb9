package org.stockroom.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stockroom.support.InvalidRequestException.FieldError;
import org.stockroom.support.Text;

/**
 * The rules of a product's variant fields: {@code group} names the product it is a variant of (a
 * Shopify handle, a WooCommerce parent SKU), {@code options} its option values in option order.
 */
final class Variants {

    static final int MAX_GROUP = 255;
    static final int MAX_OPTIONS = 10;
    static final int MAX_OPTION_NAME = 100;
    static final int MAX_OPTION_VALUE = 200;

    private Variants() {}

    static String group(String group, List<FieldError> errors) {
        return group == null ? null : Text.clean("group", group, MAX_GROUP, false, errors);
    }

    /** The options cleaned, in the order given; null or empty means none. */
    static Map<String, String> options(Map<String, String> options, List<FieldError> errors) {
        if (options == null || options.isEmpty()) {
            return Map.of();
        }
        if (options.size() > MAX_OPTIONS) {
            errors.add(new FieldError("options", "must have at most " + MAX_OPTIONS + " options"));
            return Map.of();
        }
        Map<String, String> clean = new LinkedHashMap<>();
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = Text.clean("options", option.getKey(), MAX_OPTION_NAME, true, errors);
            String value = Text.clean("options." + option.getKey(), option.getValue(), MAX_OPTION_VALUE, true, errors);
            if (name != null && value != null && clean.putIfAbsent(name, value) != null) {
                errors.add(new FieldError("options", "names option " + name + " twice"));
            }
        }
        return java.util.Collections.unmodifiableMap(clean);
    }
}
