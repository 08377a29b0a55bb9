package org.stockroom.web;

import org.stockroom.settings.Settings;
import org.stockroom.settings.StoreSettings;

/** The store settings form as typed; a blank field means "as configured". */
record StoreSettingsForm(
        String currencyDisplay,
        String timeZone,
        String alertEmails,
        String defaultReorderThreshold,
        String defaultReorderQuantity) {

    static StoreSettingsForm of(StoreSettings s) {
        return new StoreSettingsForm(
                s.currencyDisplay().name(),
                s.timeZone().getId(),
                String.join(", ", s.alertEmails()),
                s.defaultReorderThreshold() == null
                        ? ""
                        : s.defaultReorderThreshold().toString(),
                s.defaultReorderQuantity() == null
                        ? ""
                        : s.defaultReorderQuantity().toString());
    }

    Settings.Change toChange() {
        return new Settings.Change(
                currencyDisplay, timeZone, alertEmails, defaultReorderThreshold, defaultReorderQuantity);
    }
}
