package org.stockroom.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.stockroom.purchasing.PurchaseOrder;
import org.stockroom.stock.AdjustmentReason;

/**
 * What the records of the core (catalog, sales, stock, purchasing, channels, reservations) cannot say
 * about themselves in the OpenAPI document, since the core carries no face's annotations: which
 * members a request must give, an example of each request, the closed sets a text member takes its
 * values from (where the record holds a String, not an enum), the formats of addresses, and the
 * value type of maps. Stated here, beside the faces that take and answer these records, by schema
 * name; {@code OpenApiContractTests} fails when a schema the API uses lacks any of it.
 */
final class CoreSchemas {

    private CoreSchemas() {}

    @SuppressWarnings({"rawtypes", "unchecked"})
    static void describe(OpenAPI api) {
        Map<String, Schema> schemas =
                api.getComponents() == null || api.getComponents().getSchemas() == null
                        ? Map.of()
                        : api.getComponents().getSchemas();
        Map<String, Object> laptopLine = line("LAP-001", 2);

        // Requests: what must be given, and an example to start from.
        request(
                schemas.get("NewProduct"),
                List.of("sku", "name", "price", "stock", "reorderThreshold"),
                ordered(
                        "sku",
                        "LAP-001",
                        "name",
                        "Laptop 14\"",
                        "price",
                        999.99,
                        "stock",
                        10,
                        "reorderThreshold",
                        3,
                        "cost",
                        700.00,
                        "reorderQuantity",
                        10,
                        "leadTimeDays",
                        7,
                        "supplier",
                        "Acme",
                        "barcode",
                        "0123456789012"));
        request(
                schemas.get("PurchaseRequest"),
                List.of("lines"),
                ordered("reference", "order-1001", "lines", List.of(laptopLine, line("MOU-001", 1))));
        request(schemas.get("PurchaseRequestLine"), List.of("sku", "quantity"), laptopLine);
        request(
                schemas.get("ReturnRequest"),
                List.of("lines"),
                ordered("lines", List.of(line("LAP-001", 1)), "note", "Damaged in transit"));
        request(schemas.get("ReturnRequestLine"), List.of("sku", "quantity"), line("LAP-001", 1));
        request(schemas.get("Adjustment"), List.of("reason"), ordered("delta", -2, "reason", "DAMAGED"));
        request(
                schemas.get("ReservationRequest"),
                List.of("lines"),
                ordered("reference", "cart-88", "lines", List.of(laptopLine), "expiresInSeconds", 900));
        Map<String, Object> orderLine = ordered("sku", "LAP-001", "quantity", 10, "unitCost", 700.00);
        request(
                schemas.get("OrderRequest"),
                List.of("supplier"),
                ordered(
                        "supplier", "Acme",
                        "reference", "Q4 restock",
                        "expectedOn", "2026-12-10",
                        "lines", List.of(orderLine)));
        request(schemas.get("OrderRequestLine"), List.of("sku", "quantity"), orderLine);
        request(
                schemas.get("ReceiptRequest"),
                List.of("lines"),
                ordered("lines", List.of(line("LAP-001", 4)), "note", "First delivery"));
        request(schemas.get("ReceiptRequestLine"), List.of("sku", "quantity"), line("LAP-001", 4));
        request(
                schemas.get("SupplierForm"),
                List.of("name"),
                ordered("name", "Acme", "email", "orders@acme.test", "leadTimeDays", 7, "notes", "Net 30"));
        request(
                schemas.get("ConnectRequest"),
                List.of("type", "name", "webhookSecret"),
                ordered(
                        "type", "shopify",
                        "name", "Main store",
                        "shopDomain", "example.myshopify.com",
                        "accessToken", "shpat_0123456789abcdef",
                        "webhookSecret", "a-shared-webhook-secret",
                        "locationId", "gid://shopify/Location/1"));
        example(
                schemas.get("WebhookRequest"),
                ordered(
                        "url", "https://shop.example.com/hooks/stockroom",
                        "events", List.of("alert.raised", "alert.escalated"),
                        "description", "Shop front restock banner"));
        example(
                schemas.get("NewUserRequest"),
                ordered("username", "sam", "password", "a-long-user-password", "role", "STAFF"));
        example(
                schemas.get("NewTokenRequest"),
                ordered("name", "shop-sync", "role", "STAFF", "expiresAt", "2027-01-01T00:00:00Z"));
        Schema bulk = schemas.get("BulkEdit");
        if (bulk != null) {
            // Exactly one of the two ways of naming the products.
            bulk.setOneOf(
                    List.of(new Schema<>().required(List.of("skus")), new Schema<>().required(List.of("filter"))));
        }
        example(schemas.get("UserPatch"), ordered("role", "VIEWER"));
        example(schemas.get("ProductChanges"), ordered("price", 949.99, "reorderThreshold", 5));
        example(schemas.get("StockReceiptRequest"), ordered("quantity", 20, "note", "PO-77"));

        // Closed sets held in text members.
        List<String> platforms = List.of("shopify", "woocommerce");
        values(schemas.get("ConnectRequest"), "type", platforms);
        values(schemas.get("Channel"), "type", platforms);
        values(
                schemas.get("ChannelOrder"),
                "status",
                List.of("TAKEN", "SHORT", "REFUSED", "NOTHING_MATCHED", "CANCELLED"));
        values(
                schemas.get("SyncLogEntry"),
                "kind",
                List.of(
                        "SYNC_STARTED",
                        "SYNC_FINISHED",
                        "SYNC_FAILED",
                        "DRIFT",
                        "UNMAPPED_REMOTE",
                        "UNMAPPED_LOCAL",
                        "PUSH_FAILED",
                        "UNAUTHORIZED",
                        "DISCONNECTED"));
        values(schemas.get("Delivery"), "status", List.of("PENDING", "DELIVERED", "FAILED", "CANCELLED"));
        values(
                schemas.get("PurchaseOrderView"),
                "status",
                Arrays.stream(PurchaseOrder.Status.values()).map(Enum::name).toList());
        Schema reason = member(schemas.get("Movement"), "reason");
        if (reason != null) {
            reason.setEnum(
                    Arrays.stream(AdjustmentReason.values()).map(Enum::name).collect(Collectors.toList()));
            reason.setDescription("The adjustment's reason; null for sales and receipts");
        }
        values(schemas.get("LoginThrottleLockout"), "kind", List.of("account", "address", "pair"));
        values(schemas.get("ReorderSuggestion"), "basis", List.of("demand", "threshold"));
        values(schemas.get("ReorderSuggestion"), "excessValueBasis", List.of("cost", "retail"));
        values(schemas.get("SlowMoversItem"), "valueBasis", List.of("cost", "retail"));
        List<String> events = List.of("alert.raised", "alert.escalated", "alert.resolved", "stock.received");
        for (String name : List.of("Webhook", "RegisteredWebhook", "WebhookRequest")) {
            itemValues(schemas.get(name), "events", events);
        }

        // Addresses.
        format(schemas.get("Webhook"), "url", "uri");
        format(schemas.get("RegisteredWebhook"), "url", "uri");
        format(schemas.get("Channel"), "siteUrl", "uri");
        format(schemas.get("Channel"), "webhookPath", "uri-reference");
        format(schemas.get("ConnectRequest"), "siteUrl", "uri");
        format(schemas.get("ChannelOrder"), "orderUrl", "uri");
        for (String name : List.of("NewProduct", "ProductView", "ProductChanges")) {
            format(schemas.get(name), "imageUrl", "uri");
        }

        // Maps: what their values are.
        for (String name : List.of("NewProduct", "ProductView", "ProductChanges")) {
            mapOf(
                    schemas.get(name),
                    "options",
                    new StringSchema(),
                    "Variant options, option name to value",
                    Map.of("Size", "M", "Color", "Red"));
        }
        Schema<?> oldAndNew = new ArraySchema()
                .items(new Schema<>().description("A value of the field: text, number, boolean or null"))
                .minItems(2)
                .maxItems(2)
                .description("The old value, then the new one");
        mapOf(
                schemas.get("ImportReportUpdate"),
                "changes",
                oldAndNew,
                "Each changed field, with its old and new value",
                Map.of("price", List.of(999.99, 949.99)));
    }

    /**
     * Answers whose records leave out every member that is null (NON_NULL), so that
     * {@link ResponseSchemas} cannot tell which are always there: the ones that are. Runs after it.
     */
    @SuppressWarnings("rawtypes")
    static void describeAnswers(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        required(schemas.get("Purchase"), List.of("id", "createdAt", "currency", "total", "lines"));
    }

    /**
     * A merge patch leaves every member optional: a PATCH body whose schema lists required members
     * (since a POST of the same record needs them) gets its own copy without them.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void patchesRequireNothing(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        api.getPaths().values().forEach(item -> {
            if (item.getPatch() == null
                    || item.getPatch().getRequestBody() == null
                    || item.getPatch().getRequestBody().getContent() == null) {
                return;
            }
            item.getPatch().getRequestBody().getContent().values().forEach(media -> {
                Schema body = media.getSchema();
                if (body == null || body.get$ref() == null) {
                    return;
                }
                String name = body.get$ref().substring(body.get$ref().lastIndexOf('/') + 1);
                Schema schema = schemas.get(name);
                if (schema == null
                        || schema.getRequired() == null
                        || schema.getRequired().isEmpty()) {
                    return;
                }
                String changes = name.replaceAll("(Form|Request)$", "") + "Changes";
                schemas.computeIfAbsent(changes, n -> {
                    Schema copy = new Schema<>();
                    copy.setType(schema.getType());
                    copy.setTypes(schema.getTypes());
                    copy.setProperties(schema.getProperties());
                    copy.setDescription("Members to change; absent ones stay as they are.");
                    copy.setExample(schema.getExample());
                    return copy;
                });
                media.setSchema(new Schema<>().$ref("#/components/schemas/" + changes));
            });
        });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void request(Schema schema, List<String> required, Map<String, Object> example) {
        if (schema != null) {
            schema.setRequired(new ArrayList<>(required));
            schema.setExample(example);
        }
    }

    @SuppressWarnings("rawtypes")
    private static void required(Schema schema, List<String> required) {
        if (schema != null) {
            schema.setRequired(new ArrayList<>(required));
        }
    }

    @SuppressWarnings("rawtypes")
    private static void example(Schema schema, Object example) {
        if (schema != null) {
            schema.setExample(example);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void values(Schema schema, String property, List<String> values) {
        Schema member = member(schema, property);
        if (member != null) {
            member.setEnum(new ArrayList<>(values));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void itemValues(Schema schema, String property, List<String> values) {
        Schema member = member(schema, property);
        if (member != null && member.getItems() != null) {
            member.getItems().setEnum(new ArrayList<>(values));
        }
    }

    @SuppressWarnings("rawtypes")
    private static void format(Schema schema, String property, String format) {
        Schema member = member(schema, property);
        if (member != null) {
            member.setFormat(format);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void mapOf(Schema schema, String property, Schema values, String description, Object example) {
        Schema member = member(schema, property);
        if (member != null) {
            member.setAdditionalProperties(values);
            member.setDescription(description);
            member.setExample(example);
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema member(Schema schema, String property) {
        return schema == null || schema.getProperties() == null
                ? null
                : (Schema) schema.getProperties().get(property);
    }

    private static Map<String, Object> line(String sku, long quantity) {
        return ordered("sku", sku, "quantity", quantity);
    }

    /** A JSON object whose members keep the order given (Map.of would shuffle them in the document). */
    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
