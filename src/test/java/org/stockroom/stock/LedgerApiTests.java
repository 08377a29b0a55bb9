package org.stockroom.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

class LedgerApiTests extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    private void productWithStock(String sku, long stock, long threshold) {
        assertThat(api.post("/api/products", product(sku, "10.00", stock, threshold))
                        .status())
                .isEqualTo(201);
    }

    private JsonNode productNamed(String sku) {
        return api.get("/api/products/" + sku).json();
    }

    private long movementCount(String sku) {
        return jdbc.sql("SELECT COUNT(*) FROM stock_movement WHERE sku = :sku")
                .param("sku", sku)
                .query(Long.class)
                .single();
    }

    @Test
    void aStocktakeOfSeventeenAgainstTwentyRecordedWritesAMinusThreeCountWithActorAndBalance() {
        productWithStock("CNT-1", 20, 2);

        Api.Response answer = api.post(
                "/api/products/CNT-1/adjustments",
                "{\"countedQuantity\":17,\"reason\":\"COUNT\",\"note\":\"aisle 4\"}");

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        JsonNode movement = answer.json();
        assertThat(movement.get("type").asString()).isEqualTo("ADJUSTMENT");
        assertThat(movement.get("reason").asString()).isEqualTo("COUNT");
        assertThat(movement.get("delta").asLong()).isEqualTo(-3);
        assertThat(movement.get("balanceAfter").asLong()).isEqualTo(17);
        assertThat(movement.get("actor").asString()).isEqualTo("admin");
        assertThat(movement.get("note").asString()).isEqualTo("aisle 4");
        assertThat(productNamed("CNT-1").get("stock").asLong()).isEqualTo(17);
    }

    @Test
    void aCountThatMatchesIsKeptAsAZeroMovementProvingTheStocktake() {
        productWithStock("CNT-2", 8, 2);

        JsonNode movement = api.post("/api/products/CNT-2/adjustments", "{\"countedQuantity\":8,\"reason\":\"COUNT\"}")
                .json();

        assertThat(movement.get("delta").asLong()).isZero();
        assertThat(movement.get("balanceAfter").asLong()).isEqualTo(8);
        assertThat(movementCount("CNT-2")).as("opening stock and the count").isEqualTo(2);
    }

    @Test
    void aDeltaAdjustmentRecordsItsReasonAndNote() {
        productWithStock("DMG-1", 10, 2);

        JsonNode movement = api.post(
                        "/api/products/DMG-1/adjustments", "{\"delta\":-2,\"reason\":\"DAMAGED\",\"note\":\"dropped\"}")
                .json();

        assertThat(movement.get("delta").asLong()).isEqualTo(-2);
        assertThat(movement.get("reason").asString()).isEqualTo("DAMAGED");
        assertThat(movement.get("balanceAfter").asLong()).isEqualTo(8);
        assertThat(api.post("/api/products/DMG-1/adjustments", "{\"delta\":5,\"reason\":\"FOUND\"}")
                        .json()
                        .get("balanceAfter")
                        .asLong())
                .isEqualTo(13);
    }

    @Test
    void anAdjustmentBelowZeroIsRefusedAsInsufficientStockAndChangesNothing() {
        productWithStock("LOW-1", 3, 1);

        Api.Response answer = api.post("/api/products/LOW-1/adjustments", "{\"delta\":-4,\"reason\":\"LOST\"}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("code").asString()).isEqualTo("insufficient-stock");
        assertThat(answer.json().get("shortages").get(0).get("available").asLong())
                .isEqualTo(3);
        assertThat(productNamed("LOW-1").get("stock").asLong()).isEqualTo(3);
        assertThat(movementCount("LOW-1")).as("only the opening stock").isEqualTo(1);
    }

    @Test
    void malformedAdjustmentsAreRefusedNamingTheField() {
        productWithStock("BAD-1", 3, 1);
        for (String body : List.of(
                "{\"delta\":-1,\"countedQuantity\":2,\"reason\":\"COUNT\"}",
                "{\"reason\":\"COUNT\"}",
                "{\"delta\":0,\"reason\":\"OTHER\"}",
                "{\"delta\":-1}",
                "{\"delta\":-1,\"reason\":\"STOLEN\"}",
                "{\"countedQuantity\":-1,\"reason\":\"COUNT\"}",
                "{\"delta\":1.5,\"reason\":\"FOUND\"}")) {
            Api.Response answer = api.post("/api/products/BAD-1/adjustments", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.json().get("code").asString()).as(body).isEqualTo("invalid-request");
        }
        assertThat(productNamed("BAD-1").get("stock").asLong()).isEqualTo(3);
        assertThat(movementCount("BAD-1")).isEqualTo(1);
    }

    @Test
    void adjustingAnUnknownProductIs404AndAnArchivedOne422() {
        Api.Response unknown = api.post("/api/products/NOPE/adjustments", "{\"delta\":1,\"reason\":\"FOUND\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("unknown-sku");

        productWithStock("OLD-1", 3, 1);
        assertThat(api.delete("/api/products/OLD-1").status()).isEqualTo(204);
        Api.Response archived =
                api.post("/api/products/OLD-1/adjustments", "{\"countedQuantity\":1,\"reason\":\"COUNT\"}");
        assertThat(archived.status()).isEqualTo(422);
        assertThat(archived.json().get("code").asString()).isEqualTo("product-archived");
        Api.Response receipt = api.post("/api/products/OLD-1/receipts", "{\"quantity\":5}");
        assertThat(receipt.json().get("code").asString()).isEqualTo("product-archived");
        assertThat(api.get("/api/products/OLD-1").json().get("stock").asLong()).isEqualTo(3);
    }

    @Test
    void aNewProductsStockIsItsOpeningCountInTheLedger() {
        productWithStock("NEW-1", 12, 2);
        productWithStock("NEW-0", 0, 2);

        JsonNode opening =
                api.get("/api/products/NEW-1/movements").json().get("items").get(0);
        assertThat(opening.get("type").asString()).isEqualTo("ADJUSTMENT");
        assertThat(opening.get("reason").asString()).isEqualTo("COUNT");
        assertThat(opening.get("delta").asLong()).isEqualTo(12);
        assertThat(opening.get("note").asString()).isEqualTo("opening stock");
        assertThat(movementCount("NEW-0"))
                .as("nothing to record for an empty shelf")
                .isZero();
    }

    @Test
    void adjustmentsAndReceiptsRaiseEscalateAndResolveAlertsAsPurchasesDo() {
        productWithStock("ALR-1", 10, 4);

        api.post("/api/products/ALR-1/adjustments", "{\"delta\":-6,\"reason\":\"DAMAGED\"}");
        JsonNode open = api.get("/api/alerts").json();
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("level").asString()).isEqualTo("LOW");

        api.post("/api/products/ALR-1/adjustments", "{\"countedQuantity\":0,\"reason\":\"COUNT\"}");
        assertThat(api.get("/api/alerts").json().get(0).get("level").asString()).isEqualTo("OUT");

        api.post("/api/products/ALR-1/receipts", "{\"quantity\":3}");
        assertThat(api.get("/api/alerts").json().get(0).get("level").asString())
                .as("a small receipt: back to LOW")
                .isEqualTo("LOW");

        api.post("/api/products/ALR-1/receipts", "{\"quantity\":20}");
        assertThat(api.get("/api/alerts").json())
                .as("resolved above the threshold")
                .isEmpty();
        assertThat(api.get("/api/alerts?status=resolved").json()).hasSize(1);

        api.post("/api/products/ALR-1/adjustments", "{\"countedQuantity\":2,\"reason\":\"COUNT\"}");
        assertThat(api.get("/api/alerts").json())
                .as("a count below the threshold raises a new alert")
                .hasSize(1);
        assertThat(api.get("/api/admin/verify").json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void movementsAreNewestFirstAndFilterByTypeAndDate() {
        productWithStock("MOV-1", 10, 1);
        api.post("/api/purchases", purchase("MOV-1", 2));
        api.post("/api/products/MOV-1/receipts", "{\"quantity\":5,\"note\":\"PO-77\"}");
        api.post("/api/products/MOV-1/adjustments", "{\"delta\":-1,\"reason\":\"LOST\"}");

        JsonNode all = api.get("/api/products/MOV-1/movements").json();
        assertThat(all.get("total").asLong()).isEqualTo(4);
        List<String> types = new ArrayList<>();
        all.get("items").forEach(m -> types.add(m.get("type").asString()));
        assertThat(types).containsExactly("ADJUSTMENT", "RECEIPT", "SALE", "ADJUSTMENT");
        assertThat(all.get("items").get(2).get("purchaseId").asString()).isNotBlank();

        JsonNode receipts =
                api.get("/api/products/MOV-1/movements?type=RECEIPT").json();
        assertThat(receipts.get("total").asLong()).isEqualTo(1);
        assertThat(receipts.get("items").get(0).get("note").asString()).isEqualTo("PO-77");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(api.get("/api/products/MOV-1/movements?from=" + today.minusDays(1) + "&to=" + today.plusDays(1))
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(4);
        assertThat(api.get("/api/products/MOV-1/movements?from=" + today.plusDays(1))
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(api.get("/api/products/MOV-1/movements?to=" + today.minusDays(1))
                        .json()
                        .get("total")
                        .asLong())
                .isZero();

        JsonNode second = api.get("/api/products/MOV-1/movements?page=1&size=3").json();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("delta").asLong()).isEqualTo(10);
    }

    @Test
    void movementFiltersRefuseWhatTheyCannotRead() {
        productWithStock("MOV-2", 1, 0);
        assertThat(api.get("/api/products/MOV-2/movements?type=THEFT").status()).isEqualTo(400);
        assertThat(api.get("/api/products/MOV-2/movements?from=yesterday").status())
                .isEqualTo(400);
        assertThat(api.get("/api/products/MOV-2/movements?from=2026-02-02&to=2026-02-01")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/products/MOV-2/movements?size=0").status()).isEqualTo(400);
        assertThat(api.get("/api/products/NOPE/movements").status()).isEqualTo(404);
    }

    @Test
    void theCsvExportListsTheRangeOldestFirstWithFormulasDefused() {
        productWithStock("CSV-1", 5, 1);
        api.post(
                "/api/products/CSV-1/adjustments",
                "{\"delta\":-2,\"reason\":\"DAMAGED\",\"note\":\"=HYPERLINK(\\\"http://x\\\")\"}");
        api.post("/api/products/CSV-1/receipts", "{\"quantity\":3,\"note\":\"PO, \\\"urgent\\\"\"}");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        Api.Response csv = api.get("/api/exports/movements?from=" + today + "&to=" + today);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.text().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,at,date,sku,type,reason,delta,balanceAfter,actor,note,purchaseId");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).contains(",CSV-1,ADJUSTMENT,COUNT,5,5,admin,opening stock,");
        assertThat(lines[2]).contains(",DAMAGED,-2,3,admin,\"'=HYPERLINK(\"\"http://x\"\")\",");
        assertThat(lines[3]).contains(",RECEIPT,,3,6,admin,\"PO, \"\"urgent\"\"\",");
        assertThat(lines[1]).contains("," + today + ",");

        assertThat(api.get("/api/exports/movements?to=" + today.minusDays(1))
                        .text()
                        .split("\r\n"))
                .hasSize(1);
        assertThat(api.get("/api/exports/movements?from=2026-02-02&to=2026-02-01")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theLedgerRefusesUpdatesAndDeletesInTheDatabaseItself() {
        productWithStock("APP-1", 5, 1);

        assertThatThrownBy(() -> jdbc.sql("UPDATE stock_movement SET delta = 50 WHERE sku = 'APP-1'")
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM stock_movement WHERE sku = 'APP-1'")
                        .update())
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT delta FROM stock_movement WHERE sku = 'APP-1'")
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void verifyAgreesOnACleanStoreAndReportsACorruptedStock() {
        productWithStock("VER-1", 10, 2);
        productWithStock("VER-2", 10, 2);
        api.post("/api/purchases", purchase("VER-1", 3));
        JsonNode clean = api.get("/api/admin/verify").json();
        assertThat(clean.get("ok").asBoolean()).isTrue();
        assertThat(clean.get("checked").asLong()).isEqualTo(2);
        assertThat(clean.get("discrepancies")).isEmpty();

        jdbc.sql("UPDATE product SET stock = stock + 1 WHERE sku = 'VER-1'").update();
        jdbc.sql("UPDATE product SET units_sold = 4 WHERE sku = 'VER-2'").update();

        JsonNode corrupted = api.get("/api/admin/verify").json();
        assertThat(corrupted.get("ok").asBoolean()).isFalse();
        List<String> found = new ArrayList<>();
        corrupted
                .get("discrepancies")
                .forEach(d ->
                        found.add(d.get("sku").asString() + " " + d.get("check").asString() + " expected "
                                + d.get("expected").asString() + " actual "
                                + d.get("actual").asString()));
        assertThat(found).containsExactly("VER-1 stock expected 7 actual 8", "VER-2 units-sold expected 0 actual 4");
    }

    @Test
    void verifyReportsAMissingOrWrongAlert() {
        productWithStock("VAL-1", 1, 2);
        productWithStock("VAL-2", 0, 2);
        productWithStock("VAL-3", 9, 2);
        jdbc.sql("UPDATE restock_alert SET resolved_at = 1 WHERE sku = 'VAL-1'").update();
        jdbc.sql("UPDATE restock_alert SET level = 'LOW' WHERE sku = 'VAL-2'").update();
        jdbc.sql(
                        "INSERT INTO restock_alert (sku, level, stock, reorder_threshold, raised_at) VALUES ('VAL-3', 'LOW', 9, 2, 1)")
                .update();

        List<String> found = new ArrayList<>();
        api.get("/api/admin/verify")
                .json()
                .get("discrepancies")
                .forEach(d -> found.add(d.get("sku").asString() + " "
                        + d.get("check").asString() + " " + d.get("expected").asString() + "/"
                        + d.get("actual").asString()));

        assertThat(found)
                .containsExactly("VAL-1 open-alert LOW/none", "VAL-2 open-alert OUT/LOW", "VAL-3 open-alert none/LOW");
    }

    @Test
    void anArchivedProductKeepsItsHistoryLeavesListsAndAlertsAndComesBackOnRestore() {
        productWithStock("ARC-1", 5, 3);
        api.post("/api/purchases", purchase("ARC-1", 3));
        assertThat(api.get("/api/alerts").json()).hasSize(1);

        assertThat(api.delete("/api/products/ARC-1").status()).isEqualTo(204);

        assertThat(api.get("/api/products").json().get("total").asLong()).isZero();
        assertThat(api.get("/api/products?lowStock=true").json().get("total").asLong())
                .isZero();
        assertThat(api.get("/api/alerts").json())
                .as("no open alert for an archived product")
                .isEmpty();
        assertThat(api.get("/api/products/ARC-1/movements").json().get("total").asLong())
                .as("history kept")
                .isEqualTo(2);
        assertThat(api.post("/api/purchases", purchase("ARC-1", 1))
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("product-archived");
        assertThat(api.get("/api/admin/verify").json().get("ok").asBoolean()).isTrue();

        assertThat(api.post("/api/products/ARC-1/restore", null).status()).isEqualTo(200);
        assertThat(api.get("/api/products").json().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/alerts").json()).as("still needs restocking").hasSize(1);
        assertThat(api.get("/api/admin/verify").json().get("ok").asBoolean()).isTrue();
    }
}
