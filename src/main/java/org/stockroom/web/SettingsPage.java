package org.stockroom.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.stockroom.Store;
import org.stockroom.notifications.RegisteredWebhook;
import org.stockroom.notifications.Webhooks;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.StockroomProperties;

/**
 * The store's settings: currency, time zone and alert email as configured, and the webhook
 * endpoints with their delivery logs, which can be changed here.
 */
@Controller
@RequestMapping("/settings")
class SettingsPage {

    static final int DELIVERIES_PAGE_SIZE = 25;

    private final StockroomProperties properties;
    private final Webhooks webhooks;
    private final List<String> emailRecipients;
    private final String emailMode;

    SettingsPage(
            StockroomProperties properties,
            Store store,
            @Value("${stockroom.alerts.email.to:}") List<String> emailRecipients,
            @Value("${stockroom.alerts.email.mode:immediate}") String emailMode) {
        this.properties = properties;
        this.webhooks = store.webhooks();
        this.emailRecipients = emailRecipients.stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        this.emailMode = emailMode;
    }

    @GetMapping
    String settings(Model model) {
        model.addAttribute("currency", properties.currency());
        model.addAttribute("timezone", properties.timezone());
        model.addAttribute("emailRecipients", emailRecipients);
        model.addAttribute("emailMode", emailMode);
        model.addAttribute("webhooks", webhooks.list());
        model.addAttribute("eventTypes", webhooks.eventTypes());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("chosenEvents", webhooks.eventTypes().subList(0, 2));
        }
        return "settings";
    }

    /** The answer shows the signing secret once; it is not in a redirect, so it never lands in a URL or the history. */
    @PostMapping("/webhooks")
    String addWebhook(
            @RequestParam(required = false) String url,
            @RequestParam(required = false) List<String> events,
            @RequestParam(required = false) String description,
            Model model,
            HttpServletResponse response) {
        try {
            RegisteredWebhook added = webhooks.register(url, events == null ? List.of() : events, description);
            response.setStatus(201);
            model.addAttribute("added", added);
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            model.addAttribute("errors", ProductPages.fieldMap(e));
            model.addAttribute("url", url);
            model.addAttribute("description", description);
            model.addAttribute("chosenEvents", events == null ? List.of() : events);
        }
        return settings(model);
    }

    @GetMapping("/webhooks/{id}")
    String deliveries(@PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("webhook", webhooks.get(id));
        model.addAttribute("deliveries", webhooks.deliveries(id, Math.max(page, 0), DELIVERIES_PAGE_SIZE));
        return "webhook";
    }

    @PostMapping("/webhooks/{id}/test")
    String test(@PathVariable String id) {
        webhooks.sendTest(id);
        return "redirect:/settings/webhooks/" + id + "?tested";
    }

    @PostMapping("/webhooks/{id}/enable")
    String enable(@PathVariable String id) {
        webhooks.enable(id);
        return "redirect:/settings/webhooks/" + id + "?enabled";
    }

    @PostMapping("/webhooks/{id}/delete")
    String delete(@PathVariable String id) {
        webhooks.delete(id);
        return "redirect:/settings?deleted";
    }
}
