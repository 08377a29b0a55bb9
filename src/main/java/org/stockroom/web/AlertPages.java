package org.stockroom.web;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.stockroom.Store;
import org.stockroom.alerts.AlertStatus;
import org.stockroom.support.Choices;

/** Restock alerts, open or resolved. The page follows new ones live through {@code /api/alerts/stream}. */
@Controller
@RequestMapping("/alerts")
class AlertPages {

    private final Store store;

    AlertPages(Store store) {
        this.store = store;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "open") String status, Model model) {
        AlertStatus parsed = status(status);
        model.addAttribute("status", parsed.name().toLowerCase(Locale.ROOT));
        model.addAttribute("alerts", store.alerts(parsed));
        return "alerts";
    }

    @PostMapping("/{id}/acknowledge")
    String acknowledge(@PathVariable long id, @RequestParam(defaultValue = "open") String status) {
        store.acknowledge(id);
        return "redirect:/alerts?status=" + status(status).name().toLowerCase(Locale.ROOT);
    }

    private static AlertStatus status(String status) {
        return Choices.parse(AlertStatus.class, "status", status);
    }
}
