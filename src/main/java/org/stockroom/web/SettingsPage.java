package org.stockroom.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.stockroom.support.StockroomProperties;

/** The store's settings as they are in force. */
@Controller
class SettingsPage {

    private final StockroomProperties properties;

    SettingsPage(StockroomProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/settings")
    String settings(Model model) {
        model.addAttribute("currency", properties.currency());
        model.addAttribute("timezone", properties.timezone());
        return "settings";
    }
}
