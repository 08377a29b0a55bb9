package org.stockroom.channels;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.stockroom.notifications.OutboundUrls;

/**
 * The HTTP calls to platforms: the address rules checked before every call (a host can be pointed
 * elsewhere after it was connected), one timeout, and every answer but a 2xx turned into a
 * {@link Platform.Failure}. Secrets travel only in headers or signed query parameters and are
 * never part of a failure message.
 */
@Component
class PlatformHttp {

    record Answer(int status, Map<String, java.util.List<String>> headers, String body) {
        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst();
        }
    }

    private final ChannelProperties properties;
    private volatile HttpClient client;

    PlatformHttp(ChannelProperties properties) {
        this.properties = properties;
    }

    /**
     * Made at the first call to a platform: building an HTTP client sets up TLS (about 450 JDK
     * classes), which every command and every start paid for, though most never call a platform.
     */
    private HttpClient client() {
        HttpClient made = client;
        if (made == null) {
            synchronized (this) {
                made = client;
                if (made == null) {
                    made = HttpClient.newBuilder()
                            .connectTimeout(properties.timeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    client = made;
                }
            }
        }
        return made;
    }

    Optional<String> addressProblem(String url) {
        return OutboundUrls.problem(
                url, properties.allowPrivateAddresses(), "stockroom.channels.allow-private-addresses=true");
    }

    Answer send(String method, String url, Map<String, String> headers, String body) {
        addressProblem(url).ifPresent(p -> {
            throw new Platform.Failure(Platform.Failure.Kind.TRANSIENT, null, "the channel URL " + p, null);
        });
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(properties.timeout())
                .header("Accept", "application/json")
                .header("User-Agent", "Stockroom")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Platform.Failure(
                    Platform.Failure.Kind.TRANSIENT, null, method + " " + path(url) + " failed: " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Platform.Failure(Platform.Failure.Kind.TRANSIENT, null, "interrupted", null);
        }
        Answer answer = new Answer(response.statusCode(), response.headers().map(), response.body());
        if (answer.status() / 100 != 2) {
            throw Platform.Failure.of(
                    answer.status(),
                    method + " " + path(url) + " answered " + answer.status(),
                    retryAfter(answer.header("Retry-After").orElse(null)));
        }
        return answer;
    }

    /** The path only: query strings of signed requests carry signatures. */
    private static String path(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** Retry-After in seconds or as an HTTP date; two seconds when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value != null) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
            } catch (NumberFormatException notSeconds) {
                try {
                    Duration d = Duration.between(
                            ZonedDateTime.now(),
                            ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                    return d.isNegative() ? Duration.ZERO : d;
                } catch (DateTimeParseException notADate) {
                    // fall through to the default
                }
            }
        }
        return Duration.ofSeconds(2);
    }
}
