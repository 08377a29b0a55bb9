package org.stockroom.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.api.Problems.assertInvalid;
import static org.stockroom.api.Problems.assertProblem;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad input API.md lists gets a 4xx Problem Details answer with the right code, says
 * nothing about our insides, and changes nothing.
 */
class BadInputTests extends ApiTestSupport {

    private static final String GOOD_PRODUCT =
            "\"sku\":\"NEW-1\",\"name\":\"New\",\"price\":1.00,\"stock\":1,\"reorderThreshold\":0";

    private StoreCounts before;

    @BeforeEach
    void aShopWithHistory() {
        api.post(
                "/api/products",
                "{\"sku\":\"MOU-001\",\"name\":\"Mouse\",\"price\":24.99,\"stock\":50,\"reorderThreshold\":5,"
                        + "\"supplier\":\"Acme\"}");
        api.post("/api/purchases", purchase("MOU-001", 1));
        before = StoreCounts.of(dataSource);
    }

    private void assertUnchanged() {
        assertThat(StoreCounts.of(dataSource))
                .as("a refused request changes nothing")
                .isEqualTo(before);
        JsonNode mouse = api.get("/api/products/MOU-001").json();
        assertThat(mouse.get("name").asString()).isEqualTo("Mouse");
        assertThat(mouse.get("supplier").asString()).isEqualTo("Acme");
    }

    private JsonNode newProduct(String fields, String field) {
        return assertInvalid(api.post("/api/products", "{" + fields + "}"), field);
    }

    private JsonNode buy(String body, String field) {
        return assertInvalid(api.post("/api/purchases", body), field);
    }

    private JsonNode patch(String body, String field) {
        return assertInvalid(api.patch("/api/products/MOU-001", body), field);
    }

    @Test
    void malformedJsonIsRefused() {
        for (String body : new String[] {
            "{", "{\"sku\":", "not json", "{\"sku\":\"A\",}", "{'sku':'A'}", "[1,2", "{\"a\":1}}", "\"\"", "[]"
        }) {
            assertProblem(api.post("/api/products", body), 400, "invalid-request");
            assertProblem(api.post("/api/purchases", body), 400, "invalid-request");
            assertProblem(api.patch("/api/products/MOU-001", body), 400, "invalid-request");
            assertProblem(api.post("/api/products/MOU-001/receipts", body), 400, "invalid-request");
        }
        assertUnchanged();
    }

    @Test
    void anEmptyOrNullBodyIsRefused() {
        for (String body : new String[] {"", "null", "   "}) {
            assertProblem(api.post("/api/products", body), 400, "invalid-request");
            assertProblem(api.post("/api/purchases", body), 400, "invalid-request");
            assertProblem(api.patch("/api/products/MOU-001", body), 400, "invalid-request");
            assertProblem(api.post("/api/products/MOU-001/receipts", body), 400, "invalid-request");
        }
        assertUnchanged();
    }

    @Test
    void aQuantityOfTheWrongTypeIsRefusedNotCoerced() {
        for (String quantity : new String[] {"2.5", "2.0", "1e2", "\"2\"", "true", "[1]", "{}", "null"}) {
            buy("{\"lines\":[{\"sku\":\"MOU-001\",\"quantity\":" + quantity + "}]}", "lines[0].quantity");
        }
        assertUnchanged();
    }

    @Test
    void aQuantityOutOfRangeIsRefused() {
        for (String quantity : new String[] {
            "0", "-1", "1000001", "9223372036854775807", "9223372036854775808", "99999999999999999999999999999"
        }) {
            buy("{\"lines\":[{\"sku\":\"MOU-001\",\"quantity\":" + quantity + "}]}", "lines[0].quantity");
        }
        assertUnchanged();
    }

    @Test
    void quantitiesThatOverflowWhenAddedTogetherAreRefused() {
        buy(
                "{\"lines\":[{\"sku\":\"MOU-001\",\"quantity\":600000},{\"sku\":\"MOU-001\",\"quantity\":600000}]}",
                "lines");
        assertUnchanged();
    }

    @Test
    void purchaseLinesAreRequiredAndWellFormed() {
        buy("{}", "lines");
        buy("{\"lines\":[]}", "lines");
        buy("{\"lines\":null}", "lines");
        buy("{\"lines\":[null]}", "lines[0]");
        buy("{\"lines\":[{}]}", "lines[0].sku");
        buy("{\"lines\":[{\"sku\":\"MOU-001\"}]}", "lines[0].quantity");
        buy("{\"lines\":[{\"quantity\":1}]}", "lines[0].sku");
        buy("{\"lines\":[{\"sku\":\"bad sku\",\"quantity\":1}]}", "lines[0].sku");
        buy("{\"lines\":[{\"sku\":\"" + "S".repeat(65) + "\",\"quantity\":1}]}", "lines[0].sku");
        buy("{\"lines\":[{\"sku\":12,\"quantity\":1}]}", "lines[0].sku");
        buy("{\"lines\":{\"sku\":\"MOU-001\",\"quantity\":1}}", "lines");
        buy("{\"reference\":5,\"lines\":[{\"sku\":\"MOU-001\",\"quantity\":1}]}", "reference");
        buy(
                "{\"reference\":\"" + "r".repeat(256) + "\",\"lines\":[{\"sku\":\"MOU-001\",\"quantity\":1}]}",
                "reference");
        StringBuilder many = new StringBuilder("{\"lines\":[");
        for (int i = 0; i < 501; i++) {
            many.append(i == 0 ? "" : ",").append("{\"sku\":\"S-").append(i).append("\",\"quantity\":1}");
        }
        buy(many.append("]}").toString(), "lines");
        assertUnchanged();
    }

    @Test
    void everyBadLineIsNamedAtOnce() {
        JsonNode problem = buy(
                "{\"lines\":[{\"sku\":\"MOU-001\",\"quantity\":0},{\"sku\":\"x y\",\"quantity\":1}]}",
                "lines[0].quantity");

        assertThat(Problems.fields(problem)).contains("lines[1].sku");
        assertUnchanged();
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        newProduct(GOOD_PRODUCT + ",\"colour\":\"red\"", "colour");
        newProduct(GOOD_PRODUCT + ",\"unitsSold\":5", "unitsSold");
        buy("{\"lines\":[{\"sku\":\"MOU-001\",\"quantity\":1,\"discount\":50}]}", "lines[0].discount");
        buy("{\"customer\":\"x\",\"lines\":[{\"sku\":\"MOU-001\",\"quantity\":1}]}", "customer");
        assertInvalid(api.post("/api/products/MOU-001/receipts", "{\"quantity\":1,\"cost\":3}"), "cost");
        patch("{\"colour\":\"red\"}", "colour");
        assertUnchanged();
    }

    @Test
    void duplicateKeysAreRefused() {
        assertProblem(api.post("/api/products", "{" + GOOD_PRODUCT + ",\"stock\":999}"), 400, "invalid-request");
        assertProblem(
                api.post("/api/purchases", "{\"lines\":[{\"sku\":\"MOU-001\",\"quantity\":1,\"quantity\":40}]}"),
                400,
                "invalid-request");
        assertProblem(api.patch("/api/products/MOU-001", "{\"name\":\"A\",\"name\":\"B\"}"), 400, "invalid-request");
        assertProblem(
                api.post("/api/products/MOU-001/receipts", "{\"quantity\":1,\"quantity\":2}"), 400, "invalid-request");
        assertUnchanged();
    }

    @Test
    void missingRequiredProductFieldsAreAllNamed() {
        JsonNode problem = newProduct("", "sku");
        assertThat(Problems.fields(problem)).contains("sku", "name", "price", "stock", "reorderThreshold");
        newProduct("\"name\":\"New\",\"price\":1,\"stock\":1,\"reorderThreshold\":0", "sku");
        newProduct("\"sku\":\"NEW-1\",\"price\":1,\"stock\":1,\"reorderThreshold\":0", "name");
        newProduct("\"sku\":\"NEW-1\",\"name\":\"New\",\"stock\":1,\"reorderThreshold\":0", "price");
        newProduct("\"sku\":\"NEW-1\",\"name\":\"New\",\"price\":1,\"reorderThreshold\":0", "stock");
        newProduct("\"sku\":\"NEW-1\",\"name\":\"New\",\"price\":1,\"stock\":1", "reorderThreshold");
        newProduct("\"sku\":null,\"name\":\"New\",\"price\":1,\"stock\":1,\"reorderThreshold\":0", "sku");
        assertUnchanged();
    }

    @Test
    void productNumbersOfTheWrongTypeOrRangeAreRefused() {
        newProduct("\"sku\":\"NEW-1\",\"name\":\"New\",\"price\":\"1.00\",\"stock\":1,\"reorderThreshold\":0", "price");
        newProduct("\"sku\":\"NEW-1\",\"name\":\"New\",\"price\":true,\"stock\":1,\"reorderThreshold\":0", "price");
        newProduct("\"sku\":\"NEW-1\",\"name\":\"New\",\"price\":-0.01,\"stock\":1,\"reorderThreshold\":0", "price");
        newProduct("\"sku\":\"NEW-1\",\"name\":\"New\",\"price\":1.001,\"stock\":1,\"reorderThreshold\":0", "price");
        newProduct("\"sku\":\"NEW-1\",\"name\":\"New\",\"price\":1e400,\"stock\":1,\"reorderThreshold\":0", "price");
        newProduct(
                "\"sku\":\"NEW-1\",\"name\":\"New\",\"price\":1000000000000,\"stock\":1,\"reorderThreshold\":0",
                "price");
        newProduct("\"sku\":\"NEW-1\",\"name\":\"New\",\"price\":1,\"stock\":1.5,\"reorderThreshold\":0", "stock");
        newProduct("\"sku\":\"NEW-1\",\"name\":\"New\",\"price\":1,\"stock\":\"1\",\"reorderThreshold\":0", "stock");
        newProduct("\"sku\":\"NEW-1\",\"name\":\"New\",\"price\":1,\"stock\":-1,\"reorderThreshold\":0", "stock");
        newProduct(
                "\"sku\":\"NEW-1\",\"name\":\"New\",\"price\":1,\"stock\":1000000001,\"reorderThreshold\":0", "stock");
        newProduct(
                "\"sku\":\"NEW-1\",\"name\":\"New\",\"price\":1,\"stock\":99999999999999999999,\"reorderThreshold\":0",
                "stock");
        newProduct(
                "\"sku\":\"NEW-1\",\"name\":\"New\",\"price\":1,\"stock\":1,\"reorderThreshold\":-1",
                "reorderThreshold");
        newProduct(
                "\"sku\":\"NEW-1\",\"name\":\"New\",\"price\":1,\"stock\":1,\"reorderThreshold\":false",
                "reorderThreshold");
        newProduct(GOOD_PRODUCT + ",\"cost\":-1", "cost");
        newProduct(GOOD_PRODUCT + ",\"cost\":\"cheap\"", "cost");
        newProduct(GOOD_PRODUCT + ",\"reorderQuantity\":0", "reorderQuantity");
        newProduct(GOOD_PRODUCT + ",\"leadTimeDays\":-1", "leadTimeDays");
        newProduct(GOOD_PRODUCT + ",\"leadTimeDays\":3651", "leadTimeDays");
        newProduct(GOOD_PRODUCT + ",\"leadTimeDays\":3000000000", "leadTimeDays");
        newProduct(GOOD_PRODUCT + ",\"leadTimeDays\":1.5", "leadTimeDays");
        assertUnchanged();
    }

    @Test
    void productTextIsCheckedForLengthControlCharactersAndPattern() {
        newProduct(
                "\"sku\":\"NEW-1\",\"name\":\"" + "n".repeat(201) + "\",\"price\":1,\"stock\":1,\"reorderThreshold\":0",
                "name");
        newProduct("\"sku\":\"NEW-1\",\"name\":\"bell\\u0007\",\"price\":1,\"stock\":1,\"reorderThreshold\":0", "name");
        newProduct(
                "\"sku\":\"NEW-1\",\"name\":\"line\\nbreak\",\"price\":1,\"stock\":1,\"reorderThreshold\":0", "name");
        newProduct("\"sku\":\"NEW-1\",\"name\":\"nul\\u0000\",\"price\":1,\"stock\":1,\"reorderThreshold\":0", "name");
        newProduct(
                "\"sku\":\"NEW-1\",\"name\":\"rtl\\u202Eevil\",\"price\":1,\"stock\":1,\"reorderThreshold\":0", "name");
        newProduct("\"sku\":\"NEW-1\",\"name\":\"   \",\"price\":1,\"stock\":1,\"reorderThreshold\":0", "name");
        newProduct("\"sku\":\"NEW-1\",\"name\":\"\",\"price\":1,\"stock\":1,\"reorderThreshold\":0", "name");
        newProduct("\"sku\":\"NEW-1\",\"name\":42,\"price\":1,\"stock\":1,\"reorderThreshold\":0", "name");
        for (String sku :
                new String[] {"", "has space", "ümlaut", "semi;colon", "slash/sku", "S".repeat(65), "tab\\t"}) {
            newProduct(
                    "\"sku\":\"" + sku + "\",\"name\":\"New\",\"price\":1,\"stock\":1,\"reorderThreshold\":0", "sku");
        }
        newProduct(GOOD_PRODUCT + ",\"supplier\":\"" + "s".repeat(201) + "\"", "supplier");
        newProduct(GOOD_PRODUCT + ",\"barcode\":\"" + "1".repeat(65) + "\"", "barcode");
        newProduct(GOOD_PRODUCT + ",\"supplier\":\"a\\u0001b\"", "supplier");
        assertUnchanged();
    }

    @Test
    void aNameOfExactly200CharactersIsAccepted() {
        String name = "\uD83D\uDCE6".repeat(200);

        Api.Response added = api.post(
                "/api/products",
                "{\"sku\":\"BOX-1\",\"name\":\"" + name + "\",\"price\":1,\"stock\":1,\"reorderThreshold\":0}");

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("name").asString()).isEqualTo(name);
    }

    @Test
    void badPatchesAreRefused() {
        patch("{\"price\":\"12.00\"}", "price");
        patch("{\"price\":-1}", "price");
        patch("{\"price\":1.001}", "price");
        patch("{\"reorderThreshold\":1.5}", "reorderThreshold");
        patch("{\"reorderThreshold\":\"3\"}", "reorderThreshold");
        patch("{\"reorderThreshold\":-1}", "reorderThreshold");
        patch("{\"reorderThreshold\":99999999999999999999999}", "reorderThreshold");
        patch("{\"leadTimeDays\":99999999999}", "leadTimeDays");
        patch("{\"reorderQuantity\":0}", "reorderQuantity");
        patch("{\"name\":\"" + "n".repeat(201) + "\"}", "name");
        patch("{\"name\":\"tab\\there\"}", "name");
        patch("{\"name\":\"\"}", "name");
        patch("{\"name\":7}", "name");
        patch("{\"supplier\":true}", "supplier");
        patch("{\"supplier\":\"ok\",\"cost\":\"free\"}", "cost");
        assertUnchanged();
    }

    @Test
    void badQueryParametersAreRefused() {
        assertInvalid(api.get("/api/products?page=-1"), "page");
        assertInvalid(api.get("/api/products?page=x"), "page");
        assertInvalid(api.get("/api/products?page=99999999999"), "page");
        assertInvalid(api.get("/api/products?size=0"), "size");
        assertInvalid(api.get("/api/products?size=501"), "size");
        assertInvalid(api.get("/api/products?lowStock=maybe"), "lowStock");
        assertInvalid(api.get("/api/products?archived=2"), "archived");
        assertInvalid(api.get("/api/purchases?from=2026-13-01"), "from");
        assertInvalid(api.get("/api/purchases?to=25/11/2026"), "to");
        assertInvalid(api.get("/api/purchases?size=-5"), "size");
        assertInvalid(api.get("/api/alerts?status=closed"), "status");
        assertInvalid(api.get("/api/reports/sales?from=2026-11-31"), "from");
        assertUnchanged();
    }

    @Test
    void datesThatIsoReadsButNoDayOfTheStoreCanBeAreRefusedNotFailed() {
        // %2B is "+": ISO dates may carry a sign and up to nine digits of year.
        for (String date :
                new String[] {"%2B300000000-01-01", "%2B999999999-12-31", "-999999999-01-01", "0000-12-31"}) {
            for (String query : new String[] {
                "/api/purchases?from=", "/api/purchases?to=",
                "/api/reports/sales?from=", "/api/reports/sales?to=",
                "/api/reports/sales/daily?from=", "/api/reports/sales/daily?to=",
                "/api/products/MOU-001/movements?from=", "/api/products/MOU-001/movements?to=",
                "/api/exports/movements?from=", "/api/exports/movements?to="
            }) {
                assertInvalid(api.get(query + date), query.substring(query.indexOf('?') + 1, query.length() - 1));
            }
            assertThat(api.get("/sales?from=" + date).status())
                    .as("the sales page")
                    .isEqualTo(400);
            assertThat(api.get("/reports?to=" + date).status())
                    .as("the reports page")
                    .isEqualTo(400);
        }
        assertThat(api.get("/api/purchases?from=9999-12-31&to=9999-12-31").status())
                .as("the last day of the range is a day like any other")
                .isEqualTo(200);
        assertUnchanged();
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() {
        Map<String, String> text = Map.of("Content-Type", "text/plain");
        assertProblem(api.send("POST", "/api/products", "{" + GOOD_PRODUCT + "}", text), 415, "unsupported-media-type");
        assertProblem(api.send("POST", "/api/purchases", purchase("MOU-001", 1), text), 415, "unsupported-media-type");
        assertProblem(
                api.send(
                        "PATCH",
                        "/api/products/MOU-001",
                        "{\"name\":\"x\"}",
                        Map.of("Content-Type", "application/xml")),
                415,
                "unsupported-media-type");
        assertProblem(
                api.send(
                        "POST",
                        "/api/products/MOU-001/receipts",
                        "quantity=1",
                        Map.of("Content-Type", "application/x-www-form-urlencoded")),
                415,
                "unsupported-media-type");
        assertUnchanged();
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        assertProblem(api.get("/api/nothing-here"), 404, "not-found");
        assertProblem(
                api.send("PUT", "/api/products/MOU-001", "{\"name\":\"x\"}", Map.of()), 405, "method-not-allowed");
        assertProblem(api.delete("/api/purchases"), 405, "method-not-allowed");
        assertUnchanged();
    }

    @Test
    void aVeryLargeBodyIsRefusedWithoutHarm() {
        String huge = "{" + GOOD_PRODUCT + ",\"supplier\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";

        assertInvalid(api.post("/api/products", huge), "body");
        assertInvalid(api.post("/api/purchases", huge), "body");
        assertUnchanged();
    }

    @Test
    void aLargeBodyWithoutALengthIsRefusedOnceItPassesTheLimit() throws Exception {
        byte[] chunk = " ".repeat(64 * 1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/products"))
                .header("Content-Type", "application/json")
                .header("Authorization", adminAuthorization())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.SequenceInputStream(java.util.Collections.enumeration(
                                java.util.Collections.nCopies(40, new java.io.ByteArrayInputStream(chunk))))))
                .build();

        var answer = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertInvalid(new Api.Response(answer.statusCode(), answer.headers().map(), answer.body()), "body");
        assertUnchanged();
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        String padded = "{" + GOOD_PRODUCT + "}" + " ".repeat(1024 * 1024 - 200);

        assertThat(api.post("/api/products", padded).status()).isEqualTo(201);
    }

    @Test
    void aDeeplyNestedBodyIsRefused() {
        String deep = "{\"lines\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertProblem(api.post("/api/purchases", deep), 400, "invalid-request");
        assertUnchanged();
    }

    @Test
    void anUnknownStatusFilterIsA400ThatListsTheStatusesInEveryCase() {
        Map<String, String> filters = Map.of(
                "/api/alerts?status=", "must be one of open, resolved, all",
                "/api/reservations?status=", "must be one of active, committed, released, expired",
                "/api/purchase-orders?status=", "must be one of draft, sent, partially_received, received, cancelled");
        filters.forEach((filter, choices) -> {
            JsonNode problem = assertInvalid(api.get(filter + "bogus"), "status");
            assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo(choices);
        });

        assertThat(api.get("/api/alerts?status=%20Resolved%20").status()).isEqualTo(200);
        assertThat(api.get("/api/reservations?status=COMMITTED").status()).isEqualTo(200);
        assertThat(api.get("/api/purchase-orders?status=partially_received").status())
                .isEqualTo(200);
    }
}
