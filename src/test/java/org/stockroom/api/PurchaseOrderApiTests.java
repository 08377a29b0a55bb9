package org.stockroom.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stockroom.api.Problems.assertProblem;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.AllAtOnce;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import org.stockroom.testing.TestMail;
import tools.jackson.databind.JsonNode;

/** The purchase-order cycle over HTTP: draft, send, receive in parts, the refusals, and what they do to stock and cost. */
class PurchaseOrderApiTests extends ApiTestSupport {

    private void aProduct(String sku, long stock, String cost, String supplier) {
        String body = "{\"sku\":\"" + sku + "\",\"name\":\"" + sku + " product\",\"price\":50.00,\"stock\":" + stock
                + ",\"reorderThreshold\":5" + (cost == null ? "" : ",\"cost\":" + cost)
                + (supplier == null ? "" : ",\"supplier\":\"" + supplier + "\"") + "}";
        Api.Response created = api.post("/api/products", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private JsonNode anOrder(String supplier, String sku, long quantity, String unitCost) {
        Api.Response created = api.post(
                "/api/purchase-orders",
                "{\"supplier\":\"" + supplier + "\",\"reference\":\"week 49\",\"expectedOn\":\"2026-12-10\","
                        + "\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"unitCost\":" + unitCost
                        + "}]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private JsonNode aSentOrder(String supplier, String sku, long quantity, String unitCost) {
        JsonNode order = anOrder(supplier, sku, quantity, unitCost);
        Api.Response sent = api.post("/api/purchase-orders/" + order.get("id").asString() + "/send", "");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent.json();
    }

    private Api.Response receive(String orderId, String sku, long quantity) {
        return api.post(
                "/api/purchase-orders/" + orderId + "/receipts",
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}],\"note\":\"dock 2\"}");
    }

    private JsonNode product(String sku) {
        return api.get("/api/products/" + sku).json();
    }

    @Test
    void anOrderIsDraftedSentReceivedInPartsAndRefusesMoreThanWasOrdered() {
        aProduct("LAP-001", 10, "10.00", null);

        JsonNode draft = anOrder("Acme", "LAP-001", 10, "12.00");
        assertThat(draft.get("number").asString()).isEqualTo("PO-0001");
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("supplier").asString()).isEqualTo("Acme");
        assertThat(draft.get("expectedOn").asString()).isEqualTo("2026-12-10");
        assertThat(draft.get("total").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(draft.get("lines").get(0).get("received").asLong()).isZero();
        assertThat(product("LAP-001").get("incoming").asLong())
                .as("a draft brings nothing yet")
                .isZero();
        String id = draft.get("id").asString();

        JsonNode sent = api.post("/api/purchase-orders/" + id + "/send", "").json();
        assertThat(sent.get("status").asString()).isEqualTo("SENT");
        assertThat(product("LAP-001").get("incoming").asLong()).isEqualTo(10);

        Api.Response first = receive(id, "LAP-001", 4);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("order").get("status").asString()).isEqualTo("PARTIALLY_RECEIVED");
        JsonNode movement = first.json().get("movements").get(0);
        assertThat(movement.get("type").asString()).isEqualTo("RECEIPT");
        assertThat(movement.get("delta").asLong()).isEqualTo(4);
        assertThat(movement.get("note").asString()).isEqualTo("PO-0001: dock 2");
        assertThat(movement.get("unitCost").decimalValue()).isEqualByComparingTo("12.00");
        JsonNode afterFirst = product("LAP-001");
        assertThat(afterFirst.get("stock").asLong()).isEqualTo(14);
        assertThat(afterFirst.get("incoming").asLong()).isEqualTo(6);
        // (10 × 10.00 + 4 × 12.00) / 14 = 148 / 14 = 10.5714… → 10.57
        assertThat(afterFirst.get("cost").decimalValue()).isEqualByComparingTo("10.57");

        StoreCounts before = StoreCounts.of(dataSource);
        JsonNode over = assertProblem(receive(id, "LAP-001", 7), 409, "over-receipt");
        assertThat(over.get("lines").get(0).get("open").asLong()).isEqualTo(6);
        assertThat(StoreCounts.of(dataSource)).isEqualTo(before);
        assertThat(product("LAP-001").get("stock").asLong()).isEqualTo(14);

        Api.Response rest = receive(id, "LAP-001", 6);
        assertThat(rest.status()).isEqualTo(201);
        assertThat(rest.json().get("order").get("status").asString()).isEqualTo("RECEIVED");
        JsonNode done = product("LAP-001");
        assertThat(done.get("stock").asLong()).isEqualTo(20);
        assertThat(done.get("incoming").asLong()).isZero();
        // (14 × 10.57 + 6 × 12.00) / 20 = 219.98 / 20 = 10.999 → 11.00
        assertThat(done.get("cost").decimalValue()).isEqualByComparingTo("11.00");

        assertProblem(receive(id, "LAP-001", 1), 409, "over-receipt");
        assertProblem(api.post("/api/purchase-orders/" + id + "/cancel", ""), 409, "purchase-order-not-open");
        JsonNode ledger = api.get("/api/products/LAP-001/movements").json();
        assertThat(ledger.toString()).contains("PO-0001: dock 2");
    }

    @Test
    void aReceiptOfMoreLinesThanAllowedIsRefusedWholeRatherThanCutShort() {
        aProduct("MUG", 0, "2.00", null);
        String id = aSentOrder("Acme", "MUG", 1000, "2.00").get("id").asString();
        StoreCounts before = StoreCounts.of(dataSource);
        // A scanner client may send one line per unit scanned: 501 units of one SKU in 501 lines.
        String lines = String.join(",", java.util.Collections.nCopies(501, "{\"sku\":\"MUG\",\"quantity\":1}"));

        Problems.assertInvalid(
                api.post("/api/purchase-orders/" + id + "/receipts", "{\"lines\":[" + lines + "]}"), "lines");

        assertThat(product("MUG").get("stock").asLong()).isZero();
        assertThat(StoreCounts.of(dataSource)).isEqualTo(before);
    }

    @Test
    void aDraftOrCancelledOrderReceivesNothing() {
        aProduct("MUG", 0, "2.00", null);
        JsonNode draft = anOrder("Acme", "MUG", 5, "2.00");
        String id = draft.get("id").asString();
        StoreCounts before = StoreCounts.of(dataSource);

        assertProblem(receive(id, "MUG", 1), 409, "purchase-order-not-open");
        api.post("/api/purchase-orders/" + id + "/send", "");
        JsonNode cancelled =
                api.post("/api/purchase-orders/" + id + "/cancel", "").json();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertProblem(receive(id, "MUG", 1), 409, "purchase-order-not-open");

        assertThat(product("MUG").get("stock").asLong()).isZero();
        assertThat(product("MUG").get("incoming").asLong())
                .as("a cancelled order brings nothing")
                .isZero();
        assertThat(StoreCounts.of(dataSource).movements()).isEqualTo(before.movements());
    }

    @Test
    void cancellingKeepsWhatWasReceived() {
        aProduct("MUG", 0, null, null);
        JsonNode order = aSentOrder("Acme", "MUG", 10, "2.50");
        String id = order.get("id").asString();
        receive(id, "MUG", 3);

        JsonNode cancelled =
                api.post("/api/purchase-orders/" + id + "/cancel", "").json();

        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("lines").get(0).get("received").asLong()).isEqualTo(3);
        assertThat(product("MUG").get("stock").asLong()).isEqualTo(3);
        assertThat(product("MUG").get("cost").decimalValue())
                .as("stock of unknown cost takes the first receipt's cost")
                .isEqualByComparingTo("2.50");
        assertThat(api.post("/api/purchase-orders/" + id + "/cancel", "").status())
                .as("cancelling twice is harmless")
                .isEqualTo(200);
    }

    @Test
    void aReceiptOfASkuNotOnTheOrderOrAnEmptyDraftIsRefused() {
        aProduct("MUG", 0, null, null);
        aProduct("CUP", 0, null, null);
        String id = aSentOrder("Acme", "MUG", 10, "2.50").get("id").asString();

        assertProblem(receive(id, "CUP", 1), 422, "sku-not-on-order");
        assertProblem(
                api.post(
                        "/api/purchase-orders",
                        "{\"supplier\":\"Acme\",\"lines\":[{\"sku\":\"NOPE\",\"quantity\":1}]}"),
                422,
                "unknown-sku");
        String empty = api.post("/api/purchase-orders", "{\"supplier\":\"Acme\"}")
                .json()
                .get("id")
                .asString();
        Problems.assertInvalid(api.post("/api/purchase-orders/" + empty + "/send", ""), "lines");
        Problems.assertInvalid(api.post("/api/purchase-orders", "{\"lines\":[]}"), "supplier");
        Problems.assertInvalid(
                api.post(
                        "/api/purchase-orders", "{\"supplier\":\"Acme\",\"lines\":[{\"sku\":\"MUG\",\"quantity\":0}]}"),
                "lines[0].quantity");
        assertProblem(api.get("/api/purchase-orders/PO-9999"), 404, "unknown-purchase-order");
        Problems.assertInvalid(api.get("/api/purchase-orders?status=LOST"), "status");
    }

    @Test
    void aBundleCannotBeOrderedFromASupplierSinceItCouldNeverBeReceived() {
        aProduct("MUG", 0, null, null);
        Api.Response gift = api.post(
                "/api/products",
                "{\"sku\":\"GIFT\",\"name\":\"Gift set\",\"price\":11.00,\"reorderThreshold\":0,\"components\":[{\"sku\":\"MUG\",\"quantity\":2}]}");
        assertThat(gift.status()).as(gift.toString()).isEqualTo(201);

        assertProblem(
                api.post(
                        "/api/purchase-orders",
                        "{\"supplier\":\"Acme\",\"lines\":[{\"sku\":\"GIFT\",\"quantity\":3,\"unitCost\":4.00}]}"),
                422,
                "bundle-has-no-stock");
        assertThat(api.get("/api/purchase-orders").json()).isEmpty();
        assertThat(product("GIFT").get("incoming").asLong()).isZero();
    }

    @Test
    void aDraftsLinesChangeUntilItIsSent() {
        aProduct("MUG", 0, "2.00", null);
        aProduct("CUP", 0, "3.00", null);
        String id = anOrder("Acme", "MUG", 5, "2.00").get("id").asString();

        JsonNode changed = api.patch(
                        "/api/purchase-orders/" + id,
                        "{\"reference\":\"changed\",\"lines\":[{\"sku\":\"CUP\",\"quantity\":7}]}")
                .json();

        assertThat(changed.get("reference").asString()).isEqualTo("changed");
        assertThat(changed.get("lines")).hasSize(1);
        assertThat(changed.get("lines").get(0).get("sku").asString()).isEqualTo("CUP");
        assertThat(changed.get("lines").get(0).get("unitCost").decimalValue())
                .as("a line without a unit cost takes the product's cost")
                .isEqualByComparingTo("3.00");
        api.post("/api/purchase-orders/" + id + "/send", "");
        assertProblem(
                api.patch("/api/purchase-orders/" + id, "{\"lines\":[{\"sku\":\"MUG\",\"quantity\":1}]}"),
                409,
                "purchase-order-not-draft");
    }

    @Test
    void ordersListByStatusAndSupplier() {
        aProduct("MUG", 0, "2.00", null);
        anOrder("Acme", "MUG", 5, "2.00");
        aSentOrder("Bolt", "MUG", 5, "2.00");

        assertThat(api.get("/api/purchase-orders").json()).hasSize(2);
        JsonNode sent = api.get("/api/purchase-orders?status=sent").json();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).get("supplier").asString()).isEqualTo("Bolt");
        JsonNode acme = api.get("/api/purchase-orders?supplier=Acme").json();
        assertThat(acme).hasSize(1);
        assertThat(acme.get(0).get("number").asString()).isEqualTo("PO-0001");
        assertThat(api.get("/api/purchase-orders?supplier=Nobody").json()).isEmpty();
    }

    @Test
    void aProductsSupplierIsCreatedOnFirstUseAndItsLeadTimeIsTheProductsDefault() {
        aProduct("MUG", 1, "2.00", "Potter & Co");
        JsonNode suppliers = api.get("/api/suppliers").json();
        assertThat(suppliers).hasSize(1);
        JsonNode potter = suppliers.get(0);
        assertThat(potter.get("name").asString()).isEqualTo("Potter & Co");

        api.patch("/api/suppliers/" + potter.get("id").asLong(), "{\"leadTimeDays\":21,\"email\":\"po@potter.test\"}");

        JsonNode mug = reorderLine("MUG");
        assertThat(mug.get("leadTimeDays").asInt()).isEqualTo(21);
        assertThat(mug.get("leadTimeDefaulted").asBoolean()).isFalse();
    }

    @Test
    void aSupplierNameIsUniqueAndARenameFollowsOntoItsProducts() {
        aProduct("MUG", 1, "2.00", "Potter");
        Api.Response added = api.post(
                "/api/suppliers",
                "{\"name\":\"Acme\",\"email\":\"orders@acme.test\",\"leadTimeDays\":7,\"notes\":\"\"}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("id").asLong()).isPositive();
        assertProblem(api.post("/api/suppliers", "{\"name\":\"Acme\"}"), 409, "duplicate-supplier");
        Problems.assertInvalid(api.post("/api/suppliers", "{\"name\":\"Bad\",\"email\":\"not mail\"}"), "email");
        long potter = api.get("/api/suppliers").json().findValues("id").stream()
                .filter(n -> !n.equals(added.json().get("id")))
                .findFirst()
                .orElseThrow()
                .asLong();

        assertProblem(api.patch("/api/suppliers/" + potter, "{\"name\":\"Acme\"}"), 409, "duplicate-supplier");
        api.patch("/api/suppliers/" + potter, "{\"name\":\"Potter Ltd\"}");

        assertThat(product("MUG").get("supplier").asString()).isEqualTo("Potter Ltd");
    }

    @Test
    void fromReorderDraftsOnePerSupplierListsProductsWithoutOneAndLeavesOutWhatIsIncoming() {
        api.post("/api/suppliers", "{\"name\":\"Bolt\",\"leadTimeDays\":4}");
        aProduct("MUG", 1, "2.00", "Acme");
        aProduct("CUP", 0, "3.00", "Acme");
        aProduct("PLATE", 2, "4.00", "Bolt");
        aProduct("BOWL", 0, null, null);
        aProduct("FULL", 100, "1.00", "Bolt");

        Api.Response drafted = api.post("/api/purchase-orders/from-reorder", "");

        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        JsonNode orders = drafted.json();
        assertThat(orders).hasSize(2);
        assertThat(orders.get(0).get("supplier").asString()).isEqualTo("Acme");
        assertThat(orders.get(0).get("status").asString()).isEqualTo("DRAFT");
        assertThat(orders.get(0).get("lines").findValuesAsString("sku")).containsExactly("CUP", "MUG");
        assertThat(orders.get(0).get("lines").get(1).get("unitCost").decimalValue())
                .isEqualByComparingTo("2.00");
        assertThat(orders.get(1).get("lines").findValuesAsString("sku")).containsExactly("PLATE");
        assertThat(drafted.header(PurchasingApi.WITHOUT_SUPPLIER)).isEqualTo("BOWL");
        long suggested = reorderLine("PLATE").get("suggestedQuantity").asLong();
        assertThat(orders.get(1).get("lines").get(0).get("quantity").asLong()).isEqualTo(suggested);

        api.post("/api/purchase-orders/" + orders.get(1).get("id").asString() + "/send", "");

        JsonNode plate = reorderLine("PLATE");
        assertThat(plate.get("incoming").asLong()).isEqualTo(suggested);
        assertThat(plate.get("reorder").asBoolean())
                .as("what is on its way is not ordered again")
                .isFalse();
        assertThat(plate.get("expectedOn").asString())
                .as("sent without a date, it is expected after the supplier's lead time")
                .isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC).plusDays(4).toString());
        Api.Response again = api.post("/api/purchase-orders/from-reorder", "");
        assertThat(again.json().findValuesAsString("sku")).doesNotContain("PLATE");
    }

    private JsonNode reorderLine(String sku) {
        for (JsonNode p : api.get("/api/reports/reorder").json().get("products")) {
            if (p.get("sku").asString().equals(sku)) {
                return p;
            }
        }
        throw new AssertionError(sku + " not in the reorder report");
    }

    @Test
    void sendingEmailsTheSupplierThePdfOfTheOrder() throws Exception {
        aProduct("LAP-001", 0, "700.00", null);
        api.post(
                "/api/suppliers", "{\"name\":\"Mailed Supplies\",\"email\":\"orders@mailed.test\",\"leadTimeDays\":3}");
        JsonNode sent = aSentOrder("Mailed Supplies", "LAP-001", 2, "650.00");
        String number = sent.get("number").asString();

        assertThat(sent.get("emailedTo").asString()).isEqualTo("orders@mailed.test");
        assertThat(sent.get("emailedAt").isNull()).isFalse();
        List<MimeMessage> mails = await().atMost(Duration.ofSeconds(10))
                .until(() -> TestMail.withSubjectContaining("Purchase order " + number), l -> !l.isEmpty());
        MimeMessage mail = mails.get(0);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("orders@mailed.test");
        Multipart parts = (Multipart) mail.getContent();
        List<String> names = new ArrayList<>();
        byte[] pdf = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null) {
                names.add(part.getFileName());
                assertThat(part.getContentType()).startsWith("application/pdf");
                try (InputStream in = part.getInputStream()) {
                    pdf = in.readAllBytes();
                }
            }
        }
        assertThat(names).containsExactly(number + ".pdf");
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(sent.get("expectedOn").asString())
                .as("without a date, the supplier's lead time sets it")
                .isNotNull();
        Api.Response download = api.get("/api/purchase-orders/" + number + "/pdf");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/pdf");
        Api.Response csv = api.get("/api/purchase-orders/" + number + "/csv");
        assertThat(csv.text()).startsWith("number,supplier,sku,name,quantity,received,open,unitCost,lineTotal");
        assertThat(csv.text()).contains(number + ",Mailed Supplies,LAP-001,LAP-001 product,2,0,2,650.00,1300.00");
    }

    @Test
    void ordersTakenAtOnceAreNumberedWithoutGapsOrDuplicates() throws Exception {
        aProduct("MUG", 0, "2.00", null);
        int count = 24;

        List<Api.Response> answers = AllAtOnce.send(
                count,
                8,
                i -> () -> api.post(
                        "/api/purchase-orders",
                        "{\"supplier\":\"Acme\",\"lines\":[{\"sku\":\"MUG\",\"quantity\":" + (i + 1) + "}]}"));

        assertThat(answers)
                .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
        List<String> numbers = answers.stream()
                .map(a -> a.json().get("number").asString())
                .sorted()
                .toList();
        assertThat(numbers)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, count)
                        .mapToObj(n -> String.format("PO-%04d", n))
                        .toList());
    }

    @Test
    void twoReceiversOfTheLastOpenUnitsAtOnceReceiveThemOnce() throws Exception {
        aProduct("MUG", 0, "2.00", null);
        String id = aSentOrder("Acme", "MUG", 10, "2.00").get("id").asString();
        receive(id, "MUG", 5);

        for (int round = 0; round < 3; round++) {
            List<Api.Response> answers = AllAtOnce.send(2, 2, i -> () -> receive(id, "MUG", 5));
            if (round == 0) {
                assertThat(answers.stream().map(Api.Response::status).sorted().toList())
                        .containsExactly(201, 409);
                Api.Response loser = answers.stream()
                        .filter(a -> a.status() == 409)
                        .findFirst()
                        .orElseThrow();
                assertProblem(loser, 409, "over-receipt");
            } else {
                assertThat(answers).allSatisfy(a -> assertProblem(a, 409, "over-receipt"));
            }
        }

        assertThat(product("MUG").get("stock").asLong()).isEqualTo(10);
        JsonNode order = api.get("/api/purchase-orders/" + id).json();
        assertThat(order.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(order.get("lines").get(0).get("received").asLong()).isEqualTo(10);
        assertThat(JdbcClient.create(dataSource)
                        .sql("SELECT COUNT(*) FROM stock_movement WHERE sku = 'MUG' AND type = 'RECEIPT'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void theMovingAverageCostIsExactToTheCent() {
        // 1 unit at 0.10, 2 received at 0.20: 0.50 / 3 = 0.1666… → 0.17
        aProduct("PEN", 1, "0.10", null);
        String id = aSentOrder("Acme", "PEN", 2, "0.20").get("id").asString();
        receive(id, "PEN", 2);
        assertThat(product("PEN").get("cost").decimalValue()).isEqualByComparingTo("0.17");

        // 3 at 0.17, 7 at 1.0150 (four decimals on the order): (0.51 + 7.105) / 10 = 0.7615 → 0.76 (half-even)
        String second = aSentOrder("Acme", "PEN", 7, "1.0150").get("id").asString();
        receive(second, "PEN", 7);
        assertThat(product("PEN").get("cost").decimalValue()).isEqualByComparingTo("0.76");

        // 10 at 0.76, 5 at 0.01: 7.65 / 15 = 0.51 exactly
        String third = aSentOrder("Acme", "PEN", 5, "0.01").get("id").asString();
        receive(third, "PEN", 5);
        assertThat(product("PEN").get("cost").decimalValue()).isEqualByComparingTo("0.51");
        JsonNode valuation = api.get("/api/reports/valuation").json();
        assertThat(valuation.toString()).contains("7.65");
    }

    @Test
    void anExpectedDateBeyondFourDigitYearsIsRefusedAsItWouldSortAsLate() {
        aProduct("MUG", 0, "2.00", null);
        for (String date : new String[] {"+10000-01-01", "-0001-06-01", "0000-06-01"}) {
            Problems.assertInvalid(
                    api.post(
                            "/api/purchase-orders",
                            "{\"supplier\":\"Acme\",\"expectedOn\":\"" + date
                                    + "\",\"lines\":[{\"sku\":\"MUG\",\"quantity\":5}]}"),
                    "expectedOn");
        }
        assertThat(api.get("/api/purchase-orders").json().size()).isZero();
        assertThat(api.post(
                                "/api/purchase-orders",
                                "{\"supplier\":\"Acme\",\"expectedOn\":\"9999-12-31\",\"lines\":[{\"sku\":\"MUG\",\"quantity\":5}]}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void theDueDateOfAnOpenOrderIsShownAsExpected() {
        aProduct("MUG", 0, "2.00", null);
        JsonNode order = anOrder("Acme", "MUG", 5, "2.00");
        api.patch(
                "/api/purchase-orders/" + order.get("id").asString(),
                "{\"expectedOn\":\"" + LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1)
                        + "\",\"lines\":[{\"sku\":\"MUG\",\"quantity\":5}]}");
        api.post("/api/purchase-orders/" + order.get("id").asString() + "/send", "");

        assertThat(reorderLine("MUG").get("expectedOn").asString())
                .isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString());
    }
}
