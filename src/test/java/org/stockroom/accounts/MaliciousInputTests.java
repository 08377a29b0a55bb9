package org.stockroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

/**
 * Hostile input: every refusal is a 4xx Problem Details and changes nothing; text that is
 * allowed (names, notes) is stored as the very text that was sent, never run as SQL.
 */
class MaliciousInputTests extends ApiTestSupport {

    private static final List<String> HOSTILE = List.of(
            "'; DROP TABLE product; --",
            "\" OR \"1\"=\"1",
            "1' OR '1'='1' /*",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "{{7*7}}${7*7}",
            "../../etc/passwd",
            "=HYPERLINK(\"http://evil.example\")");

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aProduct() {
        assertThat(api.post("/api/products", product("SAFE-1", "10.00", 10, 1)).status())
                .isEqualTo(201);
    }

    @Test
    void hostileTextInFreeTextFieldsIsStoredVerbatim() {
        for (String text : HOSTILE) {
            String sku = "T-" + Math.abs(text.hashCode());
            Api.Response created = api.post(
                    "/api/products",
                    "{\"sku\":\"" + sku + "\",\"name\":" + json(text) + ",\"price\":1,"
                            + "\"stock\":5,\"reorderThreshold\":0,\"supplier\":" + json(text) + ",\"barcode\":"
                            + json(text) + "}");
            assertThat(created.status()).as(text).isEqualTo(201);
            assertThat(api.get("/api/products/" + sku).json().get("name").asString())
                    .isEqualTo(text);
            assertThat(api.patch("/api/products/" + sku, "{\"name\":" + json(text + "!") + "}")
                            .json()
                            .get("name")
                            .asString())
                    .isEqualTo(text + "!");
            assertThat(api.post("/api/products/" + sku + "/receipts", "{\"quantity\":1,\"note\":" + json(text) + "}")
                            .json()
                            .get("note")
                            .asString())
                    .isEqualTo(text);
            assertThat(api.post(
                                    "/api/purchases",
                                    "{\"reference\":" + json(text) + ",\"lines\":[{\"sku\":\"" + sku
                                            + "\",\"quantity\":1}]}")
                            .json()
                            .get("reference")
                            .asString())
                    .isEqualTo(text);
            assertThat(api.get("/api/products?q=" + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8))
                            .status())
                    .isEqualTo(200);
            assertThat(api.post("/api/tokens", "{\"name\":" + json(text) + ",\"role\":\"VIEWER\"}")
                            .json()
                            .get("name")
                            .asString())
                    .isEqualTo(text);
        }
        assertThat(count("product")).isEqualTo(1 + HOSTILE.size());
    }

    @Test
    void hostileTextWhereOnlyAPatternIsAllowedIsRefusedAndChangesNothing() {
        for (String text : HOSTILE) {
            assertThat(api.post(
                                    "/api/products",
                                    "{\"sku\":" + json(text)
                                            + ",\"name\":\"x\",\"price\":1,\"stock\":1,\"reorderThreshold\":0}")
                            .status())
                    .as("sku %s", text)
                    .isEqualTo(400);
            assertThat(api.post("/api/purchases", "{\"lines\":[{\"sku\":" + json(text) + ",\"quantity\":1}]}")
                            .status())
                    .as("purchase of %s", text)
                    .isBetween(400, 499);
            assertThat(api.post(
                                    "/api/users",
                                    "{\"username\":" + json(text)
                                            + ",\"password\":\"a-long-user-password\",\"role\":\"VIEWER\"}")
                            .status())
                    .as("username %s", text)
                    .isEqualTo(400);
            assertThat(api.post("/api/products/SAFE-1/receipts", "{\"quantity\":" + json(text) + "}")
                            .status())
                    .isEqualTo(400);
        }
        assertUnchanged();
    }

    @Test
    void pathTraversalInSkuPathsIsRefused() {
        for (String path : List.of(
                "/api/products/..%2F..%2Fetc%2Fpasswd",
                "/api/products/%2e%2e%2fusers",
                "/api/products/../users",
                "/api/products/SAFE-1%00",
                "/api/products/..;/users",
                "/api/products/%252e%252e%252fusers/movements")) {
            Api.Response response = api.send("GET", path, null, java.util.Map.of());
            assertThat(response.status()).as(path).isBetween(400, 404);
            assertThat(response.text()).as(path).doesNotContain("passwordHash").doesNotContain("\"username\"");
        }
        assertThat(api.send("POST", "/api/products/..%2FSAFE-1/receipts", "{\"quantity\":5}", java.util.Map.of())
                        .status())
                .isBetween(400, 404);
        assertUnchanged();
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        Api.Response response = api.post(
                "/api/products",
                "{\"sku\":\"DEEP-1\",\"name\":" + deep + ",\"price\":1,\"stock\":1,\"reorderThreshold\":0}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalid-request");
        assertUnchanged();
    }

    @Test
    void anOversizedBodyIsRefused() {
        String name = "x".repeat(3 * 1024 * 1024);
        Api.Response response = api.post(
                "/api/products",
                "{\"sku\":\"BIG-1\",\"name\":\"" + name + "\",\"price\":1,\"stock\":1,\"reorderThreshold\":0}");

        assertThat(response.status()).isBetween(400, 413);
        assertUnchanged();
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"sku\":\"UTF-1\",\"name\":\"".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
        body.writeBytes("\",\"price\":1,\"stock\":1,\"reorderThreshold\":0}".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/products"))
                .header("Content-Type", "application/json")
                .header("Authorization", adminAuthorization())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertUnchanged();
    }

    @Test
    void controlCharactersInNamesAreRefused() {
        assertThat(api.post(
                                "/api/products",
                                "{\"sku\":\"CTL-1\",\"name\":\"a\\u0000b\",\"price\":1,\"stock\":1,\"reorderThreshold\":0}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/tokens", "{\"name\":\"a\\u001bb\",\"role\":\"VIEWER\"}")
                        .status())
                .isEqualTo(400);
        assertUnchanged();
    }

    private void assertUnchanged() {
        assertThat(count("product")).isEqualTo(1);
        assertThat(count("purchase")).isZero();
        assertThat(count("api_token")).isZero();
        assertThat(count("app_user")).isEqualTo(1);
        assertThat(api.get("/api/products/SAFE-1").json().get("stock").asLong()).isEqualTo(10);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
