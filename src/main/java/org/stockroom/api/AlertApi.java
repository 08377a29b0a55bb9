package org.stockroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stockroom.Store;
import org.stockroom.alerts.Alert;
import org.stockroom.alerts.AlertStatus;
import org.stockroom.support.Choices;

@RestController
@Tag(name = "Alerts")
@RequestMapping("/api/alerts")
class AlertApi {

    private final Store store;

    AlertApi(Store store) {
        this.store = store;
    }

    @Operation(
            summary = "List restock alerts",
            description = "Open alerts by default; `status=resolved` or `status=all` for the others.")
    @GetMapping
    List<Alert> list(@RequestParam(defaultValue = "open") String status) {
        return store.alerts(Choices.parse(AlertStatus.class, "status", status));
    }

    @Operation(
            summary = "Acknowledge an alert",
            description = "Marks that someone has seen the alert; it stays open until the product is restocked.")
    @PostMapping("/{id}/acknowledge")
    Alert acknowledge(@PathVariable long id) {
        return store.acknowledge(id);
    }
}
