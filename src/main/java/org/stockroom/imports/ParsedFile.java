package org.stockroom.imports;

import java.util.List;

/** A file read into rows: the products it describes, the rows that are wrong, and rows that describe no product. */
record ParsedFile(
        ImportFormat format,
        List<ImportRow> rows,
        List<ImportReport.Problem> invalid,
        List<ImportReport.Problem> skipped,
        List<ImportReport.Problem> warnings) {}
