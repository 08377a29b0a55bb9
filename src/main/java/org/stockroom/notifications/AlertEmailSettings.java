package org.stockroom.notifications;

import org.springframework.stereotype.Component;
import org.stockroom.settings.Settings;

/**
 * Alert email as configured ({@code stockroom.alerts.email.*}), with the recipients the owner set
 * in the UI in force, read when an email is queued so a change applies to the next one.
 */
@Component
class AlertEmailSettings {

    private final AlertEmailProperties configured;
    private final Settings settings;

    AlertEmailSettings(AlertEmailProperties configured, Settings settings) {
        this.configured = configured;
        this.settings = settings;
    }

    AlertEmailProperties current() {
        return new AlertEmailProperties(
                settings.current().alertEmails(), configured.from(), configured.mode(), configured.digestTime());
    }
}
