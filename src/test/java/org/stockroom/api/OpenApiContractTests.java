package org.stockroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document is the API's contract, so it must say everything a client needs: every
 * operation has a summary, a description and a tag, at least one success answer, typed answers
 * (no bare Java types, no {@code *}/{@code *}), and every error as Problem Details with a
 * {@code code}. The rules run over the whole document, so an endpoint added later that forgets
 * any of it fails here. The document is also written to {@code target/openapi.json}, which
 * {@code .ci/spectral} lints.
 */
class OpenApiContractTests extends ApiTestSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    /** Read once: springdoc builds the document on the first request, which takes a while on a busy machine. */
    private static JsonNode document;

    @BeforeEach
    void readDocument() throws Exception {
        if (document != null) {
            return;
        }
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                                .header("Authorization", adminAuthorization())
                                .timeout(Duration.ofMinutes(3))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Path file = Path.of("target", "openapi.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, answer.body());
        document = JsonMapper.builder().build().readTree(answer.body());
    }

    @Test
    void theDocumentNamesTheApiItsVersionAndHowToSignIn() {
        JsonNode info = document.path("info");
        assertThat(info.path("title").asString()).isEqualTo("Stockroom API");
        assertThat(info.path("version").asString()).isNotBlank();
        assertThat(info.path("description").asString()).contains("Problem Details");
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("basic").path("type").asString()).isEqualTo("http");
        assertThat(schemes.path("basic").path("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.path("bearer").path("scheme").asString()).isEqualTo("bearer");
        List<String> required = new ArrayList<>();
        document.path("security").forEach(r -> r.propertyNames().forEach(required::add));
        assertThat(required).containsExactlyInAnyOrder("basic", "bearer");
    }

    @Test
    void theProblemSchemaHasACode() {
        JsonNode problem = document.path("components").path("schemas").path("Problem");
        assertThat(problem.path("properties").has("code")).isTrue();
        List<String> required = new ArrayList<>();
        problem.path("required").forEach(n -> required.add(n.asString()));
        assertThat(required).contains("code", "status", "title", "type");
    }

    @Test
    void everyOperationIsDescribedTaggedAndAnswersSomething() {
        List<String> faults = new ArrayList<>();
        operations((name, op) -> {
            if (op.path("summary").asString("").isBlank()) {
                faults.add(name + ": no summary");
            }
            if (op.path("description").asString("").isBlank()) {
                faults.add(name + ": no description");
            }
            if (op.path("tags").isEmpty()) {
                faults.add(name + ": no tag");
            }
            boolean success = op.path("responses").propertyNames().stream().anyMatch(s -> s.startsWith("2"));
            if (!success) {
                faults.add(name + ": no 2xx answer");
            }
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void everyErrorIsProblemDetailsAndTheCommonOnesAreListed() {
        List<String> faults = new ArrayList<>();
        operations((name, op) -> {
            JsonNode responses = op.path("responses");
            for (String common : List.of("401", "429", "500")) {
                if (!responses.has(common)) {
                    faults.add(name + ": no " + common);
                }
            }
            for (String status : responses.propertyNames()) {
                if (status.startsWith("2")) {
                    continue;
                }
                JsonNode content = responses.path(status).path("content");
                List<String> types = new ArrayList<>(content.propertyNames());
                if (!types.equals(List.of("application/problem+json"))) {
                    faults.add(name + " " + status + ": " + types);
                } else if (!content.path("application/problem+json")
                        .path("schema")
                        .path("$ref")
                        .asString("")
                        .endsWith("/Problem")) {
                    faults.add(name + " " + status + ": not the Problem schema");
                }
            }
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void everySuccessAnswerIsTyped() {
        List<String> faults = new ArrayList<>();
        operations((name, op) -> op.path("responses").properties().forEach(e -> {
            if (!e.getKey().startsWith("2")) {
                return;
            }
            e.getValue().path("content").properties().forEach(media -> {
                JsonNode schema = media.getValue().path("schema");
                if (media.getKey().contains("*")) {
                    faults.add(name + " " + e.getKey() + ": media type " + media.getKey());
                }
                if (bare(schema)) {
                    faults.add(name + " " + e.getKey() + " " + media.getKey() + ": untyped schema " + schema);
                }
                if (schema.path("$ref").asString("").matches(".*/(SseEmitter|StreamingResponseBody|ResponseEntity)")) {
                    faults.add(name + ": shows a Java type " + schema);
                }
            });
            if (e.getKey().equals("204") && !e.getValue().path("content").isEmpty()) {
                faults.add(name + " 204 has a body");
            }
        }));
        assertThat(faults).isEmpty();
    }

    /** Answer-only schemas list their members as required, since the API always writes them. */
    @Test
    void answerSchemasSayWhichMembersAreAlwaysThere() {
        JsonNode schemas = document.path("components").path("schemas");
        for (String name : List.of(
                "ProductView",
                "Movement",
                "Alert",
                "SalesReport",
                "User",
                "Purchase",
                "PurchaseLine",
                "Reservation",
                "PurchaseOrderView",
                "Channel")) {
            assertThat(schemas.path(name).path("required").isEmpty())
                    .as(name + " lists its required members")
                    .isFalse();
        }
        List<String> newProduct = new ArrayList<>();
        schemas.path("NewProduct").path("required").forEach(n -> newProduct.add(n.asString()));
        assertThat(newProduct).containsExactlyInAnyOrder("sku", "name", "price", "stock", "reorderThreshold");
        assertThat(schemas.path("NewProduct").has("example")).isTrue();
        JsonNode purchaseLine = resolve(
                schemas.path("PurchaseRequest").path("properties").path("lines").path("items"));
        assertThat(purchaseLine.path("properties").has("quantity")).isTrue();
        assertThat(purchaseLine.path("properties").has("unitPrice")).isFalse();
        assertThat(schemas.path("PurchaseLine").path("properties").has("unitPrice"))
                .isTrue();
        assertThat(schemas.path("ReturnRequest")
                        .path("properties")
                        .path("lines")
                        .toString())
                .doesNotContain("PurchaseLine");
    }

    /**
     * springdoc documents 200 for any handler unless told: one that chooses its status at run time
     * (a ResponseEntity), writes the answer itself or streams must say what it answers.
     */
    @Test
    void handlersThatChooseTheirStatusStateIt() {
        List<String> faults = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                handlers.getHandlerMethods().entrySet()) {
            Method method = e.getValue().getMethod();
            if (!method.getDeclaringClass().getPackageName().equals(getClass().getPackageName())) {
                continue;
            }
            Class<?> returns = method.getReturnType();
            boolean runtimeStatus = ResponseEntity.class.isAssignableFrom(returns)
                    || returns == void.class
                    || SseEmitter.class.isAssignableFrom(returns)
                    || StreamingResponseBody.class.isAssignableFrom(returns);
            boolean stated = Arrays.stream(method.getAnnotationsByType(ApiResponse.class))
                    .anyMatch(a -> a.responseCode().startsWith("2"));
            if (runtimeStatus && !stated) {
                faults.add(method.getDeclaringClass().getSimpleName() + "." + method.getName());
            }
        }
        assertThat(faults).isEmpty();
    }

    @Test
    void successStatusesAreTheOnesTheApiAnswers() {
        assertThat(statuses("post", "/api/products")).contains("201").doesNotContain("200");
        assertThat(statuses("delete", "/api/products/{sku}")).contains("204").doesNotContain("200");
        assertThat(statuses("post", "/api/purchases")).contains("201", "409", "422");
        assertThat(statuses("post", "/api/products/{sku}/receipts")).contains("201");
        assertThat(statuses("post", "/api/imports")).contains("200", "201", "422");
        assertThat(statuses("post", "/api/webhooks/{id}/test")).contains("202").doesNotContain("200");
        assertThat(statuses("get", "/api/products")).doesNotContain("403");
        assertThat(statuses("post", "/api/products")).contains("403");
        JsonNode stream = document.path("paths")
                .path("/api/alerts/stream")
                .path("get")
                .path("responses")
                .path("200")
                .path("content");
        assertThat(stream.propertyNames()).containsExactly("text/event-stream");
        JsonNode report = document.path("paths")
                .path("/api/reports/sales")
                .path("get")
                .path("responses")
                .path("200")
                .path("content");
        assertThat(report.propertyNames()).containsExactlyInAnyOrder("application/json", "text/csv");
        assertThat(report.path("application/json").path("schema").path("$ref").asString())
                .endsWith("/SalesReport");
    }

    /**
     * A client builds a request from the document: every JSON body names the members it must give
     * (a merge patch needs none) and carries an example.
     */
    @Test
    void requestBodiesStateWhatIsRequiredAndGiveAnExample() {
        List<String> faults = new ArrayList<>();
        operations((name, op) -> op.path("requestBody")
                .path("content")
                .properties()
                .forEach(media -> {
                    if (!media.getKey().contains("json")) {
                        return;
                    }
                    JsonNode schema = resolve(media.getValue().path("schema"));
                    if (!media.getValue().has("example")
                            && !media.getValue().has("examples")
                            && !schema.has("example")) {
                        faults.add(name + " " + media.getKey() + ": no example");
                    }
                    if (!name.startsWith("PATCH")) {
                        requiredAllTheWayDown(name, schema, faults);
                    } else if (!schema.path("required").isEmpty()) {
                        faults.add(name + ": a merge patch that requires " + schema.path("required"));
                    }
                }));
        assertThat(faults).isEmpty();
    }

    /**
     * Members that take their value from a closed set (a status, a kind, a type, a level, a role, a
     * basis) list the set; times and dates say which they are; whole numbers their size; addresses
     * that they are URIs; maps what their values are.
     */
    @Test
    void membersHaveTheirEnumsAndFormats() {
        List<String> faults = new ArrayList<>();
        document.path("components").path("schemas").properties().forEach(e -> {
            if (e.getKey().equals("Problem")) {
                return;
            }
            e.getValue().path("properties").properties().forEach(member -> {
                String where = e.getKey() + "." + member.getKey();
                String name = member.getKey();
                JsonNode schema = member.getValue();
                String type = type(schema);
                boolean closedSet = name.matches("status|kind|type|level|role|reason|.*[bB]asis|format")
                        && !(e.getKey().endsWith("Problem") && name.equals("reason"));
                if (closedSet && type.equals("string") && !schema.has("enum")) {
                    faults.add(where + ": no enum");
                }
                if (name.equals("events") && !schema.path("items").has("enum")) {
                    faults.add(where + ": no enum of events");
                }
                if (name.endsWith("At") && !schema.path("format").asString("").equals("date-time")) {
                    faults.add(where + ": not a date-time");
                }
                if (name.matches("from|to|date|expectedOn|lastSale|noSaleSince")
                        && !schema.path("format").asString("").equals("date")) {
                    faults.add(where + ": not a date");
                }
                if (type.equals("integer") && !schema.has("format")) {
                    faults.add(where + ": an integer without int32/int64");
                }
                if (name.matches("(?i).*(url|path)")
                        && !schema.path("format").asString("").startsWith("uri")) {
                    faults.add(where + ": an address without format uri");
                }
                if (type.equals("object")
                        && !schema.has("properties")
                        && !schema.path("additionalProperties").isObject()) {
                    faults.add(where + ": an object without members or value type");
                }
                if (schema.path("additionalProperties").isObject()
                        && schema.path("additionalProperties").isEmpty()) {
                    faults.add(where + ": a map of untyped values");
                }
            });
        });
        assertThat(faults).isEmpty();
    }

    /** The storefronts' webhook receiver takes no Stockroom credentials, so the document must not ask for them. */
    @Test
    void thePublicOperationAsksForNoCredentials() {
        JsonNode receiver =
                document.path("paths").path("/api/channels/{id}/webhooks").path("post");
        assertThat(receiver.isMissingNode()).isFalse();
        assertThat(receiver.has("security")).isTrue();
        assertThat(receiver.path("security").isEmpty()).isTrue();
        assertThat(receiver.path("responses").has("403")).isFalse();
        assertThat(receiver.path("responses").path("401").path("description").asString())
                .contains("signature");
        JsonNode connect = document.path("paths").path("/api/channels").path("post");
        assertThat(connect.has("security")).isFalse();
        assertThat(connect.path("responses").has("403")).isTrue();
    }

    @Test
    void everyTagIsListedOnceAndDescribed() {
        List<String> listed = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        document.path("tags").forEach(tag -> {
            listed.add(tag.path("name").asString());
            if (tag.path("description").asString("").isBlank()) {
                faults.add(tag.path("name").asString() + ": no description");
            }
        });
        assertThat(listed).doesNotHaveDuplicates();
        operations((name, op) -> op.path("tags").forEach(tag -> {
            if (!listed.contains(tag.asString())) {
                faults.add(name + ": tag " + tag.asString() + " is not listed");
            }
        }));
        assertThat(faults).isEmpty();
    }

    /**
     * The body names its required members (or, where it takes one of several, each alternative does),
     * and so does each of its lines (purchase, reservation, order, receipt).
     */
    private void requiredAllTheWayDown(String where, JsonNode schema, List<String> faults) {
        boolean eachAlternativeRequires = !schema.path("oneOf").isEmpty();
        for (JsonNode alternative : schema.path("oneOf")) {
            eachAlternativeRequires &= !alternative.path("required").isEmpty();
        }
        if (schema.path("required").isEmpty() && !eachAlternativeRequires) {
            faults.add(where + ": no required members");
        }
        JsonNode line = resolve(schema.path("properties").path("lines").path("items"));
        if (line.has("properties") && line.path("required").isEmpty()) {
            faults.add(where + " lines: no required members");
        }
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.isEmpty()) {
            return schema;
        }
        return document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        return type.asString("");
    }

    private List<String> statuses(String method, String path) {
        JsonNode op = document.path("paths").path(path).path(method);
        assertThat(op.isMissingNode()).as(method + " " + path).isFalse();
        return new ArrayList<>(op.path("responses").propertyNames());
    }

    private static boolean bare(JsonNode schema) {
        if (schema.isMissingNode() || schema.isEmpty()) {
            return true;
        }
        String type = schema.path("type").asString("");
        return type.equals("object")
                && !schema.has("properties")
                && !schema.has("$ref")
                && !schema.has("additionalProperties");
    }

    private void operations(java.util.function.BiConsumer<String, JsonNode> check) {
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    if (List.of("get", "put", "post", "delete", "patch", "head").contains(method.getKey())) {
                        check.accept(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
                    }
                }));
    }
}
