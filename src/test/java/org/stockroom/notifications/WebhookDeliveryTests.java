package org.stockroom.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.ApiTestSupport;
import org.stockroom.testing.TestMail;
import tools.jackson.databind.JsonNode;

class WebhookDeliveryTests extends ApiTestSupport {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Autowired
    JdbcClient jdbc;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void anAlertsLifeSendsOneSignedWebhookPerTransitionAndOneEmailPerRaiseOrEscalation() throws Exception {
        String secret = register(receiver.url(), "alert.raised", "alert.escalated", "alert.resolved")
                .get("secret")
                .asString();
        api.post("/api/products", product("LIFE-1", "5.00", 10, 3));

        JsonNode bought = api.post("/api/purchases", purchase("LIFE-1", 7)).json();
        assertThat(bought.get("alerts").get(0).get("level").asString()).isEqualTo("LOW");
        await().atMost(DEADLINE).until(() -> receiver.requests().size() >= 1);
        WebhookReceiver.Request raised = receiver.requests().get(0);
        assertThat(SignatureCheck.valid(secret, raised)).as("signature").isTrue();
        JsonNode body = Json.read(raised.body());
        assertThat(body.get("type").asString()).isEqualTo("alert.raised");
        assertThat(body.get("id").asString()).isEqualTo(raised.header("webhook-id"));
        assertThat(body.get("data").get("alert").get("sku").asString()).isEqualTo("LIFE-1");
        assertThat(body.get("data").get("alert").get("level").asString()).isEqualTo("LOW");
        assertThat(body.get("data").get("product").get("stock").asLong()).isEqualTo(3);
        await().atMost(DEADLINE)
                .until(() -> TestMail.withSubjectContaining("LIFE-1").size() >= 1);
        String mail = TestMail.body(TestMail.withSubjectContaining("LIFE-1").get(0));
        assertThat(mail)
                .contains("Stock:                      3")
                .contains("Reorder threshold:          3")
                .contains("Suggested reorder quantity: 3");

        api.post("/api/purchases", purchase("LIFE-1", 1));
        api.post("/api/purchases", purchase("LIFE-1", 1));
        assertThat(queued("LIFE-1"))
                .as("notifications queued while the alert stays LOW")
                .isEqualTo(2);

        api.post("/api/purchases", purchase("LIFE-1", 1));
        await().atMost(DEADLINE)
                .until(() -> receiver.requestsOfType("alert.escalated").size() == 1);
        await().atMost(DEADLINE)
                .until(() ->
                        TestMail.withSubjectContaining("Out of stock: LIFE-1").size() == 1);

        assertThat(api.post("/api/products/LIFE-1/receipts", "{\"quantity\":20}")
                        .status())
                .isEqualTo(201);
        await().atMost(DEADLINE)
                .until(() -> receiver.requestsOfType("alert.resolved").size() == 1);
        WebhookReceiver.Request resolved =
                receiver.requestsOfType("alert.resolved").get(0);
        assertThat(SignatureCheck.valid(secret, resolved)).isTrue();
        assertThat(Json.read(resolved.body())
                        .get("data")
                        .get("product")
                        .get("stock")
                        .asLong())
                .isEqualTo(20);

        assertThat(queued("LIFE-1"))
                .as("raised, escalated, resolved webhooks and two emails")
                .isEqualTo(5);
        assertThat(receiver.requests())
                .extracting(r -> r.header("webhook-id"))
                .doesNotHaveDuplicates()
                .hasSize(3);
        assertThat(TestMail.withSubjectContaining("LIFE-1")).hasSize(2);
    }

    @Test
    void creatingAProductBelowItsThresholdChangingTheThresholdAndArchivingFollowTheSameRule() {
        register(receiver.url(), "alert.raised", "alert.escalated", "alert.resolved");
        api.post("/api/products", product("RULE-1", "5.00", 2, 3));
        api.post("/api/products", product("RULE-2", "5.00", 5, 3));
        assertThat(api.patch("/api/products/RULE-2", "{\"reorderThreshold\":5}").status())
                .isEqualTo(200);
        assertThat(api.patch("/api/products/RULE-2", "{\"reorderThreshold\":6}").status())
                .isEqualTo(200);
        assertThat(api.delete("/api/products/RULE-1").status()).isEqualTo(204);

        await().atMost(DEADLINE).until(() -> receiver.requests().size() == 3);
        assertThat(receiver.requests())
                .extracting(r -> Json.read(r.body()).get("type").asString() + " "
                        + Json.read(r.body())
                                .get("data")
                                .get("alert")
                                .get("sku")
                                .asString())
                .containsExactlyInAnyOrder("alert.raised RULE-1", "alert.raised RULE-2", "alert.resolved RULE-1");
        assertThat(queued("RULE-")).as("three webhooks and two emails").isEqualTo(5);
    }

    @Test
    void receiptsAreSentToEndpointsSubscribedToStockReceivedOnly() {
        register(receiver.url(), "stock.received");
        try (WebhookReceiver alertsOnly = new WebhookReceiver()) {
            register(alertsOnly.url(), "alert.raised");
            api.post("/api/products", product("REC-1", "5.00", 10, 3));
            api.post("/api/products/REC-1/receipts", "{\"quantity\":5,\"note\":\"PO-77\"}");

            await().atMost(DEADLINE).until(() -> receiver.requests().size() == 1);
            JsonNode data = Json.read(receiver.requests().get(0).body()).get("data");
            assertThat(data.get("receipt").get("quantity").asLong()).isEqualTo(5);
            assertThat(data.get("receipt").get("note").asString()).isEqualTo("PO-77");
            assertThat(data.get("product").get("stock").asLong()).isEqualTo(15);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE event_type = 'stock.received'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReceiverAnswering500ThreeTimesGetsTheEventOnTheFourthAttemptWithTheSameId() throws Exception {
        receiver.answering(500, 500, 500);
        double retriesBefore = deliveries("retry");
        double deliveredBefore = deliveries("delivered");
        JsonNode hook = register(receiver.url(), "alert.raised");
        api.post("/api/products", product("RETRY-1", "5.00", 5, 3));
        api.post("/api/purchases", purchase("RETRY-1", 2));

        await().atMost(DEADLINE)
                .until(() -> delivery(hook).get("status").asString().equals("DELIVERED"));
        List<WebhookReceiver.Request> attempts = receiver.requests();
        assertThat(attempts).hasSize(4);
        assertThat(attempts)
                .extracting(r -> r.header("webhook-id"))
                .containsOnly(attempts.get(0).header("webhook-id"));
        assertThat(attempts)
                .extracting(WebhookReceiver.Request::body)
                .containsOnly(attempts.get(0).body());
        for (WebhookReceiver.Request attempt : attempts) {
            assertThat(SignatureCheck.valid(hook.get("secret").asString(), attempt))
                    .isTrue();
        }
        JsonNode delivery = delivery(hook);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
        assertThat(delivery.get("responseCode").asInt()).isEqualTo(200);
        assertThat(delivery.get("messageId").asString())
                .isEqualTo(attempts.get(0).header("webhook-id"));

        // Counted by result; other tests' deliveries may still be under way, so at least these.
        assertThat(deliveries("retry") - retriesBefore).isGreaterThanOrEqualTo(3.0);
        assertThat(deliveries("delivered") - deliveredBefore).isGreaterThanOrEqualTo(1.0);
    }

    /** {@code stockroom_notifications_deliveries_total{channel="webhook", result}} from the scrape; 0 when absent. */
    private double deliveries(String result) {
        var scrape = api.get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        var line = java.util.regex.Pattern.compile("(?m)^stockroom_notifications_deliveries_total\\{([^}]*)} (\\S+)$")
                .matcher(scrape.text());
        while (line.find()) {
            if (line.group(1).contains("channel=\"webhook\"") && line.group(1).contains("result=\"" + result + "\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }

    @Test
    void goneDisablesTheEndpointAtOnceAndTellsTheOwner() {
        receiver.alwaysAnswering(410);
        JsonNode hook = register(receiver.url(), "alert.raised", "alert.escalated");
        api.post("/api/products", product("GONE-1", "5.00", 5, 3));
        api.post("/api/purchases", purchase("GONE-1", 2));

        await().atMost(DEADLINE).until(() -> webhook(hook).get("disabled").asBoolean());
        assertThat(receiver.requests()).hasSize(1);
        assertThat(webhook(hook).get("disabledReason").asString()).contains("410");
        assertThat(delivery(hook).get("status").asString()).isEqualTo("FAILED");
        await().atMost(DEADLINE)
                .until(() -> !TestMail.withSubjectContaining("Webhook disabled: " + receiver.url())
                        .isEmpty());

        api.post("/api/purchases", purchase("GONE-1", 3));
        assertThat(api.get("/api/webhooks/" + hook.get("id").asString() + "/deliveries")
                        .json()
                        .get("total")
                        .asLong())
                .as("nothing is queued for a disabled endpoint")
                .isEqualTo(1);
    }

    @Test
    void anEndpointFailingForTheWholeScheduleIsDisabledAndTheOwnerIsTold() {
        receiver.alwaysAnswering(503);
        JsonNode hook = register(receiver.url(), "alert.raised");
        api.post("/api/products", product("DOWN-1", "5.00", 5, 3));
        api.post("/api/purchases", purchase("DOWN-1", 2));

        await().atMost(DEADLINE).until(() -> webhook(hook).get("disabled").asBoolean());
        assertThat(receiver.requests())
                .as("the first attempt and one per wait of the schedule")
                .hasSize(5);
        JsonNode delivery = delivery(hook);
        assertThat(delivery.get("status").asString()).isEqualTo("FAILED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(5);
        assertThat(delivery.get("responseCode").asInt()).isEqualTo(503);
        assertThat(webhook(hook).get("disabledReason").asString())
                .contains("whole retry schedule")
                .contains("HTTP 503");
        await().atMost(DEADLINE)
                .until(() -> !TestMail.withSubjectContaining("Webhook disabled: " + receiver.url())
                        .isEmpty());

        assertThat(api.post("/api/webhooks/" + hook.get("id").asString() + "/enable", null)
                        .json()
                        .get("disabled")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aTestEventReachesTheEndpointSigned() throws Exception {
        JsonNode hook = register(receiver.url(), "alert.resolved");
        var answer = api.post("/api/webhooks/" + hook.get("id").asString() + "/test", null);
        assertThat(answer.status()).isEqualTo(202);

        await().atMost(DEADLINE).until(() -> receiver.requests().size() == 1);
        WebhookReceiver.Request request = receiver.requests().get(0);
        assertThat(Json.read(request.body()).get("type").asString()).isEqualTo("webhook.test");
        assertThat(request.header("webhook-id"))
                .isEqualTo(answer.json().get("messageId").asString());
        assertThat(SignatureCheck.valid(hook.get("secret").asString(), request)).isTrue();
    }

    @Test
    void registrationShowsTheSecretOnceAndRefusesBadInput() {
        var created = api.post(
                "/api/webhooks",
                "{\"url\":\"" + receiver.url() + "\",\"events\":[\"alert.raised\"],\"description\":\"shop\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location"))
                .isEqualTo("/api/webhooks/" + created.json().get("id").asString());
        assertThat(created.json().get("secret").asString()).startsWith("whsec_");
        assertThat(api.get("/api/webhooks").text()).doesNotContain("whsec_").contains("shop");

        var ftp = api.post("/api/webhooks", "{\"url\":\"ftp://example.com/x\",\"events\":[\"alert.raised\"]}");
        assertThat(ftp.status()).isEqualTo(400);
        assertThat(ftp.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
        var unknownEvent =
                api.post("/api/webhooks", "{\"url\":\"" + receiver.url() + "\",\"events\":[\"alert.exploded\"]}");
        assertThat(unknownEvent.status()).isEqualTo(400);
        assertThat(unknownEvent.json().get("errors").get(0).get("field").asString())
                .isEqualTo("events[0]");
        assertThat(api.post("/api/webhooks", "{\"url\":\"" + receiver.url() + "\",\"events\":[]}")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/webhooks").json().size()).isEqualTo(1);

        String id = created.json().get("id").asString();
        assertThat(api.delete("/api/webhooks/" + id).status()).isEqualTo(204);
        var gone = api.get("/api/webhooks/" + id + "/deliveries");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("code").asString()).isEqualTo("unknown-webhook");
    }

    private JsonNode register(String url, String... events) {
        var answer = api.post(
                "/api/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"" + String.join("\",\"", events) + "\"]}");
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json();
    }

    private JsonNode webhook(JsonNode hook) {
        return api.get("/api/webhooks/" + hook.get("id").asString()).json();
    }

    private JsonNode delivery(JsonNode hook) {
        JsonNode items = api.get("/api/webhooks/" + hook.get("id").asString() + "/deliveries")
                .json()
                .get("items");
        assertThat(items.size()).isEqualTo(1);
        return items.get(0);
    }

    private long queued(String sku) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE payload LIKE :sku")
                .param("sku", "%" + sku + "%")
                .query(Long.class)
                .single();
    }

    private static final class Json {
        private static final tools.jackson.databind.json.JsonMapper JSON =
                tools.jackson.databind.json.JsonMapper.builder().build();

        static JsonNode read(String text) {
            return JSON.readTree(text);
        }
    }
}
