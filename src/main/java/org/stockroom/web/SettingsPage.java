package org.stockroom.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.stockroom.Store;
import org.stockroom.notifications.AlertEmailProperties;
import org.stockroom.notifications.RegisteredWebhook;
import org.stockroom.notifications.Webhooks;
import org.stockroom.settings.StoreSettings;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.StockroomProperties;

/**
 * The store's settings: currency display, time zone, alert email recipients and the defaults for
 * imports, saved in the database (OWNER only, audited); the currency as configured; and the
 * webhook endpoints with their delivery logs.
 */
@Controller
@RequestMapping("/settings")
class SettingsPage {

    static final int DELIVERIES_PAGE_SIZE = 25;

    private final StockroomProperties properties;
    private final Store store;
    private final Webhooks webhooks;
    private final String emailMode;

    SettingsPage(StockroomProperties properties, Store store, AlertEmailProperties email) {
        this.properties = properties;
        this.store = store;
        this.webhooks = store.webhooks();
        this.emailMode = email.mode().name().toLowerCase(java.util.Locale.ROOT);
    }

    @GetMapping
    String settings(Model model) {
        StoreSettings current = store.settings().current();
        model.addAttribute("currency", properties.currency());
        model.addAttribute("timezone", current.timeZone());
        model.addAttribute("reportZone", properties.timezone());
        model.addAttribute("emailRecipients", current.alertEmails());
        model.addAttribute("emailMode", emailMode);
        model.addAttribute("displays", StoreSettings.CurrencyDisplay.values());
        model.addAttribute("symbol", properties.currency().getSymbol(java.util.Locale.US));
        if (!model.containsAttribute("store")) {
            model.addAttribute("store", StoreSettingsForm.of(current));
            model.addAttribute("storeErrors", Map.of());
        }
        model.addAttribute("webhooks", webhooks.list());
        model.addAttribute("eventTypes", webhooks.eventTypes());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("chosenEvents", webhooks.eventTypes().subList(0, 2));
        }
        return "settings";
    }

    @PostMapping
    String save(@ModelAttribute("store") StoreSettingsForm form, Model model, HttpServletResponse response) {
        try {
            store.settings().update(form.toChange());
            return "redirect:/settings?saved";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            model.addAttribute("storeErrors", ProductPages.fieldMap(e));
            return settings(model);
        }
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
