package org.stockroom.notifications;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockroom.alerts.Alert;
import org.stockroom.alerts.AlertStatus;
import org.stockroom.alerts.Alerts;
import org.stockroom.catalog.Catalog;
import org.stockroom.catalog.Product;
import org.stockroom.support.StoreCalendar;

/**
 * The daily digest ({@code stockroom.alerts.email.mode=digest}): once a store day, at the digest
 * time or at the first check after it (so a server that was down at that time still sends it),
 * one email lists every open alert. The day is recorded in the database with the queued email,
 * so several instances send one digest between them.
 */
@Component
class AlertDigest {

    private final Alerts alerts;
    private final Catalog catalog;
    private final Outbox outbox;
    private final Messages messages;
    private final AlertEmailSettings emailSettings;
    private final StoreCalendar calendar;
    private final Wakeup wakeup;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private volatile LocalDate lastDay;

    AlertDigest(
            Alerts alerts,
            Catalog catalog,
            Outbox outbox,
            Messages messages,
            AlertEmailSettings emailSettings,
            StoreCalendar calendar,
            Wakeup wakeup,
            TransactionTemplate transaction,
            Clock clock) {
        this.alerts = alerts;
        this.catalog = catalog;
        this.outbox = outbox;
        this.messages = messages;
        this.emailSettings = emailSettings;
        this.calendar = calendar;
        this.wakeup = wakeup;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT10S")
    void tick() {
        AlertEmailProperties email = emailSettings.current();
        if (!email.enabled() || email.mode() != AlertEmailProperties.Mode.DIGEST) {
            return;
        }
        ZonedDateTime now = clock.instant().atZone(calendar.zone());
        LocalDate today = now.toLocalDate();
        if (today.equals(lastDay) || now.toLocalTime().isBefore(email.digestTime())) {
            return;
        }
        sendFor(today);
        lastDay = today;
    }

    /** Queues the digest of {@code day} unless it was already sent; false when it was, or when nothing is open. */
    boolean sendFor(LocalDate day) {
        return Boolean.TRUE.equals(transaction.execute(status -> queue(day)));
    }

    private boolean queue(LocalDate day) {
        List<Alert> open = alerts.list(AlertStatus.OPEN);
        if (open.isEmpty() || !outbox.claimDigest(day.toString(), clock.millis())) {
            return false;
        }
        Map<String, Product> products = catalog
                .findAll(open.stream().map(Alert::sku).toList())
                .stream()
                .collect(Collectors.toMap(p -> p.sku().value(), Function.identity()));
        outbox.queueEmail(
                messages.newId(),
                "alert.digest",
                messages.digestEmail(day, open, products, emailSettings.current()),
                clock.millis());
        wakeup.afterCommit();
        return true;
    }
}
