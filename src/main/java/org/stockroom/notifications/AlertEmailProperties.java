package org.stockroom.notifications;

import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alert email settings ({@code stockroom.alerts.email.*}); the SMTP server is {@code spring.mail.*}.
 *
 * @param to who is told; no recipients means no alert email
 * @param from the sender address
 * @param mode {@code immediate}: one message per raised or escalated alert; {@code digest}: one
 *     message a day listing every open alert
 * @param digestTime when the daily digest goes out, in the store's time zone
 */
@ConfigurationProperties("stockroom.alerts.email")
public record AlertEmailProperties(
        @DefaultValue({}) List<String> to,
        @DefaultValue("stockroom@localhost") String from,
        @DefaultValue("immediate") Mode mode,
        @DefaultValue("08:00") LocalTime digestTime) {

    public enum Mode {
        IMMEDIATE,
        DIGEST
    }

    public AlertEmailProperties {
        to = to.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    boolean enabled() {
        return !to.isEmpty();
    }

    boolean immediate() {
        return enabled() && mode == Mode.IMMEDIATE;
    }
}
