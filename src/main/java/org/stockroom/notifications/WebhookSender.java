package org.stockroom.notifications;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends one signed webhook request. Redirects are not followed (a 3xx is a failure the owner must
 * fix, not a hop to somewhere unchecked), and both connecting and answering are short.
 *
 * <p>The host is looked up once, through {@link WebhookUrls#connectable}, and the connection is
 * made to exactly the addresses that lookup allowed: a name that answers a public address to the
 * check and a private one to the connection cannot slip through (JDK's HttpClient looks names up
 * by itself, hence Apache HttpClient and its {@link DnsResolver}). No proxy is used.
 */
@Component
class WebhookSender implements DisposableBean {

    /** What the receiver answered: a status code, or no code and the reason the request failed. */
    record Outcome(Integer status, String error) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        boolean gone() {
            return status != null && status == 410;
        }

        String describe() {
            return status != null ? "HTTP " + status : error;
        }
    }

    private final CloseableHttpClient client;
    private final Clock clock;

    WebhookSender(WebhookProperties properties, WebhookUrls urls, Clock clock) {
        this.clock = clock;
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return urls.connectable(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(checked)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                                .setSocketTimeout(Timeout.of(properties.timeout()))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(properties.timeout()))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Stockroom-Webhooks/1")
                .build();
    }

    Outcome send(String url, String secret, String messageId, String body) {
        long timestamp = clock.instant().getEpochSecond();
        HttpPost request = new HttpPost(URI.create(url));
        request.setHeader("webhook-id", messageId);
        request.setHeader("webhook-timestamp", Long.toString(timestamp));
        request.setHeader("webhook-signature", WebhookSignature.sign(secret, messageId, timestamp, body));
        request.setEntity(
                new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), ContentType.create("application/json")));
        try {
            return new Outcome(
                    client.execute(request, response -> {
                        EntityUtils.consume(response.getEntity());
                        return response.getCode();
                    }),
                    null);
        } catch (WebhookUrls.RefusedAddressException e) {
            return new Outcome(null, "refused: " + e.getMessage());
        } catch (IOException e) {
            return new Outcome(
                    null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }
}
