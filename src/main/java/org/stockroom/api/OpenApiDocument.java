package org.stockroom.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.stockroom.accounts.ApiAccess;
import org.stockroom.accounts.Role;

/**
 * The OpenAPI document is the contract of the JSON API (shared/API.md): who may call what, every
 * status an operation really answers, and every error as Problem Details with its {@code code}.
 * Operations state their own summary, description and success statuses ({@code @Operation},
 * {@code @ApiResponse}); the errors every operation shares are added here, from the same rules
 * that produce them (accounts/ApiAccess for 401/403, ProblemAdvice for the rest), so a new
 * endpoint cannot forget them. {@code OpenApiContractTests} refuses an operation that lacks any of it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    /** Tags in the order Swagger UI lists them, each with a line that says what it groups. */
    static final Map<String, String> TAGS = tags();

    @Bean
    OpenAPI stockroomOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties == null ? "development" : properties.getVersion();
        OpenAPI api = new OpenAPI()
                .info(new Info()
                        .title("Stockroom API")
                        .version(version)
                        .description("""
                                Inventory management for small online shops: products, purchases that never oversell, \
                                the stock ledger, restock alerts, reports, imports and webhooks.

                                Every request signs in with HTTP Basic (a user) or a Bearer API token; reads need \
                                VIEWER, changes STAFF, and accounts, tokens, webhooks and administration OWNER. Every \
                                error is RFC 9457 Problem Details (`application/problem+json`) with a stable \
                                kebab-case `code`; a failed request changes nothing. Money is a decimal number in \
                                the store's currency, times are ISO-8601 instants in UTC, dates are `YYYY-MM-DD` in \
                                the store's time zone.""")
                        .contact(new Contact().name("Stockroom").url("https://stockroom.dev"))
                        .license(new License().name("Proprietary")))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("A user's name and password"))
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API token from POST /api/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
        TAGS.forEach((name, description) -> api.addTagsItem(new Tag().name(name).description(description)));
        return api;
    }

    /** Adds the errors every operation shares and makes every error answer Problem Details. */
    @Bean
    OpenApiCustomizer commonErrors() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            // Here rather than in the OpenAPI bean: springdoc drops the bean's schemas that no
            // operation references before the customizers run, and only they add the references.
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap()
                            .forEach((method, operation) -> describeErrors(path, method, operation)));
            shortenNames(api);
            CoreSchemas.describe(api);
            CoreSchemas.patchesRequireNothing(api);
            ResponseSchemas.markAlwaysPresent(api);
            CoreSchemas.describeAnswers(api);
            dropUnused(api);
            oneTagEach(api);
        };
    }

    /**
     * One entry per tag, in the order of {@link #TAGS}: controllers that share a tag each bring their
     * own description of it, and Spectral refuses a tag listed twice or used but not listed.
     */
    private static void oneTagEach(OpenAPI api) {
        Map<String, String> tags = new LinkedHashMap<>(TAGS);
        if (api.getTags() != null) {
            api.getTags().forEach(tag -> tags.putIfAbsent(tag.getName(), tag.getDescription()));
        }
        api.getPaths()
                .values()
                .forEach(item -> item.readOperations().forEach(operation -> {
                    if (operation.getTags() != null) {
                        operation.getTags().forEach(name -> tags.putIfAbsent(name, null));
                    }
                }));
        List<Tag> listed = new ArrayList<>();
        tags.forEach((name, description) -> listed.add(new Tag().name(name).description(description)));
        api.setTags(listed);
    }

    /**
     * springdoc names schemas by fully qualified class name ({@code springdoc.use-fqn}), since the core's
     * nested records share simple names (Valuation.Totals, SlowMovers.Totals, Purchase.Line, ...) and one
     * would silently stand for all. Here each becomes its classes' simple names joined:
     * {@code org.stockroom.reports.Valuation.Totals} is {@code ValuationTotals}.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void shortenNames(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> renamed = new LinkedHashMap<>();
        api.getComponents().getSchemas().forEach((name, schema) -> {
            String shorter = shortName(name);
            if (renamed.containsKey(shorter)) {
                shorter = name;
            }
            renamed.put(shorter, schema);
        });
        api.getComponents().setSchemas(renamed);
        List<Schema> todo = new ArrayList<>(renamed.values());
        api.getPaths()
                .values()
                .forEach(item -> item.readOperations().forEach(operation -> {
                    if (operation.getRequestBody() != null
                            && operation.getRequestBody().getContent() != null) {
                        operation.getRequestBody().getContent().values().forEach(m -> todo.add(m.getSchema()));
                    }
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(p -> todo.add(p.getSchema()));
                    }
                    if (operation.getResponses() != null) {
                        operation.getResponses().values().forEach(r -> {
                            if (r.getContent() != null) {
                                r.getContent().values().forEach(m -> todo.add(m.getSchema()));
                            }
                        });
                    }
                }));
        java.util.Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Schema schema = todo.remove(todo.size() - 1);
            if (schema == null || !seen.add(schema)) {
                continue;
            }
            if (schema.get$ref() != null && schema.get$ref().startsWith("#/components/schemas/")) {
                String name = schema.get$ref().substring("#/components/schemas/".length());
                String shorter = renamed.containsKey(name) ? name : shortName(name);
                schema.set$ref("#/components/schemas/" + shorter);
            }
            if (schema.getProperties() != null) {
                todo.addAll(schema.getProperties().values());
            }
            todo.add(schema.getItems());
            if (schema.getAdditionalProperties() instanceof Schema values) {
                todo.add(values);
            }
            for (List<Schema> composed :
                    java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (composed != null) {
                    todo.addAll(composed);
                }
            }
        }
    }

    /** {@code org.stockroom.reports.Valuation.Totals} to {@code ValuationTotals}; a request record of an API class keeps its own name. */
    static String shortName(String name) {
        // Package segments are lower case; a generic's argument is written capitalised ("PageOrg.stockroom...").
        String shorter = name.replaceAll("[Oo]rg\\.stockroom\\.(?:[a-z]+\\.)*", "");
        shorter = shorter.replaceAll("^[A-Za-z]+Api[.$]", "");
        return shorter.replaceAll("[^A-Za-z0-9_-]", "");
    }

    /** Types springdoc saw but no operation shows (the alert stream's Java type) would be noise to a reader. */
    private static void dropUnused(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        List<Schema<?>> roots = new ArrayList<>();
        api.getPaths()
                .values()
                .forEach(item -> item.readOperations().forEach(operation -> {
                    if (operation.getRequestBody() != null
                            && operation.getRequestBody().getContent() != null) {
                        operation.getRequestBody().getContent().values().forEach(m -> roots.add(m.getSchema()));
                    }
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(p -> roots.add(p.getSchema()));
                    }
                    if (operation.getResponses() != null) {
                        operation.getResponses().values().forEach(r -> {
                            if (r.getContent() != null) {
                                r.getContent().values().forEach(m -> roots.add(m.getSchema()));
                            }
                        });
                    }
                }));
        Set<String> used = reachable(api, roots);
        api.getComponents().getSchemas().keySet().removeIf(name -> !used.contains(name) && !name.equals(PROBLEM));
    }

    private static void describeErrors(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        HttpMethod httpMethod = HttpMethod.valueOf(method.name());
        boolean open = ApiAccess.isPublic(httpMethod, path);
        Role role = ApiAccess.requiredRole(httpMethod, path);
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean input = (operation.getParameters() != null
                        && operation.getParameters().stream()
                                .anyMatch(p -> !"path".equals(p.getIn()) || p.getSchema() == null))
                || operation.getRequestBody() != null
                || path.contains("{");
        if (input) {
            add(
                    responses,
                    "400",
                    "The request is invalid: `invalid-request`, with `errors` naming each field at fault");
        }
        add(responses, "401", "No credentials, or wrong ones: `unauthorized`");
        if (open) {
            // No Stockroom credentials: the operation states how it is authenticated instead.
            operation.setSecurity(List.of());
        } else if (role != Role.VIEWER) {
            add(responses, "403", "Signed in, but the role is below " + role + ": `forbidden`");
        }
        if (path.contains("{")) {
            add(responses, "404", "Nothing has this identifier: `not-found` or a more precise code");
        }
        add(
                responses,
                "429",
                "Too many failed sign-ins from this account or address: `rate-limited`, with Retry-After");
        if (write) {
            add(responses, "503", "The store is busy; nothing was changed and the request may be retried: `busy`");
        }
        add(responses, "500", "An unexpected failure; nothing was changed: `internal-error`");
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
        operation.setResponses(sorted(responses));
        String access = open ? "Needs no Stockroom credentials." : "Needs the role " + role + " (or higher).";
        String description = operation.getDescription();
        if (description != null && !description.contains(access)) {
            operation.setDescription(description.strip() + "\n\n" + access);
        }
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        return sorted;
    }

    private static void add(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema fieldError = new ObjectSchema()
                .addProperty(
                        "field",
                        new StringSchema().description("The field at fault").example("quantity"))
                .addProperty(
                        "message",
                        new StringSchema().description("What is wrong with it").example("must be at least 1"));
        fieldError.setRequired(List.of("field", "message"));
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "type",
                new StringSchema()
                        .format("uri")
                        .description("Identifies the kind of problem")
                        .example("https://stockroom.dev/problems/insufficient-stock"));
        properties.put(
                "title", new StringSchema().description("Short, human-readable").example("Conflict"));
        properties.put("status", new IntegerSchema().format("int32").example(409));
        properties.put(
                "detail",
                new StringSchema()
                        .description("What happened, for a person")
                        .example("Not enough stock for LAP-001: 2 requested, 1 available"));
        properties.put(
                "instance",
                new StringSchema()
                        .format("uri-reference")
                        .description("The request path")
                        .example("/api/purchases"));
        properties.put(
                "code",
                new StringSchema()
                        .pattern("^[a-z0-9]+(-[a-z0-9]+)*$")
                        .description("Stable, machine-readable kebab-case code: what a client should branch on")
                        .example("insufficient-stock"));
        properties.put(
                "errors",
                new ArraySchema().items(fieldError).description("With `invalid-request`: every field at fault"));
        Schema problem = new ObjectSchema()
                .description(
                        "RFC 9457 Problem Details. Refusals may carry more members, such as `shortages` or `skus`.");
        problem.setProperties(properties);
        problem.setRequired(List.of("type", "title", "status", "code"));
        problem.setAdditionalProperties(Boolean.TRUE);
        return problem;
    }

    private static Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Products", "The catalog: products, prices, thresholds, variants, barcodes, bulk edits, archive");
        tags.put("Stock", "The ledger: receipts, adjustments and stocktakes, movements");
        tags.put("Purchases", "Sales that take stock down at once, never below zero; returns");
        tags.put("Reservations", "Stock held for unpaid orders and carts, with an expiry");
        tags.put("Suppliers", "Who products are bought from");
        tags.put("Purchase orders", "Orders to suppliers: drafts, sending, receiving; incoming stock");
        tags.put("Sales channels", "Shopify and WooCommerce storefronts: orders in, available stock out");
        tags.put("Alerts", "Restock alerts, open while a product needs restocking");
        tags.put("Reports", "Sales, daily series, slow movers, valuation, reorder; JSON or CSV");
        tags.put("Imports and exports", "Catalog files in and out");
        tags.put("Webhooks", "Endpoints that hear about alerts, and their delivery log");
        tags.put("Accounts", "Users, API tokens, the audit trail, lockouts");
        tags.put("Administration", "The self-check");
        return tags;
    }

    /** Schema names reachable from a set of roots, following $ref, items, properties and compositions. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Set<String> reachable(OpenAPI api, List<Schema<?>> roots) {
        Set<String> seen = new LinkedHashSet<>();
        List<Schema> todo = new ArrayList<>(roots);
        while (!todo.isEmpty()) {
            Schema schema = todo.remove(todo.size() - 1);
            if (schema == null) {
                continue;
            }
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
                if (seen.add(name) && api.getComponents().getSchemas() != null) {
                    todo.add(api.getComponents().getSchemas().get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                todo.addAll(schema.getProperties().values());
            }
            todo.add(schema.getItems());
            if (schema.getAdditionalProperties() instanceof Schema values) {
                todo.add(values);
            }
            for (List<Schema> composed :
                    java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (composed != null) {
                    todo.addAll(composed);
                }
            }
        }
        return seen;
    }
}
