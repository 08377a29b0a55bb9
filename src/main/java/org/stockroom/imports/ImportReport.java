package org.stockroom.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What an import did, or would do on a dry run: products created, products updated field by field
 * ({@code [old, new]}), products unchanged, invalid rows (which stop the import unless skipped),
 * and rows that describe no product (for example Shopify's image-only rows).
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
        List<Problem> skipped) {

    public record Update(String sku, Map<String, List<Object>> changes) {}

    public record Problem(long line, String reason) {}
}
