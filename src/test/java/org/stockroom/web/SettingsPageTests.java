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

    @Test
    void anOwnerSetsTheTimeZoneCurrencyDisplayAndAlertEmailsAndPagesAndMailFollowThem() throws Exception {
        api.post("/api/products", product("SET-MAIL", "1234.50", 10, 2));
        try {
            Api.Response saved =
                    forms.post("/settings", storeSettings("SYMBOL", "America/New_York", "buyer@shop.test", "3", "12"));

            assertThat(saved.status()).isEqualTo(302);
            assertThat(saved.header("Location")).endsWith("/settings?saved");
            String page = api.get("/settings").text();
            assertThat(page)
                    .contains("id=\"timezone\">America/New_York<")
                    .contains("<ul id=\"email-recipients\"><li>buyer@shop.test</li></ul>")
                    .contains("value=\"12\"");
            assertThat(api.get("/products/SET-MAIL").text())
                    .contains("$1,234.50")
                    .doesNotContain("USD 1,234.50");
            assertThat(api.get("/api/audit").text()).contains("settings.changed");

            api.post("/api/purchases", purchase("SET-MAIL", 8));
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> !TestMail.withSubjectContaining("SET-MAIL").isEmpty());
            assertThat(TestMail.withSubjectContaining("SET-MAIL")
                            .get(0)
                            .getAllRecipients()[0]
                            .toString())
                    .isEqualTo("buyer@shop.test");
        } finally {
            forms.post("/settings", storeSettings("", "", "", "", ""));
        }
        assertThat(api.get("/settings").text()).contains("id=\"timezone\">UTC<");
    }

    @Test
    void aRefusedSettingsFormSaysWhyBesideEachFieldAndSavesNothing() {
        Api.Response refused =
                forms.post("/settings", storeSettings("SYMBOL", "Mars/Olympus", "not-an-email", "-1", "0"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text())
                .contains("id=\"timeZone-error\"")
                .contains("id=\"alertEmails-error\"")
                .contains("id=\"defaultReorderThreshold-error\"")
                .contains("id=\"defaultReorderQuantity-error\"")
                .contains("value=\"Mars/Olympus\"");
        assertThat(api.get("/settings").text()).contains("id=\"timezone\">UTC<");
        assertThat(api.get("/api/audit").text()).doesNotContain("settings.changed");
    }

    @Test
    void onlyTheOwnerMayChangeSettings() {
        Api staff = as("clerk", "STAFF");

        assertThat(staff.get("/settings").status()).isEqualTo(403);
    }

    private static List<java.util.Map.Entry<String, String>> storeSettings(
            String display, String zone, String emails, String threshold, String quantity) {
        return List.of(
                field("currencyDisplay", display),
                field("timeZone", zone),
                field("alertEmails", emails),
                field("defaultReorderThreshold", threshold),
                field("defaultReorderQuantity", quantity));
    }
}
