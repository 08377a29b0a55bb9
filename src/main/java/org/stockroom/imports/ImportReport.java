package org.stockroom.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What an import did, or would do on a dry run: products created, products updated field by field
 * ({@code [old, new]}), products unchanged, invalid rows (which stop the import unless skipped),
 * rows that describe no product (for example Shopify's image-only rows), the defaults applied to new
 * products, the products whose stock the platform did not track (imported with stock 0, never low
 * until first counted or received), and warnings: rows imported with something left out (a
 * storefront's picture address the catalog refuses), each with its line and what was left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(
        String id,
        ImportFormat format,
        boolean dryRun,
        boolean applied,
        List<String> created,
        List<Update> updated,
        long unchanged,
        List<Problem> invalid,
        List<Problem> skipped,
        Defaults defaultsApplied,
        List<String> untracked,
        List<Problem> warnings) {

    public ImportReport {
        untracked = untracked == null ? List.of() : List.copyOf(untracked);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public record Update(String sku, Map<String, List<Object>> changes) {}

    /** SKUs as a report shows them to a person: the first 20, then how many more. */
    public static String listed(List<String> skus) {
        return skus.size() <= 20
                ? String.join(", ", skus)
                : String.join(", ", skus.subList(0, 20)) + " and " + (skus.size() - 20) + " more";
    }

    /**
     * The store-wide defaults given to new products whose file row had no reorder threshold (and
     * reorder quantity), and which products received them.
     */
    public record Defaults(long reorderThreshold, Long reorderQuantity, List<String> skus) {}

    public record Problem(long line, String reason) {}
}
