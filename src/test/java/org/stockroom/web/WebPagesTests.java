package org.stockroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.web.Forms.field;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

/** The pages as a browser without JavaScript sees them: plain GETs and url-encoded form posts. */
class WebPagesTests extends ApiTestSupport {

    private Forms forms;

    @BeforeEach
    void forms() {
        forms = new Forms(port);
    }

    @Test
    void everyMainPageRendersForAnEmptyStore() {
        for (String page : List.of(
                "/",
                "/products",
                "/products/new",
                "/sales",
                "/sales/new",
                "/alerts",
                "/alerts?status=resolved",
                "/reports",
                "/settings")) {
            Api.Response response = api.get(page);
            assertThat(response.status()).as(page).isEqualTo(200);
            assertThat(response.contentType()).as(page).startsWith("text/html");
            assertThat(response.text()).as(page).contains("<nav id=\"main-nav\" aria-label=\"Main\">");
        }
    }

    @Test
    void addingAProductThroughTheFormLeadsToItsPage() {
        Api.Response added = forms.post(
                "/products",
                List.of(
                        field("sku", "MUG-1"),
                        field("name", "Blue mug"),
                        field("price", "12.50"),
                        field("stock", "40"),
                        field("reorderThreshold", "5"),
                        field("cost", ""),
                        field("reorderQuantity", ""),
                        field("leadTimeDays", ""),
                        field("supplier", "Potter & Co"),
                        field("barcode", "")));

        assertThat(added.status()).isEqualTo(302);
        assertThat(added.header("Location")).endsWith("/products/MUG-1?added");
        String page = api.get("/products/MUG-1").text();
        assertThat(page).contains("Blue mug").contains("12.50").contains("Potter &amp; Co");
        assertThat(api.get("/api/products/MUG-1").json().get("stock").asLong()).isEqualTo(40);
    }

    @Test
    void aRefusedProductFormShowsTheMessagesBesideTheFieldsAndAddsNothing() {
        Api.Response refused = forms.post(
                "/products",
                List.of(
                        field("sku", "bad sku!"),
                        field("name", " "),
                        field("price", "ten"),
                        field("stock", "5"),
                        field("reorderThreshold", "-1")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text())
                .contains("id=\"sku-error\"")
                .contains("SKU must be 1 to 64 characters")
                .contains("id=\"name-error\"")
                .contains("Name is required")
                .contains("id=\"price-error\"")
                .contains("Price must be a number")
                .contains("id=\"reorderThreshold-error\"")
                .contains("Reorder threshold must be between 0 and")
                .contains("value=\"bad sku!\"");
        assertThat(api.get("/api/products?q=bad").json().get("total").asLong()).isZero();
    }

    @Test
    void editingAProductChangesItsFields() {
        api.post("/api/products", product("LAMP", "30.00", 8, 2));

        Api.Response saved = forms.post(
                "/products/LAMP",
                List.of(
                        field("name", "Desk lamp"),
                        field("price", "32.00"),
                        field("reorderThreshold", "3"),
                        field("cost", "20"),
                        field("reorderQuantity", ""),
                        field("leadTimeDays", ""),
                        field("supplier", ""),
                        field("barcode", "")));

        assertThat(saved.status()).isEqualTo(302);
        var product = api.get("/api/products/LAMP").json();
        assertThat(product.get("name").asString()).isEqualTo("Desk lamp");
        assertThat(product.get("price").decimalValue()).isEqualByComparingTo("32.00");
        assertThat(product.get("cost").decimalValue()).isEqualByComparingTo("20");
        assertThat(product.get("stock").asLong()).isEqualTo(8);
    }

    @Test
    void userTextIsEscapedOnEveryPageThatShowsIt() {
        api.post(
                "/api/products",
                "{\"sku\":\"XSS\",\"name\":\"<script>alert(1)</script>\",\"price\":1,\"stock\":2,\"reorderThreshold\":1,"
                        + "\"supplier\":\"<img src=x onerror=alert(2)>\"}");
        api.post("/api/purchases", purchase("XSS", 1));

        for (String page : List.of(
                "/",
                "/products",
                "/products/XSS",
                "/alerts",
                "/reports",
                "/reports/valuation",
                "/reports/reorder",
                "/admin/audit")) {
            String html = api.get(page).text();
            assertThat(html)
                    .as(page)
                    .doesNotContain("<script>alert(1)</script>")
                    .doesNotContain("<img src=x")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    @Test
    void theProductTableFiltersLowStockAndShowsBadges() {
        api.post("/api/products", product("AAA", "1.00", 10, 2));
        api.post("/api/products", product("BBB", "1.00", 1, 2));
        api.post("/api/products", product("CCC", "1.00", 0, 2));

        String all = api.get("/products").text();
        assertThat(all)
                .contains("3 products")
                .contains("stock-badge ok")
                .contains("stock-badge low")
                .contains("stock-badge out");
        String low = api.get("/products?lowStock=true").text();
        assertThat(low)
                .contains("2 products")
                .contains(">BBB<")
                .contains(">CCC<")
                .doesNotContain(">AAA<");
        String sorted = api.get("/products?sort=-stock").text();
        assertThat(sorted.indexOf(">AAA<")).isLessThan(sorted.indexOf(">BBB<"));
    }

    @Test
    void aSaleWithTooLittleStockIsRefusedBesideItsLineAndSellsNothing() {
        api.post("/api/products", product("PEN", "2.00", 10, 1));
        api.post("/api/products", product("INK", "5.00", 2, 1));

        Api.Response refused = forms.post(
                "/sales",
                List.of(
                        field("key", "k-1"),
                        field("sku", "PEN"),
                        field("quantity", "3"),
                        field("sku", "INK"),
                        field("quantity", "5"),
                        field("reference", ""),
                        field("action", "record")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text())
                .contains("Not enough stock: 2 available, 5 asked for")
                .contains("Nothing was sold");
        assertThat(api.get("/api/products/PEN").json().get("stock").asLong()).isEqualTo(10);
        assertThat(api.get("/api/products/INK").json().get("stock").asLong()).isEqualTo(2);
    }

    @Test
    void aRecordedSaleLeadsToItsReceiptAndASecondSubmitOfTheSameFormSellsNothingMore() {
        api.post("/api/products", product("PEN", "2.00", 10, 1));
        var fields = List.of(
                field("key", "form-key-1"),
                field("sku", "PEN"),
                field("quantity", "3"),
                field("sku", ""),
                field("quantity", ""),
                field("reference", "phone order"),
                field("action", "record"));

        Api.Response first = forms.post("/sales", fields);
        Api.Response again = forms.post("/sales", fields);

        assertThat(first.status()).isEqualTo(302);
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(api.get("/api/products/PEN").json().get("stock").asLong()).isEqualTo(7);
        String receipt = api.get(first.header("Location").replaceFirst("^https?://[^/]+", ""))
                .text();
        assertThat(receipt).contains("phone order").contains("6.00");
    }

    @Test
    void theSaleFormShowsTheTotalBeforeRecording() {
        api.post("/api/products", product("PEN", "2.50", 10, 1));

        Api.Response preview = forms.post(
                "/sales",
                List.of(field("key", "k"), field("sku", "PEN"), field("quantity", "4"), field("action", "preview")));

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.text()).contains("id=\"sale-total\"").contains("USD 10.00");
        assertThat(api.get("/api/products/PEN").json().get("stock").asLong()).isEqualTo(10);
    }

    @Test
    void theSaleFormsTotalCountsUnitsHeldByReservationsAsGone() {
        api.post("/api/products", product("PEN", "2.50", 5, 0));
        assertThat(api.post(
                                "/api/reservations",
                                "{\"reference\":\"cart-1\",\"lines\":[{\"sku\":\"PEN\",\"quantity\":4}]}")
                        .status())
                .isEqualTo(201);

        Api.Response preview = forms.post(
                "/sales",
                List.of(field("key", "k"), field("sku", "PEN"), field("quantity", "3"), field("action", "preview")));

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.text())
                .as("3 of 5 on hand, but 4 are held: the sale would be refused, so the quote says so")
                .contains("only 1 available")
                .containsPattern("id=\"record-sale\"[^>]*disabled");
        assertThat(api.get("/sales/choices?find=PEN").text()).contains("1 available");
    }

    @Test
    void aSearchTooLongForTheCatalogFindsNothingAndKeepsTheSaleTypedSoFar() {
        api.post("/api/products", product("PEN", "2.50", 10, 1));
        String pasted = "p".repeat(201);

        Api.Response found = forms.post(
                "/sales",
                List.of(
                        field("key", "k"),
                        field("sku", "PEN"),
                        field("quantity", "4"),
                        field("find", pasted),
                        field("action", "find")));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.text()).contains("value=\"PEN\"").contains("USD 10.00");
        assertThat(api.get("/sales/choices?find=" + pasted).status()).isEqualTo(200);
    }

    @Test
    void receivingStockOnTheProductPageResolvesItsAlert() {
        api.post("/api/products", product("CUP", "3.00", 2, 5));
        assertThat(api.get("/alerts").text()).contains(">CUP<");

        Api.Response received =
                forms.post("/products/CUP/receipts", List.of(field("quantity", "10"), field("note", "PO-9")));

        assertThat(received.status()).isEqualTo(302);
        assertThat(api.get("/api/products/CUP").json().get("stock").asLong()).isEqualTo(12);
        assertThat(api.get("/alerts").text()).contains("No open alerts");
        assertThat(api.get("/products/CUP").text()).contains("PO-9").contains("RECEIPT");
    }

    @Test
    void aReceiptOfNoUnitsIsRefusedBesideTheField() {
        api.post("/api/products", product("CUP", "3.00", 2, 5));

        Api.Response refused = forms.post("/products/CUP/receipts", List.of(field("quantity", "0"), field("note", "")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text())
                .contains("id=\"quantity-error\"")
                .contains("must be a whole number from 1 to 1000000");
        assertThat(api.get("/api/products/CUP").json().get("stock").asLong()).isEqualTo(2);
    }

    @Test
    void theDashboardCountsProductsAndTodaysSales() {
        api.post("/api/products", product("A1", "10.00", 10, 2));
        api.post("/api/products", product("B1", "10.00", 1, 2));
        api.post("/api/products", product("C1", "10.00", 5, 2));
        api.post("/api/purchases", purchase("C1", 5));

        String html = api.get("/").text();
        assertThat(html)
                .containsPattern("<span class=\"figure\">3</span> products")
                .containsPattern("<span class=\"figure\">1</span> low on stock")
                .containsPattern("<span class=\"figure\">1</span> out of stock")
                .containsPattern("<span class=\"figure\">1</span> sales today,\\s*<span>USD 50.00</span>");
    }

    @Test
    void theSalesReportDownloadsAsCsv() {
        api.post("/api/products", product("A1", "10.00", 10, 2));
        api.post("/api/purchases", purchase("A1", 3));

        Api.Response csv = api.get("/reports/sales.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment");
        assertThat(csv.text().lines().toList())
                .containsExactly(
                        "sku,name,unitsSold,revenue,cost,margin,stock,needsRestock", "A1,A1 product,3,30.00,,,7,false");
    }

    @Test
    void anUnknownProductIsANotFoundPage() {
        Api.Response missing = api.get("/products/NOPE");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("text/html");
        assertThat(missing.text()).contains("No product with SKU NOPE");
    }
}
