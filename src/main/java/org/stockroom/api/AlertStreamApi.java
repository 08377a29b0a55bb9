package org.stockroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.stockroom.support.DomainException;

/** Restock alert changes as server-sent events, for pages that show them live. */
@RestController
@Tag(name = "Alerts")
class AlertStreamApi {

    private final AlertStreamConnections connections;

    AlertStreamApi(AlertStreamConnections connections) {
        this.connections = connections;
    }

    @Operation(
            summary = "Follow alert changes live",
            description =
                    "Server-sent events (`text/event-stream`): one event per alert raised, escalated, acknowledged or "
                            + "resolved, whose `data` is the alert as JSON. The stream stays open; reconnect when it ends.")
    @ApiResponse(
            responseCode = "200",
            description = "An open event stream",
            content =
                    @Content(
                            mediaType = "text/event-stream",
                            schema =
                                    @Schema(
                                            type = "string",
                                            description = "Server-sent events; each `data` line is an Alert as JSON",
                                            example =
                                                    "event: alert\ndata: {\"id\":7,\"sku\":\"LAP-001\",\"level\":\"LOW\"}\n\n")))
    @ApiResponse(responseCode = "503", description = "Too many streams are open now: `too-many-streams`")
    @GetMapping(path = "/api/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return connections
                .connect()
                .orElseThrow(() -> new DomainException(
                        DomainException.Kind.UNAVAILABLE,
                        "too-many-streams",
                        "Too many browsers are following alerts right now; try again later"));
    }
}
