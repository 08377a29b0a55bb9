package org.stockroom.api;

import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stockroom.Store;
import org.stockroom.alerts.Alert;
import org.stockroom.alerts.AlertStatus;
import org.stockroom.support.InvalidRequestException;

@RestController
@RequestMapping("/api/alerts")
class AlertApi {

    private final Store store;

    AlertApi(Store store) {
        this.store = store;
    }

    @GetMapping
    List<Alert> list(@RequestParam(defaultValue = "open") String status) {
        AlertStatus parsed;
        try {
            parsed = AlertStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "must be open, resolved or all");
        }
        return store.alerts(parsed);
    }

    @PostMapping("/{id}/acknowledge")
    Alert acknowledge(@PathVariable long id) {
        return store.acknowledge(id);
    }
}
