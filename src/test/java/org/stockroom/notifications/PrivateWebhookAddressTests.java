package org.stockroom.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

/** With the default settings a webhook cannot be aimed at the server's own network. A context of its own, because every other test allows it. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "stockroom.data-dir=${java.io.tmpdir}/stockroom-tests-${random.uuid}",
            "STOCKROOM_ADMIN_PASSWORD=" + ApiTestSupport.ADMIN_PASSWORD,
            ApiTestSupport.FAST_PASSWORD_HASHES
        })
class PrivateWebhookAddressTests {

    @LocalServerPort
    int port;

    @Test
    void aWebhookOnALoopbackOrPrivateAddressIsRefusedByDefault() {
        Api api = new Api(port).withBasic("admin", ApiTestSupport.ADMIN_PASSWORD);
        for (String url : new String[] {
            "http://127.0.0.1:9/hooks",
            "http://localhost/hooks",
            "http://10.0.0.7/hooks",
            "http://169.254.169.254/latest"
        }) {
            var answer = api.post("/api/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"alert.raised\"]}");
            assertThat(answer.status()).as(url).isEqualTo(400);
            assertThat(answer.json().get("code").asString()).isEqualTo("invalid-request");
            assertThat(answer.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("url");
        }
        assertThat(api.get("/api/webhooks").json().size()).isZero();
    }
}
