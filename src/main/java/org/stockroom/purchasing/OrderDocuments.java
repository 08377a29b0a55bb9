package org.stockroom.purchasing;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import org.stockroom.support.Csv;
import org.stockroom.support.StockroomProperties;

/** A purchase order as a supplier reads it: a PDF (OpenPDF), a CSV of its lines, and the email's text. */
@Component
class OrderDocuments {

    private final StockroomProperties properties;

    OrderDocuments(StockroomProperties properties) {
        this.properties = properties;
    }

    int currencyScale() {
        return properties.currencyScale();
    }

    byte[] pdf(PurchaseOrder order) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Purchase order " + order.number());
            document.addCreator("Stockroom");
            document.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
            Font normal = FontFactory.getFont(FontFactory.HELVETICA, 10);
            Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
            document.add(new Paragraph("Purchase order " + order.number(), title));
            document.add(new Paragraph(" ", normal));
            document.add(new Paragraph("Supplier: " + order.supplier().name(), normal));
            if (order.supplier().email() != null) {
                document.add(new Paragraph("Email: " + order.supplier().email(), normal));
            }
            if (order.reference() != null) {
                document.add(new Paragraph("Reference: " + order.reference(), normal));
            }
            if (order.expectedOn() != null) {
                document.add(new Paragraph("Expected on: " + order.expectedOn(), normal));
            }
            document.add(new Paragraph("Status: " + order.status(), normal));
            document.add(new Paragraph(" ", normal));
            PdfPTable table = new PdfPTable(new float[] {3, 5, 2, 2, 2});
            table.setWidthPercentage(100);
            for (String head : new String[] {"SKU", "Product", "Quantity", "Unit cost", "Line total"}) {
                table.addCell(new PdfPCell(new Phrase(head, bold)));
            }
            for (PurchaseOrder.Line line : order.lines()) {
                table.addCell(new Phrase(line.sku(), normal));
                table.addCell(new Phrase(line.name(), normal));
                table.addCell(right(String.valueOf(line.quantity()), normal));
                table.addCell(right(money(line.unitCost()), normal));
                table.addCell(right(money(line.total()), normal));
            }
            PdfPCell totalLabel = new PdfPCell(new Phrase("Total (" + currency() + ")", bold));
            totalLabel.setColspan(4);
            table.addCell(totalLabel);
            table.addCell(right(money(order.total(currencyScale())), bold));
            document.add(table);
            if (!order.costKnown()) {
                document.add(new Paragraph("Lines without a unit cost are to be priced by the supplier.", normal));
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot write the PDF of " + order.number(), e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static PdfPCell right(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    String csv(PurchaseOrder order) {
        StringWriter out = new StringWriter();
        CSVPrinter csv = Csv.printer(
                out, "number", "supplier", "sku", "name", "quantity", "received", "open", "unitCost", "lineTotal");
        for (PurchaseOrder.Line line : order.lines()) {
            Csv.record(
                    csv,
                    order.number(),
                    Csv.text(order.supplier().name()),
                    Csv.text(line.sku()),
                    Csv.text(line.name()),
                    line.quantity(),
                    line.received(),
                    line.open(),
                    money(line.unitCost()),
                    money(line.total()));
        }
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    String emailText(PurchaseOrder order) {
        StringBuilder text = new StringBuilder("Hello ")
                .append(order.supplier().name())
                .append(",\n\nplease find attached our purchase order ")
                .append(order.number());
        if (order.expectedOn() != null) {
            text.append(", which we expect to receive by ").append(order.expectedOn());
        }
        text.append(".\n\n");
        for (PurchaseOrder.Line line : order.lines()) {
            text.append(line.quantity())
                    .append(" x ")
                    .append(line.sku())
                    .append(" ")
                    .append(line.name());
            if (line.unitCost() != null) {
                text.append(" at ").append(money(line.unitCost())).append(' ').append(currency());
            }
            text.append('\n');
        }
        return text.append("\nThank you.\n").toString();
    }

    private String money(BigDecimal amount) {
        return amount == null
                ? ""
                : amount.setScale(
                                Math.max(
                                        currencyScale(),
                                        Math.min(amount.stripTrailingZeros().scale(), 4)),
                                RoundingMode.HALF_EVEN)
                        .toPlainString();
    }

    private String currency() {
        return properties.currency().getCurrencyCode();
    }
}
