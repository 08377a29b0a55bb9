package org.stockroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.web.Forms.field;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import org.stockroom.testing.TestMail;

class SettingsPageTests extends ApiTestSupport {

    private Forms forms;

    @BeforeEach
    void forms() {
        forms = new Forms(port);
    }

    @Test
    void theSettingsShowTheStoresCurrencyTimeZoneAndAlertEmail() {
        String html = api.get("/settings").text();

        assertThat(html)
                .contains("USD (US Dollar)")
                .contains("id=\"timezone\">UTC<")
                .contains("<ul id=\"email-recipients\"><li>" + TestMail.OWNER + "</li></ul>");
    }

    @Test
    void aWebhookAddedHereShowsItsSecretOnceAndItsTestEventInTheDeliveryLog() {
        Api.Response added = forms.post(
                "/settings/webhooks",
                List.of(
                        field("url", "http://127.0.0.1:9/hooks"),
                        field("events", "alert.raised"),
                        field("events", "alert.resolved"),
                        field("description", "Shop sync")));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.text())
                .containsPattern("id=\"webhook-secret\">whsec_[A-Za-z0-9+/=]+<")
                .contains("http://127.0.0.1:9/hooks");
        assertThat(api.get("/settings").text()).doesNotContain("whsec_").contains("alert.raised, alert.resolved");
        String id = api.get("/api/webhooks").json().get(0).get("id").asString();

        Api.Response tested = forms.post("/settings/webhooks/" + id + "/test", List.of());

        assertThat(tested.status()).isEqualTo(302);
        assertThat(tested.header("Location")).endsWith("/settings/webhooks/" + id + "?tested");
        assertThat(api.get("/settings/webhooks/" + id).text())
                .contains("id=\"deliveries\"")
                .contains("webhook.test");
    }

    @Test
    void aRefusedWebhookFormSaysWhyBesideTheFieldsAndAddsNothing() {
        Api.Response refused =
                forms.post("/settings/webhooks", List.of(field("url", "not a url"), field("description", "")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text())
                .contains("id=\"url-error\"")
                .contains("id=\"events-error\"")
                .contains("value=\"not a url\"");
        assertThat(api.get("/api/webhooks").json().size()).isZero();
    }
}
