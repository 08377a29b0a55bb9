package org.stockroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.stockroom.Store;
import org.stockroom.purchasing.OrderRequest;
import org.stockroom.purchasing.PurchaseOrder;
import org.stockroom.purchasing.Purchasing;
import org.stockroom.purchasing.ReceiptRequest;
import org.stockroom.purchasing.Supplier;
import org.stockroom.purchasing.SupplierForm;
import org.stockroom.stock.Movement;
import org.stockroom.support.Choices;

/** Suppliers and purchase orders (shared/API.md, "Suppliers and purchase orders"). */
@RestController
class PurchasingApi {

    private static final String PROBLEM = "application/problem+json";

    /** The products the reorder report would order that name no supplier, so were left out of the drafts. */
    static final String WITHOUT_SUPPLIER = "Stockroom-Without-Supplier";

    record ReceiptView(PurchaseOrderView order, List<Movement> movements) {}

    private final Store store;

    PurchasingApi(Store store) {
        this.store = store;
    }

    private Purchasing purchasing() {
        return store.purchasing();
    }

    private PurchaseOrderView view(PurchaseOrder order) {
        return PurchaseOrderView.of(order, purchasing().currencyScale());
    }

    @Tag(name = "Suppliers")
    @Operation(
            summary = "Add a supplier",
            description = "Creates a supplier record: name (unique), email, phone, lead time in days, notes.")
    @ApiResponse(responseCode = "201", description = "The supplier, with its id")
    @ApiResponse(responseCode = "400", description = "A field is invalid", content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "409",
            description = "duplicate-supplier: the name is taken",
            content = @Content(mediaType = PROBLEM))
    @PostMapping("/api/suppliers")
    ResponseEntity<Supplier> addSupplier(@RequestBody SupplierForm form, UriComponentsBuilder uri) {
        Supplier added = purchasing().addSupplier(form);
        URI location =
                uri.path("/api/suppliers/{id}").buildAndExpand(added.id()).toUri();
        return ResponseEntity.created(location).body(added);
    }

    @Tag(name = "Suppliers")
    @Operation(
            summary = "List suppliers",
            description = "Active suppliers by name, or the archived ones with archived=true.")
    @ApiResponse(responseCode = "200", description = "The suppliers")
    @GetMapping("/api/suppliers")
    List<Supplier> suppliers(@RequestParam(defaultValue = "false") boolean archived) {
        return purchasing().suppliers(archived);
    }

    @Tag(name = "Suppliers")
    @Operation(summary = "Get a supplier", description = "One supplier by its id.")
    @ApiResponse(responseCode = "200", description = "The supplier")
    @ApiResponse(responseCode = "404", description = "unknown-supplier", content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/suppliers/{id}")
    Supplier supplier(@PathVariable long id) {
        return purchasing().supplier(id);
    }

    @Tag(name = "Suppliers")
    @Operation(
            summary = "Change a supplier",
            description = "Changes the fields given (an empty text clears it; archived archives or restores). "
                    + "A new name is carried onto every product that named the old one.")
    @ApiResponse(responseCode = "200", description = "The supplier after the change")
    @ApiResponse(responseCode = "400", description = "A field is invalid", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "unknown-supplier", content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "409",
            description = "duplicate-supplier: the new name is taken",
            content = @Content(mediaType = PROBLEM))
    @PatchMapping(
            path = "/api/suppliers/{id}",
            consumes = {"application/json", "application/merge-patch+json"})
    Supplier updateSupplier(@PathVariable long id, @RequestBody SupplierForm form) {
        return purchasing().updateSupplier(id, form);
    }

    @Tag(name = "Purchase orders")
    @Operation(
            summary = "Draft a purchase order",
            description = "A new DRAFT numbered PO-0001, PO-0002, ... for the supplier named (created on first use); "
                    + "a line without unitCost takes the product's current cost.")
    @ApiResponse(responseCode = "201", description = "The draft")
    @ApiResponse(responseCode = "400", description = "A field is invalid", content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "422",
            description =
                    "unknown-sku, product-archived, or bundle-has-no-stock (a bundle is ordered as its components)",
            content = @Content(mediaType = PROBLEM))
    @PostMapping("/api/purchase-orders")
    ResponseEntity<PurchaseOrderView> create(@RequestBody OrderRequest request, UriComponentsBuilder uri) {
        PurchaseOrderView created = view(purchasing().create(request));
        URI location = uri.path("/api/purchase-orders/{id}")
                .buildAndExpand(created.id())
                .toUri();
        return ResponseEntity.created(location).body(created);
    }

    @Tag(name = "Purchase orders")
    @Operation(
            summary = "Draft purchase orders from the reorder report",
            description = "One DRAFT per supplier with every product the reorder report says to order (net of what "
                    + "is already incoming), at its suggested quantity and current cost. Products to order that "
                    + "name no supplier are listed in the " + WITHOUT_SUPPLIER + " header (comma-separated SKUs).")
    @ApiResponse(responseCode = "201", description = "The drafts (possibly none)")
    @PostMapping("/api/purchase-orders/from-reorder")
    ResponseEntity<List<PurchaseOrderView>> fromReorder() {
        Purchasing.Drafted drafted = purchasing().fromReorder();
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(201);
        if (!drafted.withoutSupplier().isEmpty()) {
            answer.header(WITHOUT_SUPPLIER, String.join(",", drafted.withoutSupplier()));
        }
        return answer.body(drafted.orders().stream().map(this::view).toList());
    }

    @Tag(name = "Purchase orders")
    @Operation(
            summary = "List purchase orders",
            description = "Newest first (at most 500), optionally of one status "
                    + "(DRAFT, SENT, PARTIALLY_RECEIVED, RECEIVED, CANCELLED) and one supplier (by name).")
    @ApiResponse(responseCode = "200", description = "The orders")
    @ApiResponse(responseCode = "400", description = "Unknown status", content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/purchase-orders")
    List<PurchaseOrderView> orders(
            @RequestParam(required = false) String status, @RequestParam(required = false) String supplier) {
        return purchasing().orders(status(status), supplier).stream()
                .map(this::view)
                .toList();
    }

    @Tag(name = "Purchase orders")
    @Operation(summary = "Get a purchase order", description = "One order by its id or its number (PO-0001).")
    @ApiResponse(responseCode = "200", description = "The order")
    @ApiResponse(responseCode = "404", description = "unknown-purchase-order", content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/purchase-orders/{id}")
    PurchaseOrderView order(@PathVariable String id) {
        return view(purchasing().order(id));
    }

    @Tag(name = "Purchase orders")
    @Operation(
            summary = "Change a draft",
            description = "Replaces a DRAFT's reference, expected date and lines (and its supplier when given).")
    @ApiResponse(responseCode = "200", description = "The draft after the change")
    @ApiResponse(responseCode = "400", description = "A field is invalid", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "unknown-purchase-order", content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "409",
            description = "purchase-order-not-draft: it has been sent or cancelled",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "422",
            description = "unknown-sku, product-archived, or bundle-has-no-stock",
            content = @Content(mediaType = PROBLEM))
    @PatchMapping(
            path = "/api/purchase-orders/{id}",
            consumes = {"application/json", "application/merge-patch+json"})
    PurchaseOrderView updateDraft(@PathVariable String id, @RequestBody OrderRequest request) {
        return view(purchasing().updateDraft(id, request));
    }

    @Tag(name = "Purchase orders")
    @Operation(
            summary = "Send a purchase order",
            description = "A DRAFT becomes SENT and its PDF is emailed to the supplier when it has an address "
                    + "(emailedAt, or emailError when the mail server refused). Sending an open order emails it again.")
    @ApiResponse(responseCode = "200", description = "The order, SENT")
    @ApiResponse(responseCode = "400", description = "The draft has no lines", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "unknown-purchase-order", content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "409",
            description = "purchase-order-not-draft: received or cancelled",
            content = @Content(mediaType = PROBLEM))
    @PostMapping("/api/purchase-orders/{id}/send")
    PurchaseOrderView send(@PathVariable String id) {
        return view(purchasing().send(id));
    }

    @Tag(name = "Purchase orders")
    @Operation(
            summary = "Receive units of a purchase order",
            description = "One RECEIPT movement per line (note names the order number) in one transaction; the "
                    + "product's cost becomes the moving average at the line's unit cost. The order becomes "
                    + "PARTIALLY_RECEIVED or RECEIVED.")
    @ApiResponse(responseCode = "201", description = "The order after the receipt and the ledger movements")
    @ApiResponse(responseCode = "400", description = "A field is invalid", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "unknown-purchase-order", content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "409",
            description = "over-receipt (more than is open on a line) or purchase-order-not-open (draft or cancelled)",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "422",
            description = "sku-not-on-order or product-archived",
            content = @Content(mediaType = PROBLEM))
    @PostMapping("/api/purchase-orders/{id}/receipts")
    ResponseEntity<ReceiptView> receive(@PathVariable String id, @RequestBody ReceiptRequest request) {
        Purchasing.Receipt receipt = purchasing().receive(id, request);
        return ResponseEntity.status(201).body(new ReceiptView(view(receipt.order()), receipt.movements()));
    }

    @Tag(name = "Purchase orders")
    @Operation(
            summary = "Cancel a purchase order",
            description = "A draft or open order becomes CANCELLED; what was received stays received. "
                    + "Cancelling a cancelled order answers it unchanged.")
    @ApiResponse(responseCode = "200", description = "The order, CANCELLED")
    @ApiResponse(responseCode = "404", description = "unknown-purchase-order", content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "409",
            description = "purchase-order-not-open: fully received",
            content = @Content(mediaType = PROBLEM))
    @PostMapping("/api/purchase-orders/{id}/cancel")
    PurchaseOrderView cancel(@PathVariable String id) {
        return view(purchasing().cancel(id));
    }

    @Tag(name = "Purchase orders")
    @Operation(summary = "A purchase order as PDF", description = "The printable order, as emailed to the supplier.")
    @ApiResponse(
            responseCode = "200",
            description = "The PDF",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PDF_VALUE,
                            schema = @Schema(type = "string", format = "binary", description = "A PDF document")))
    @ApiResponse(responseCode = "404", description = "unknown-purchase-order", content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/purchase-orders/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        PurchaseOrder order = purchasing().order(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(order.number() + ".pdf"))
                .body(purchasing().pdf(order.id()));
    }

    @Tag(name = "Purchase orders")
    @Operation(
            summary = "A purchase order as CSV",
            description =
                    "One row per line: number, supplier, sku, name, quantity, received, open, unitCost, lineTotal.")
    @ApiResponse(
            responseCode = "200",
            description = "The CSV",
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema =
                                    @Schema(
                                            type = "string",
                                            description = "RFC 4180 CSV with a header row",
                                            example =
                                                    "number,supplier,sku,name,quantity,received,open,unitCost,lineTotal\n"
                                                            + "PO-0001,Acme,LAP-001,Laptop,10,4,6,700.00,7000.00\n")))
    @ApiResponse(responseCode = "404", description = "unknown-purchase-order", content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/purchase-orders/{id}/csv")
    ResponseEntity<String> csv(@PathVariable String id) {
        PurchaseOrder order = purchasing().order(id);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(order.number() + ".csv"))
                .body(purchasing().csv(order.id()));
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name).build().toString();
    }

    static PurchaseOrder.Status status(String status) {
        return Choices.parseOptional(PurchaseOrder.Status.class, "status", status);
    }
}
