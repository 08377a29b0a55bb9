package org.stockroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

/** A browser gets error pages in HTML; the API and clients that do not ask for HTML keep Problem Details. */
class ErrorPagesTests extends ApiTestSupport {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void aBrowserAskingForAnUnknownAddressGetsAnHtmlNotFoundPage() {
        Api.Response missing = browser().get("/no/such/page");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("text/html");
        assertThat(missing.text())
                .contains("<h1>Not found</h1>")
                .contains("There is no page at this address")
                .contains("<nav id=\"main-nav\" aria-label=\"Main\">")
                .doesNotContain("NoResourceFoundException")
                .doesNotContain("static resource");
    }

    @Test
    void aBrowserAskingForAnUnknownProductGetsAnHtmlNotFoundPage() {
        Api.Response missing = browser().get("/products/NOPE");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("text/html");
        assertThat(missing.text()).contains("<h1>Not found</h1>").contains("No product with SKU NOPE");
    }

    @Test
    void aPageAddressUsedWithTheWrongMethodIsAnHtmlPage() {
        api.post("/api/products", product("CUP", "3.00", 2, 1));

        Api.Response wrong = browser().get("/products/CUP/archive");

        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.contentType()).startsWith("text/html");
        assertThat(wrong.text()).contains("does not take that kind of request");
    }

    @Test
    void theApiKeepsProblemDetailsForAnUnknownAddressEvenForABrowser() {
        Api.Response missing = browser().get("/api/no/such/thing");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("code").asString()).isEqualTo("not-found");
    }

    @Test
    void aClientThatDoesNotAskForHtmlKeepsProblemDetailsForAnUnknownAddress() {
        Api.Response missing = api.withHeader("Accept", "application/json").get("/no/such/page");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("code").asString()).isEqualTo("not-found");
    }

    @Test
    void anUnexpectedFailureIsAGenericPageThatTellsNothingOfInternals() {
        ErrorPage page = ErrorPage.of(new IllegalStateException("SELECT secret FROM internals"));

        assertThat(page.status()).isEqualTo(500);
        assertThat(page.title()).isEqualTo("Something went wrong");
        assertThat(page.message()).doesNotContain("secret").doesNotContain("nothing was changed");
    }

    private Api browser() {
        return api.withHeader("Accept", BROWSER_ACCEPT);
    }
}
