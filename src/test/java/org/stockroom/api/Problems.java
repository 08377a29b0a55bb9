package org.stockroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.stockroom.testing.Api;
import tools.jackson.databind.JsonNode;

/** Assertions on RFC 9457 answers: the shape every error of the API must have. */
final class Problems {

    private Problems() {}

    /** Asserts a Problem Details answer with this status and code, and answers its body. */
    static JsonNode assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("code").asString()).as("code of %s", response).isEqualTo(code);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("type").asString()).endsWith(code);
        assertThat(body.hasNonNull("title")).as("title of %s", response).isTrue();
        assertThat(body.hasNonNull("detail")).as("detail of %s", response).isTrue();
        assertNoInternals(response);
        return body;
    }

    /** Asserts a 400 invalid-request naming {@code field} among its errors. */
    static JsonNode assertInvalid(Api.Response response, String field) {
        JsonNode body = assertProblem(response, 400, "invalid-request");
        assertThat(fields(body)).as("fields named by %s", response).contains(field);
        return body;
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> {
            assertThat(e.hasNonNull("message")).isTrue();
            fields.add(e.get("field").asString());
        });
        return fields;
    }

    /** Nothing about our insides leaks to a client: no stack trace, no Java class names. */
    static void assertNoInternals(Api.Response response) {
        assertThat(response.text())
                .as("body of %s", response)
                .doesNotContain(
                        "Exception", "\tat ", "java.", "tools.jackson", "org.springframework", "org.stockroom", "SQL");
    }
}
