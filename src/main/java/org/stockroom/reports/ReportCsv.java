package org.stockroom.reports;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.stockroom.support.Csv;

/** A report's rows as CSV: text neutralized against formulas ({@link Csv}), numbers plain, unknown (null) as an empty cell. */
final class ReportCsv {

    private ReportCsv() {}

    static String write(List<String> header, List<? extends List<?>> rows) {
        StringWriter text = new StringWriter();
        CSVPrinter printer = Csv.printer(text, header.toArray(String[]::new));
        for (List<?> row : rows) {
            Csv.record(printer, row.stream().map(ReportCsv::cell).toArray());
        }
        return text.toString();
    }

    private static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return Csv.text(value.toString());
    }
}
