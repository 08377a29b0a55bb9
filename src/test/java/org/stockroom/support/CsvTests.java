package org.stockroom.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CsvTests {

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsPrefixedWithAQuote() {
        assertThat(Csv.text("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(Csv.text("+1")).isEqualTo("'+1");
        assertThat(Csv.text("-cmd")).isEqualTo("'-cmd");
        assertThat(Csv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.text("Laptop = fast")).isEqualTo("Laptop = fast");
        assertThat(Csv.text(null)).isEmpty();
    }

    @Test
    void recordsAreQuotedPerRfc4180() {
        StringWriter out = new StringWriter();
        var printer = Csv.printer(out, "sku", "name");
        Csv.record(printer, "A-1", Csv.text("Desk, \"oak\"\nlarge"));
        assertThat(out.toString()).isEqualTo("sku,name\r\nA-1,\"Desk, \"\"oak\"\"\nlarge\"\r\n");
    }
}
