package org.stockroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.web.Forms.field;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

class ChannelPagesTests extends ApiTestSupport {

    private Forms forms;

    @BeforeEach
    void forms() {
        forms = new Forms(port);
    }

    @Test
    void aStorefrontConnectedHereIsShownWithItsWebhookAddressAndNeverItsSecrets() {
        assertThat(api.get("/settings/channels").text()).contains("id=\"no-channels\"");

        Api.Response connected = forms.post(
                "/settings/channels",
                List.of(
                        field("type", "woocommerce"),
                        field("name", "Corner <shop>"),
                        field("siteUrl", "http://127.0.0.1:9"),
                        field("consumerKey", "ck_page_key"),
                        field("consumerSecret", "cs_page_secret"),
                        field("webhookSecret", "page-webhook-secret")));

        assertThat(connected.status()).as(connected.text()).isEqualTo(302);
        String id = api.get("/api/channels").json().get(0).path("id").asString();
        assertThat(connected.header("Location")).endsWith("/settings/channels/" + id + "?connected");
        String detail = api.get("/settings/channels/" + id).text();
        assertThat(detail)
                .contains("Corner &lt;shop&gt;")
                .doesNotContain("Corner <shop>")
                .contains("/api/channels/" + id + "/webhooks")
                .contains("id=\"channel-status\">CONNECTED<");
        String list = api.get("/settings/channels").text();
        assertThat(list + detail).doesNotContain("ck_page_key", "cs_page_secret", "page-webhook-secret");

        assertThat(forms.post("/settings/channels/" + id + "/sync", List.of()).header("Location"))
                .endsWith("?syncing");
        assertThat(forms.post("/settings/channels/" + id + "/disconnect", List.of())
                        .header("Location"))
                .endsWith("/settings/channels?disconnected");
        assertThat(api.get("/api/channels").json()).isEmpty();
    }

    @Test
    void aRefusedConnectFormSaysWhyAndEchoesNoSecret() {
        Api.Response refused = forms.post(
                "/settings/channels",
                List.of(
                        field("type", "shopify"),
                        field("name", ""),
                        field("shopDomain", "example.myshopify.com"),
                        field("accessToken", "shpat_should_not_echo"),
                        field("webhookSecret", "")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text())
                .contains("id=\"name-error\"")
                .contains("id=\"locationId-error\"")
                .contains("value=\"example.myshopify.com\"")
                .doesNotContain("shpat_should_not_echo");
        assertThat(api.get("/api/channels").json()).isEmpty();
    }
}
