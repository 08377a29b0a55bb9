package org.stockroom.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.stockroom.Store;
import org.stockroom.channels.Channel;
import org.stockroom.channels.ConnectRequest;
import org.stockroom.support.InvalidRequestException;

/**
 * The Channels pages (OWNER, under /settings): the connected storefronts with their status and last
 * sync, a form to connect one, and per channel its latest orders (unmatched lines shown, each order
 * linked to its purchase and to the platform's admin), its sync log with drift, "Sync now" and
 * "Disconnect".
 */
@Controller
@RequestMapping("/settings/channels")
class ChannelPages {

    static final int LOG_PAGE_SIZE = 50;

    private final Store store;

    ChannelPages(Store store) {
        this.store = store;
    }

    @GetMapping
    String channels(Model model) {
        model.addAttribute("channels", store.channels().list());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("form", Map.of("type", "shopify"));
        }
        return "channels/list";
    }

    @PostMapping
    String connect(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            Channel channel = store.channels()
                    .connect(new ConnectRequest(
                            form.get("type"),
                            form.get("name"),
                            blankToNull(form.get("shopDomain")),
                            blankToNull(form.get("accessToken")),
                            blankToNull(form.get("webhookSecret")),
                            blankToNull(form.get("locationId")),
                            blankToNull(form.get("siteUrl")),
                            blankToNull(form.get("consumerKey")),
                            blankToNull(form.get("consumerSecret"))));
            return "redirect:/settings/channels/" + channel.id() + "?connected";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            model.addAttribute("errors", ProductPages.fieldMap(e));
            // Secrets are never echoed back into the page.
            model.addAttribute(
                    "form",
                    Map.of(
                            "type", form.getOrDefault("type", "shopify"),
                            "name", form.getOrDefault("name", ""),
                            "shopDomain", form.getOrDefault("shopDomain", ""),
                            "locationId", form.getOrDefault("locationId", ""),
                            "siteUrl", form.getOrDefault("siteUrl", "")));
            return channels(model);
        }
    }

    @GetMapping("/{id}")
    String channel(@PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("channel", store.channels().get(id));
        model.addAttribute("orders", store.channels().orders(id, 50));
        model.addAttribute("log", store.channels().syncLog(id, Math.max(page, 0), LOG_PAGE_SIZE));
        return "channels/detail";
    }

    @PostMapping("/{id}/sync")
    String sync(@PathVariable String id) {
        store.channels().requestSync(id);
        return "redirect:/settings/channels/" + id + "?syncing";
    }

    @PostMapping("/{id}/disconnect")
    String disconnect(@PathVariable String id) {
        store.channels().disconnect(id);
        return "redirect:/settings/channels?disconnected";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
