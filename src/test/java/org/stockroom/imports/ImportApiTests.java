package org.stockroom.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

class ImportApiTests extends ApiTestSupport {

    /** A Shopify product export: a BOM, a product with two variants, quoted commas, a description with line breaks, an image-only row. */
    static final String SHOPIFY = "\uFEFF"
            + "Handle,Title,Body (HTML),Vendor,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Qty,Variant Price,Variant Barcode,Image Src,Cost per item,Status\n"
            + "desk-oak,\"Desk, oak\",\"<p>Solid oak.\nTwo sizes.</p>\",Woodworks,Size,Small,DESK-S,4,199.00,111,https://img/1.jpg,120.00,active\n"
            + "desk-oak,,,,,Large,DESK-L,2,249.50,112,,150.00,active\n"
            + "desk-oak,,,,,,,,,,https://img/2.jpg,,\n"
            + "lamp,Lamp \"Aurora\",,Lumen,Title,Default Title,LAMP-1,10,39.90,,,,draft\n";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aShopifyExportWithVariantsQuotedCommasLineBreaksAndABomImportsExactly() {
        Api.Response response = upload("/api/imports", SHOPIFY);

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode report = response.json();
        assertThat(report.get("format").asString()).isEqualTo("SHOPIFY");
        assertThat(report.get("created").toString()).isEqualTo("[\"DESK-S\",\"DESK-L\",\"LAMP-1\"]");
        assertThat(report.get("invalid").size()).isZero();
        assertThat(report.get("skipped").get(0).get("line").asLong()).isEqualTo(5);

        JsonNode small = api.get("/api/products/DESK-S").json();
        assertThat(small.get("name").asString()).isEqualTo("Desk, oak - Small");
        assertThat(small.get("price").decimalValue()).isEqualByComparingTo("199.00");
        assertThat(small.get("cost").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(small.get("stock").asLong()).isEqualTo(4);
        assertThat(small.get("supplier").asString()).isEqualTo("Woodworks");
        assertThat(small.get("barcode").asString()).isEqualTo("111");
        assertThat(api.get("/api/products/DESK-L").json().get("name").asString())
                .isEqualTo("Desk, oak - Large");
        assertThat(api.get("/api/products/LAMP-1").json().get("name").asString())
                .isEqualTo("Lamp \"Aurora\"");
        assertThat(ledgerSum("DESK-L")).as("initial stock enters the ledger").isEqualTo(2);
    }

    @Test
    void aFileWithOneBadRowImportsNothingAndNamesTheRow() {
        String file = "sku,name,price,stock\nA-1,Apple,1.00,5\nB-2,Banana,not-a-price,3\nC-3,Cherry,2.00,1\n";

        Api.Response response = upload("/api/imports", file);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("invalid-import");
        assertThat(response.json().get("invalid").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(response.json().get("invalid").get(0).get("reason").asString())
                .contains("price");
        assertThat(productCount()).isZero();
    }

    @Test
    void skipInvalidImportsTheValidRowsAndReportsTheRest() {
        String file = "sku,name,price,stock\nA-1,Apple,1.00,5\nbad sku,Banana,1.00,3\n";

        Api.Response response = upload("/api/imports?skipInvalid=true", file);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("created").toString()).isEqualTo("[\"A-1\"]");
        assertThat(response.json().get("invalid").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(productCount()).isEqualTo(1);
    }

    @Test
    void importingTheSameFileTwiceLeavesOneSetOfProductsAndNoExtraMovements() {
        assertThat(upload("/api/imports", SHOPIFY).status()).isEqualTo(201);
        long movements = movementCount();

        Api.Response again = upload("/api/imports", SHOPIFY);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("created").size()).isZero();
        assertThat(again.json().get("updated").size()).isZero();
        assertThat(again.json().get("unchanged").asLong()).isEqualTo(3);
        assertThat(productCount()).isEqualTo(3);
        assertThat(movementCount()).isEqualTo(movements);
    }

    @Test
    void aDryRunReportsChangesFieldByFieldAndWritesNothing() {
        api.post("/api/products", product("A-1", "1.00", 5, 1));
        String file = "SKU;Name;Price;Stock;ReorderThreshold\nA-1;A-1 product;1,50;7;2\nN-1;New;3,00;0;0\n";

        Api.Response response = upload("/api/imports?dryRun=true", file);

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("created").toString()).isEqualTo("[\"N-1\"]");
        JsonNode changes = report.get("updated").get(0).get("changes");
        assertThat(changes.get("price").get(0).decimalValue()).isEqualByComparingTo("1.00");
        assertThat(changes.get("price").get(1).decimalValue()).isEqualByComparingTo("1.50");
        assertThat(changes.get("stock").toString()).isEqualTo("[5,7]");
        assertThat(changes.get("reorderThreshold").toString()).isEqualTo("[1,2]");
        assertThat(changes.has("name")).isFalse();
        assertThat(productCount()).isEqualTo(1);
        assertThat(api.get("/api/products/A-1").json().get("stock").asLong()).isEqualTo(5);
    }

    @Test
    void aCountedStockInTheFileBecomesACountAdjustmentAndRaisesTheAlert() {
        api.post("/api/products", product("A-1", "1.00", 20, 3));

        Api.Response response = upload("/api/imports", "sku,stock\nA-1,2\n");

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        String id = response.json().get("id").asString();
        JsonNode movement =
                api.get("/api/products/A-1/movements").json().get("items").get(0);
        assertThat(movement.get("type").asString()).isEqualTo("ADJUSTMENT");
        assertThat(movement.get("reason").asString()).isEqualTo("COUNT");
        assertThat(movement.get("delta").asLong()).isEqualTo(-18);
        assertThat(movement.get("balanceAfter").asLong()).isEqualTo(2);
        assertThat(movement.get("note").asString()).isEqualTo("import " + id);
        assertThat(api.get("/api/alerts").json().get(0).get("sku").asString()).isEqualTo("A-1");
    }

    @Test
    void aWooCommerceExportSkipsVariableParentsAndReadsLowStockAmounts() {
        String file = "ID,Type,SKU,Name,Stock,Low stock amount,Regular price,Sale price\n"
                + "10,variable,SHIRT,T-shirt,,,,\n"
                + "11,variation,SHIRT-R,T-shirt - Red,8,2,15.00,12.00\n"
                + "12,simple,MUG,Mug,0,1,7.50,\n";

        Api.Response response = upload("/api/imports", file);

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(response.json().get("format").asString()).isEqualTo("WOOCOMMERCE");
        assertThat(response.json().get("created").toString()).isEqualTo("[\"SHIRT-R\",\"MUG\"]");
        assertThat(response.json().get("skipped").get(0).get("line").asLong()).isEqualTo(2);
        JsonNode shirt = api.get("/api/products/SHIRT-R").json();
        assertThat(shirt.get("reorderThreshold").asLong()).isEqualTo(2);
        assertThat(shirt.get("price").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(api.get("/api/alerts").json().toString()).contains("\"MUG\"");
    }

    @Test
    void aWooCommerceProductsPictureIsTheFirstOfItsImages() {
        String file = "ID,Type,SKU,Name,Stock,Regular price,Images\n"
                + "12,simple,MUG,Mug,4,7.50,\"https://shop.example/mug-front.jpg, https://shop.example/mug-back.jpg\"\n";

        Api.Response response = upload("/api/imports", file);

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(api.get("/api/products/MUG").json().get("imageUrl").asString())
                .isEqualTo("https://shop.example/mug-front.jpg");
    }

    @Test
    void aStorefrontsPictureTheCatalogRefusesIsLeftOutWithAWarningAndItsProductIsImported() {
        String shopify = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Qty,Variant Price,"
                + "Image Src,Variant Image\n"
                + "tee,Tee,Size,S,TEE-S,3,20.00,https://img.example/tee.jpg,https://img.example/tee small.jpg\n"
                + "tee,,,M,TEE-M,3,20.00,,\n";

        Api.Response fromShopify = upload("/api/imports", shopify);

        assertThat(fromShopify.status()).as(fromShopify.text()).isEqualTo(201);
        assertThat(fromShopify.json().get("created").toString()).isEqualTo("[\"TEE-S\",\"TEE-M\"]");
        JsonNode warning = fromShopify.json().get("warnings").get(0);
        assertThat(warning.get("line").asLong()).isEqualTo(2);
        assertThat(warning.get("reason").asString())
                .isEqualTo("picture left out: its address must be an http or https address, such as"
                        + " https://example.com/shirt.jpg");
        assertThat(api.get("/api/products/TEE-S").json().get("imageUrl").asString())
                .as("the product's own picture stands in for the variant's unusable one")
                .isEqualTo("https://img.example/tee.jpg");

        String woo = "ID,Type,SKU,Name,Stock,Regular price,Images\n"
                + "12,simple,MUG,Mug,4,7.50,\"ftp://shop.example/mug.jpg, https://shop.example/mug-back.jpg\"\n";
        Api.Response fromWoo = upload("/api/imports", woo);

        assertThat(fromWoo.status()).as(fromWoo.text()).isEqualTo(201);
        assertThat(fromWoo.json().get("warnings").get(0).get("line").asLong()).isEqualTo(2);
        JsonNode mug = api.get("/api/products/MUG").json();
        assertThat(mug.has("imageUrl") && !mug.get("imageUrl").isNull())
                .as("no picture rather than a refused one")
                .isFalse();

        Api.Response ownFormat =
                upload("/api/imports", "sku,name,price,stock,imageUrl\nCAP,Cap,5.00,1,ftp://x/cap.jpg\n");
        assertThat(ownFormat.status())
                .as("Stockroom's own file says imageUrl on purpose: a bad one is an invalid row, as through the API")
                .isEqualTo(422);
    }

    @Test
    void undoRestoresFieldsAndStockAndArchivesCreatedProducts() {
        api.post("/api/products", product("A-1", "1.00", 5, 1));
        String id = upload("/api/imports", "sku,name,price,stock\nA-1,Renamed,2.00,9\nN-1,New,3.00,4\n")
                .json()
                .get("id")
                .asString();

        Api.Response undo = api.post("/api/imports/" + id + "/undo", null);

        assertThat(undo.status()).as(undo.text()).isEqualTo(200);
        JsonNode restored = api.get("/api/products/A-1").json();
        assertThat(restored.get("name").asString()).isEqualTo("A-1 product");
        assertThat(restored.get("price").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(restored.get("stock").asLong()).isEqualTo(5);
        assertThat(api.get("/api/products/N-1").json().get("archived").asBoolean())
                .isTrue();
        assertThat(ledgerSum("A-1")).isEqualTo(5);
        assertThat(api.post("/api/imports/" + id + "/undo", null)
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("import-undone");
    }

    @Test
    void anImportCannotBeUndoneOnceALaterMovementTouchesItsProducts() {
        String id = upload("/api/imports", "sku,name,price,stock\nN-1,New,3.00,4\n")
                .json()
                .get("id")
                .asString();
        assertThat(api.post("/api/purchases", purchase("N-1", 1)).status()).isEqualTo(201);

        Api.Response undo = api.post("/api/imports/" + id + "/undo", null);

        assertThat(undo.status()).isEqualTo(409);
        assertThat(undo.json().get("code").asString()).isEqualTo("import-superseded");
        assertThat(api.get("/api/products/N-1").json().get("archived").asBoolean())
                .isFalse();
    }

    @Test
    void theProductExportImportsBackUnchangedAndNeutralizesFormulas() {
        api.post(
                "/api/products",
                "{\"sku\":\"F-1\",\"name\":\"=HYPERLINK(\\\"x\\\")\",\"price\":1.00,\"stock\":3,\"reorderThreshold\":1}");
        api.post("/api/products", product("A-1", "2.50", 5, 1));

        Api.Response export = api.get("/api/exports/products");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        assertThat(export.text())
                .startsWith(
                        "sku,name,price,stock,reorderThreshold,cost,reorderQuantity,leadTimeDays,supplier,barcode,group,options,components,imageUrl\r\n");
        assertThat(export.text()).contains("F-1,\"'=HYPERLINK(\"\"x\"\")\",1.00,3,1");
        Api.Response reimport = upload("/api/imports?dryRun=true", export.text());
        assertThat(reimport.json().get("unchanged").asLong()).isEqualTo(2);
    }

    @Test
    void aPictureTravelsThroughTheProductExportAndAnImportChangesOrKeepsIt() {
        api.post(
                "/api/products",
                "{\"sku\":\"PIC-1\",\"name\":\"Pictured\",\"price\":1.00,\"stock\":3,\"reorderThreshold\":1,"
                        + "\"imageUrl\":\"https://cdn.example.com/pic-1.jpg\"}");
        String export = api.get("/api/exports/products").text();
        assertThat(export).contains(",https://cdn.example.com/pic-1.jpg\r\n");
        assertThat(upload("/api/imports?dryRun=true", export)
                        .json()
                        .get("unchanged")
                        .asLong())
                .isEqualTo(1);

        Api.Response changed = upload("/api/imports", "sku,imageUrl\nPIC-1,https://cdn.example.com/pic-1b.jpg\n");
        assertThat(changed.status()).as(changed.text()).isEqualTo(201);
        assertThat(api.get("/api/products/PIC-1").json().get("imageUrl").asString())
                .isEqualTo("https://cdn.example.com/pic-1b.jpg");

        Api.Response refused = upload("/api/imports", "sku,imageUrl\nPIC-1,javascript:alert(1)\n");
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.text()).contains("imageUrl");
        assertThat(api.get("/api/products/PIC-1").json().get("imageUrl").asString())
                .as("a refused file changes nothing")
                .isEqualTo("https://cdn.example.com/pic-1b.jpg");
    }

    @Test
    void theInventoryExportHasShopifysColumns() {
        api.post(
                "/api/products",
                "{\"sku\":\"D-1\",\"name\":\"Café Desk\",\"price\":1.00,\"stock\":3,\"reorderThreshold\":1}");

        Api.Response export = api.get("/api/exports/inventory?format=shopify");

        assertThat(export.text())
                .isEqualTo("Handle,Title,SKU,Location,On hand\r\ncafe-desk,Café Desk,D-1,Shop location,3\r\n");
    }

    @Test
    void aFileThatIsNotACatalogIsRefusedClearly() {
        Api.Response response = upload("/api/imports", "colour,size\nred,3\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    }

    @Test
    void aCountAboveTheStockLimitForAnExistingProductIsAnInvalidRowAndChangesNothing() {
        api.post("/api/products", product("A-1", "1.00", 5, 1));

        for (String count : List.of("9223372036854775807", "1000000001", "-1")) {
            Api.Response response = upload("/api/imports", "sku,stock\nA-1," + count + "\n");

            assertThat(response.status()).as(count).isEqualTo(422);
            assertThat(response.json().get("code").asString()).isEqualTo("invalid-import");
            assertThat(response.json().get("invalid").get(0).get("reason").asString())
                    .contains("stock");
        }
        assertThat(api.get("/api/products/A-1").json().get("stock").asLong()).isEqualTo(5);
        assertThat(ledgerSum("A-1")).isEqualTo(5);
        assertThat(api.get("/api/admin/verify").json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void everyFieldOfAnExistingProductIsCheckedEvenWhenItDoesNotChange() {
        api.post("/api/products", product("A-1", "1.00", 5, 1));

        Api.Response response = upload(
                "/api/imports?dryRun=true",
                "sku,name,price,reorderQuantity,leadTimeDays\nA-1,A-1 product,1.00,0,4000\n");

        assertThat(response.json().get("invalid").get(0).get("reason").asString())
                .contains("reorderQuantity")
                .contains("leadTimeDays");
    }

    @Test
    void exportThenImportChangesNothingForHostileText() {
        List<String> names = List.of(
                "=HYPERLINK(\\\"x\\\")", "+1 mug", "-minus", "@at", "'tis a name", "'=quoted formula", "''", "'");
        for (int i = 0; i < names.size(); i++) {
            Api.Response created = api.post(
                    "/api/products",
                    "{\"sku\":\"H-" + i + "\",\"name\":\"" + names.get(i)
                            + "\",\"price\":1,\"stock\":1,\"reorderThreshold\":0,\"supplier\":\"=cmd|' /C calc'!A0\","
                            + "\"barcode\":\"-" + i + "\"}");
            assertThat(created.status()).as(created.text()).isEqualTo(201);
        }
        String before = api.get("/api/products?size=100").json().get("items").toString();

        String export = api.get("/api/exports/products").text();
        Api.Response reimport = upload("/api/imports", export);

        assertThat(reimport.status()).as(reimport.text()).isEqualTo(201);
        assertThat(reimport.json().get("updated").size()).as(reimport.text()).isZero();
        assertThat(reimport.json().get("unchanged").asLong()).isEqualTo(names.size());
        assertThat(api.get("/api/products?size=100").json().get("items").toString())
                .isEqualTo(before);
        assertThat(api.get("/api/exports/products").text()).isEqualTo(export);
        assertThat(export).contains("H-4,''tis a name,").contains(",'-0,");
    }

    @Test
    void wooCommercesOwnSampleCatalogImportsWithoutOpeningAlerts() throws Exception {
        Api.Response response = upload("/api/imports", resource("woocommerce-sample_products.csv"));

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode report = response.json();
        assertThat(report.get("format").asString()).isEqualTo("WOOCOMMERCE");
        assertThat(report.get("invalid").size()).isZero();
        assertThat(report.get("created").size()).isEqualTo(21);
        assertThat(report.get("skipped").toString())
                .contains("logo-collection is a grouped product")
                .contains("wp-pennant is a external product")
                .contains("woo-vneck-tee is a variable product")
                .contains("woo-hoodie is a variable product");
        assertThat(report.get("untracked").size())
                .as("every product of the sample is 'In stock' without a count")
                .isEqualTo(21);
        assertThat(api.get("/api/alerts").json().size()).isZero();
        JsonNode red = api.get("/api/products/woo-vneck-tee-red").json();
        assertThat(red.get("stock").asLong()).isZero();
        assertThat(red.get("stockTracked").asBoolean()).isFalse();
        assertThat(red.get("needsRestock").asBoolean()).isFalse();
        assertThat(red.get("group").asString()).isEqualTo("woo-vneck-tee");
        assertThat(red.get("options").toString()).isEqualTo("{\"Color\":\"Red\"}");
        assertThat(red.get("price").decimalValue()).isEqualByComparingTo("20");
        assertThat(api.get("/api/products/woo-hoodie-blue-logo")
                        .json()
                        .get("options")
                        .toString())
                .isEqualTo("{\"Color\":\"Blue\",\"Logo\":\"Yes\"}");
        assertThat(api.get("/api/admin/verify").json().get("ok").asBoolean()).isTrue();

        assertThat(api.post("/api/products/woo-belt/receipts", "{\"quantity\":1}")
                        .status())
                .isEqualTo(201);
        assertThat(api.get("/api/products/woo-belt").json().get("stockTracked").asBoolean())
                .as("a receipt starts counting the product")
                .isTrue();
        assertThat(api.post("/api/purchases", purchase("woo-belt", 1)).status()).isEqualTo(201);
        assertThat(api.get("/api/alerts").json().get(0).get("sku").asString()).isEqualTo("woo-belt");
    }

    @Test
    void shopifyVariantRowsInheritTheVendorAndTheProductsOptionNames() {
        Api.Response response = upload("/api/imports", SHOPIFY);

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode large = api.get("/api/products/DESK-L").json();
        assertThat(large.get("supplier").asString()).isEqualTo("Woodworks");
        assertThat(large.get("group").asString()).isEqualTo("desk-oak");
        assertThat(large.get("options").toString()).isEqualTo("{\"Size\":\"Large\"}");
        assertThat(api.get("/api/products/LAMP-1").json().get("options").toString())
                .isEqualTo("{}");
    }

    @Test
    void skusMadeOnlyOfDotsAreRefusedByTheApiAndByImports() {
        for (String sku : List.of(".", "..", "...")) {
            Api.Response created = api.post("/api/products", product(sku, "1.00", 1, 0));
            assertThat(created.status()).as(sku).isEqualTo(400);
            assertThat(created.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("sku");
        }
        assertThat(api.post("/api/products", product("a.b", "1.00", 1, 0)).status())
                .isEqualTo(201);

        Api.Response imported = upload("/api/imports", "sku,name,price,stock\n..,Dots,1.00,1\nOK-1,Fine,1.00,1\n");

        assertThat(imported.status()).isEqualTo(422);
        assertThat(imported.json().get("invalid").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(imported.json().get("invalid").get(0).get("reason").asString())
                .contains("sku");
        assertThat(productCount()).isEqualTo(1);
    }

    static String resource(String name) throws java.io.IOException {
        try (var in = ImportApiTests.class.getResourceAsStream("/imports/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    Api.Response upload(String path, String csv) {
        return api.uploadCsv(path, csv);
    }

    private long productCount() {
        return jdbc.sql("SELECT COUNT(*) FROM product").query(Long.class).single();
    }

    private long movementCount() {
        return jdbc.sql("SELECT COUNT(*) FROM stock_movement").query(Long.class).single();
    }

    private long ledgerSum(String sku) {
        return jdbc.sql("SELECT SUM(delta) FROM stock_movement WHERE sku = :sku")
                .param("sku", sku)
                .query(Long.class)
                .single();
    }
}
