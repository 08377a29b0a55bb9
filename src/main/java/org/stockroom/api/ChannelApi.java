package org.stockroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.stockroom.Store;
import org.stockroom.channels.Channel;
import org.stockroom.channels.ChannelOrder;
import org.stockroom.channels.ConnectRequest;
import org.stockroom.channels.InvalidSignatureException;
import org.stockroom.channels.SyncLogEntry;
import org.stockroom.support.Page;

@RestController
@RequestMapping("/api/channels")
@Tag(name = "Sales channels", description = "Shopify and WooCommerce storefronts: orders in, available stock out")
class ChannelApi {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final Store store;

    ChannelApi(Store store) {
        this.store = store;
    }

    @PostMapping
    @Operation(
            summary = "Connect a storefront",
            description =
                    "Connects a Shopify store (shopDomain, accessToken, webhookSecret, locationId) or a WooCommerce "
                            + "site (siteUrl, consumerKey, consumerSecret, webhookSecret). Secrets are stored encrypted and never "
                            + "returned. The channel's catalog is read and mapped by SKU right after. OWNER only.")
    @ApiResponse(
            responseCode = "201",
            description = "Connected; the channel, with the path its webhooks must be sent to")
    @ApiResponse(
            responseCode = "400",
            description = "A field is missing or invalid, or the URL is not allowed",
            content = @Content(mediaType = PROBLEM))
    ResponseEntity<Channel> connect(@RequestBody ConnectRequest request) {
        Channel channel = store.channels().connect(request);
        return ResponseEntity.created(URI.create("/api/channels/" + channel.id()))
                .body(channel);
    }

    @GetMapping
    @Operation(
            summary = "List channels",
            description = "Every channel not disconnected, with its status and last sync.")
    @ApiResponse(responseCode = "200", description = "The channels")
    List<Channel> list() {
        return store.channels().list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One channel", description = "The channel's status, last sync, and how many SKUs it lists.")
    @ApiResponse(responseCode = "200", description = "The channel")
    @ApiResponse(responseCode = "404", description = "No such channel", content = @Content(mediaType = PROBLEM))
    Channel get(@PathVariable String id) {
        return store.channels().get(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Disconnect a channel",
            description = "Its webhooks are refused from now on and no more stock is pushed to it; its orders stay.")
    @ApiResponse(responseCode = "204", description = "Disconnected")
    @ApiResponse(responseCode = "404", description = "No such channel", content = @Content(mediaType = PROBLEM))
    void disconnect(@PathVariable String id) {
        store.channels().disconnect(id);
    }

    @PostMapping("/{id}/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Sync a channel now",
            description =
                    "Reads the channel's catalog, maps SKUs, pushes available stock for every mapped SKU and records "
                            + "drift in the sync log. Runs in the background; a channel marked UNAUTHORIZED is tried again.")
    @ApiResponse(responseCode = "202", description = "Sync requested; the channel")
    @ApiResponse(responseCode = "404", description = "No such channel", content = @Content(mediaType = PROBLEM))
    Channel sync(@PathVariable String id) {
        return store.channels().requestSync(id);
    }

    @GetMapping("/{id}/sync-log")
    @Operation(
            summary = "A channel's sync log",
            description =
                    "Newest first: syncs, drift found (channel quantity different from available), SKUs unmapped on "
                            + "either side, failed pushes.")
    @ApiResponse(responseCode = "200", description = "A page of the log")
    @ApiResponse(responseCode = "404", description = "No such channel", content = @Content(mediaType = PROBLEM))
    Page<SyncLogEntry> syncLog(
            @PathVariable String id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return store.channels().syncLog(id, page, size);
    }

    @GetMapping("/{id}/orders")
    @Operation(
            summary = "A channel's latest orders",
            description =
                    "Newest first, with their lines (unmatched SKUs flagged), the purchase each became, and a link "
                            + "to the order in the platform's admin.")
    @ApiResponse(responseCode = "200", description = "The orders")
    @ApiResponse(responseCode = "404", description = "No such channel", content = @Content(mediaType = PROBLEM))
    List<ChannelOrder> orders(@PathVariable String id, @RequestParam(defaultValue = "50") int limit) {
        return store.channels().orders(id, Math.max(1, Math.min(limit, 500)));
    }

    @PostMapping("/{id}/webhooks")
    @Operation(
            summary = "Receive a platform webhook",
            description = "The platform's own deliveries, unchanged, without Stockroom credentials: Shopify signs with "
                    + "X-Shopify-Hmac-Sha256, WooCommerce with X-WC-Webhook-Signature (base64 HMAC-SHA256 of the raw body "
                    + "with the webhook secret). A valid delivery is recorded and answered at once; WooCommerce's unsigned "
                    + "ping (webhook_id=N) is answered and recorded nowhere.")
    @ApiResponse(responseCode = "200", description = "Recorded (or a ping, or a topic Stockroom does not act on)")
    @ApiResponse(
            responseCode = "401",
            description = "Missing or wrong signature; nothing recorded",
            content = @Content(mediaType = PROBLEM))
    ResponseEntity<Void> webhook(@PathVariable String id, HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        if (body.length == 0 && request.getParameter("webhook_id") != null) {
            // A filter read the form already; the ping's body is exactly this one field.
            body = ("webhook_id=" + request.getParameter("webhook_id")).getBytes(StandardCharsets.US_ASCII);
        }
        store.channels().receive(id, body, request::getHeader);
        return ResponseEntity.ok().build();
    }

    @ExceptionHandler(InvalidSignatureException.class)
    ResponseEntity<ProblemDetail> invalidSignature(InvalidSignatureException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        body.setType(URI.create(ProblemAdvice.TYPE_BASE + e.code()));
        body.setTitle("Unauthorized");
        body.setProperty("code", e.code());
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
