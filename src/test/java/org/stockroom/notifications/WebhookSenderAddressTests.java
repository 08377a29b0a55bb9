package org.stockroom.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The sender connects only to addresses it has itself checked: a name that answers a public
 * address when the URL is checked and the server's own loopback when the sender connects (DNS
 * rebinding) reaches nothing, while an allowed name is delivered to the address its lookup gave.
 */
class WebhookSenderAddressTests {

    private static final String SECRET =
            WebhookSignature.SECRET_PREFIX + java.util.Base64.getEncoder().encodeToString(new byte[32]);

    private static final WebhookProperties GUARDED =
            new WebhookProperties(false, Duration.ofSeconds(2), Duration.ofSeconds(2));

    @Test
    void aNameThatTurnsPrivateAfterTheCheckIsNotConnectedTo() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            AtomicInteger lookups = new AtomicInteger();
            WebhookUrls urls = new WebhookUrls(GUARDED, host -> new InetAddress[] {
                lookups.getAndIncrement() == 0
                        ? InetAddress.getByName("93.184.216.34")
                        : InetAddress.getLoopbackAddress()
            });
            String url = "http://rebinding.example:" + port(receiver) + "/hooks";
            assertThat(urls.problem(url)).isEmpty();

            WebhookSender.Outcome outcome =
                    new WebhookSender(GUARDED, urls, Clock.systemUTC()).send(url, SECRET, "msg_1", "{}");

            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.error()).startsWith("refused").contains("127.0.0.1");
            assertThat(receiver.requests()).isEmpty();
        }
    }

    @Test
    void anAllowedNameIsDeliveredToTheAddressItsLookupGave() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            WebhookProperties open = new WebhookProperties(true, Duration.ofSeconds(2), Duration.ofSeconds(2));
            WebhookUrls urls = new WebhookUrls(open, host -> new InetAddress[] {InetAddress.getLoopbackAddress()});

            WebhookSender.Outcome outcome = new WebhookSender(open, urls, Clock.systemUTC())
                    .send("http://receiver.example:" + port(receiver) + "/hooks", SECRET, "msg_1", "{\"a\":1}");

            assertThat(outcome.status()).isEqualTo(200);
            assertThat(receiver.requests()).singleElement().satisfies(r -> {
                assertThat(r.body()).isEqualTo("{\"a\":1}");
                assertThat(r.header("Host")).isEqualTo("receiver.example:" + port(receiver));
                assertThat(r.header("Content-Type")).isEqualTo("application/json");
                assertThat(r.header("webhook-id")).isEqualTo("msg_1");
            });
        }
    }

    private static int port(WebhookReceiver receiver) {
        return java.net.URI.create(receiver.url()).getPort();
    }
}
