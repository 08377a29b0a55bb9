package org.stockroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

/** Scripts and styles are served, and the links a page builds reach the browser as written. */
class StaticResourcesTests extends ApiTestSupport {

    @Test
    void webJarsAndOwnScriptsAreServedAndPageLinksAreLeftAsWritten() {
        Api.Response htmx = api.get("/webjars/htmx.org/dist/htmx.min.js");
        assertThat(htmx.status()).isEqualTo(200);
        assertThat(htmx.text()).contains("htmx");
        assertThat(api.get("/css/app.css").status()).isEqualTo(200);
        assertThat(api.get("/js/app.js").status()).isEqualTo(200);
        api.post("/api/products", product("LAP-1", "10.00", 5, 1));

        String page = api.get("/products").text();

        assertThat(page)
                .contains("href=\"/products/LAP-1\"")
                .contains("src=\"/webjars/htmx.org/dist/htmx.min.js\"")
                .contains("href=\"/css/app.css\"");
    }
}
