package org.stockroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat refuses before any servlet sees them, sent as raw bytes (java.net.http refuses
 * to send most of them): an error from {@code /api/**} is Problem Details whoever raised it.
 */
class MalformedRequestTests extends ApiTestSupport {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /api/products/a%2Fb HTTP/1.1",
                "GET /api/products/a%00b HTTP/1.1",
                "GET /api/products/%C3%28 HTTP/1.1",
                "GET /api/products/%FF%FE HTTP/1.1",
                "GET /api/products/LONG HTTP/1.1",
                "GET /api/products HTTP/1.1\r\nX-Note: a\u0001b",
                "GET /api/products HTTP/1.1\r\nX-Note: a\u007fb",
                "TRACE /api/products HTTP/1.1",
                "GET /api/products/a/../../../etc/passwd HTTP/1.1",
                "GET /api/products%3Bjsessionid=x HTTP/1.1",
                "GET /api/products?q=%ZZ HTTP/1.1",
                "BREW /api/products HTTP/1.1"
            })
    void everyErrorFromTheApiIsProblemDetails(String requestLine) throws IOException {
        String raw = requestLine.replace("LONG", "a".repeat(10_000));

        String answer = send(raw + "\r\nHost: localhost\r\nAuthorization: " + adminAuthorization()
                + "\r\nConnection: close\r\n\r\n");

        int status = Integer.parseInt(answer.substring(9, 12));
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(status).as(answer).isBetween(400, 499);
        assertThat(head).as(answer).contains("content-type: application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(dechunk(head, body));
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asString()).matches("[a-z]+(-[a-z]+)*");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(body).doesNotContain("Tomcat", "Exception", "<html");
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String dechunk(String head, String body) {
        if (!head.contains("transfer-encoding: chunked")) {
            return body;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
