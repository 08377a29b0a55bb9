package org.stockroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

/** The import page as a browser without JavaScript uses it: a multipart form post. */
class ImportPagesTests extends ApiTestSupport {

    @Test
    void checkingAFileShowsWhatWouldChangeAndImportsNothing() {
        api.post("/api/products", product("A-1", "1.00", 5, 1));

        Api.Response page = upload("sku,name,price,stock\nA-1,A-1 product,1.50,5\nN-1,New,2.00,3\n", "check");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text())
                .contains("What this file would do")
                .contains("1 new, 1 changed")
                .contains("<td>price</td>");
        assertThat(api.get("/api/products/A-1").json().get("price").decimalValue())
                .isEqualByComparingTo("1.00");
    }

    @Test
    void importingAFileWithAnInvalidRowListsItAndImportsNothing() {
        Api.Response page = upload("sku,name,price\nA-1,Apple,1.00\nB-2,Banana,cheap\n", "import");

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.text()).contains("Invalid rows").contains("<td>3</td>");
        assertThat(api.get("/api/products").json().get("total").asLong()).isZero();
    }

    @Test
    void aPictureLeftOutOfAStorefrontsFileIsListedWithItsLine() {
        Api.Response page = upload(
                "ID,Type,SKU,Name,Stock,Regular price,Images\n12,simple,MUG,Mug,4,7.50,ftp://shop.example/mug.jpg\n",
                "check");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text())
                .contains("Left out of the products")
                .containsPattern("<td>2</td><td>picture left out: its address must be an http or https address");
    }

    @Test
    void aCheckSaysWhichNewProductsGetTheStoreDefaultsAndWhichStockTheStorefrontDidNotCount() {
        Api.Response page = upload(
                "ID,Type,SKU,Name,Stock,In stock?,Low stock amount,Regular price\n"
                        + "12,simple,MUG,Mug,4,1,,7.50\n"
                        + "13,simple,TEA,Tea,,1,2,3.00\n",
                "check");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text())
                .contains("Store defaults given")
                .contains("1 new product(s) had no reorder threshold in the file and would get the store&#39;s:"
                        + " threshold 0 (Settings).")
                .contains("Stock the storefront did not count")
                .contains("1 new product(s) would come in with stock 0");
        assertThat(page.text().replaceAll("\\s+", " "))
                .containsPattern("id=\"defaults-applied\".*<p class=\"muted\">MUG</p>")
                .containsPattern("id=\"untracked\".*<p class=\"muted\">TEA</p>");
        assertThat(api.get("/api/products").json().get("total").asLong()).isZero();
    }

    @Test
    void anImportCanBeUndoneFromThePage() {
        Api.Response imported = upload("sku,name,price,stock\nN-1,New,2.00,3\n", "import");
        assertThat(imported.text()).contains("Undo this import");
        String action = imported.text().replaceAll("(?s).*action=\"(/imports/[^\"]+/undo)\".*", "$1");

        Api.Response undone = api.send("POST", action, "", Map.of("Content-Type", "application/x-www-form-urlencoded"));

        assertThat(undone.text()).contains("Import undone");
        assertThat(api.get("/api/products/N-1").json().get("archived").asBoolean())
                .isTrue();
    }

    private Api.Response upload(String csv, String action) {
        String boundary = "----stockroom" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\n" + action + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"catalog.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return api.send("POST", "/imports", body, Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
    }
}
