package org.stockroom.api;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.stockroom.Store;
import org.stockroom.alerts.AlertStream;
import org.stockroom.support.DomainException;

/** Restock alert changes as server-sent events, for pages that show them live. */
@RestController
class AlertStreamApi {

    private final AlertStream stream;

    AlertStreamApi(Store store) {
        this.stream = store.alertStream();
    }

    @GetMapping(path = "/api/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.connect()
                .orElseThrow(() -> new DomainException(
                        DomainException.Kind.UNAVAILABLE,
                        "too-many-streams",
                        "Too many browsers are following alerts right now; try again later"));
    }
}
