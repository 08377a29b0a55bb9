package org.stockroom.settings;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockroom.support.AuditTrail;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.InvalidRequestException.FieldError;
import org.stockroom.support.StockroomProperties;

/**
 * The settings people change in the UI, saved in the database so that every instance sharing it
 * agrees. Reads are served from a copy at most {@link #FRESH_MILLIS} old, since every page asks;
 * a change made here is seen here at once and by other instances within that time.
 */
@Service
public class Settings {

    static final long FRESH_MILLIS = 5_000;
    static final int MAX_RECIPIENTS = 20;
    static final long MAX_UNITS = 1_000_000_000L;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+");

    private final SettingsRepository repository;
    private final AuditTrail audit;
    private final Clock clock;
    private final StoreSettings configured;
    private volatile StoreSettings cached;
    private volatile long cachedAt;

    Settings(
            SettingsRepository repository,
            AuditTrail audit,
            Clock clock,
            StockroomProperties properties,
            @Value("${stockroom.alerts.email.to:}") List<String> configuredRecipients) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.configured = new StoreSettings(
                StoreSettings.CurrencyDisplay.CODE,
                properties.timezone(),
                configuredRecipients.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList(),
                null,
                null);
    }

    /** The settings in force: those saved, and the configuration for the rest. */
    public StoreSettings current() {
        StoreSettings copy = cached;
        long now = clock.millis();
        if (copy == null || now - cachedAt > FRESH_MILLIS) {
            copy = read(repository.all());
            cached = copy;
            cachedAt = now;
        }
        return copy;
    }

    /** What the configuration says, for the page to show beside what is saved. */
    public StoreSettings configured() {
        return configured;
    }

    /**
     * Saves the settings given as typed in a form: every field is checked first and nothing is
     * saved unless all are valid. A blank field goes back to the configuration. Audited as
     * {@code settings.changed} with the names of the settings that changed.
     */
    @Transactional
    public StoreSettings update(Change change) {
        Map<String, String> values = validate(change);
        Map<String, String> saved = repository.all();
        List<String> changed = new ArrayList<>();
        long now = clock.millis();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!Objects.equals(saved.get(e.getKey()), e.getValue())) {
                repository.save(e.getKey(), e.getValue(), now);
                changed.add(e.getKey());
            }
        }
        if (!changed.isEmpty()) {
            audit.record("settings.changed", "settings", String.join(", ", changed));
        }
        StoreSettings fresh = read(repository.all());
        cached = fresh;
        cachedAt = now;
        return fresh;
    }

    /** The settings as typed: null or blank for "as configured". */
    public record Change(
            String currencyDisplay,
            String timeZone,
            String alertEmails,
            String defaultReorderThreshold,
            String defaultReorderQuantity) {}

    private static Map<String, String> validate(Change change) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        String display = blankToNull(change.currencyDisplay());
        if (display != null
                && Arrays.stream(StoreSettings.CurrencyDisplay.values())
                        .noneMatch(d -> d.name().equals(display))) {
            errors.add(new FieldError("currencyDisplay", "must be CODE or SYMBOL"));
        }
        values.put("currencyDisplay", display);
        String zone = blankToNull(change.timeZone());
        if (zone != null) {
            try {
                zone = ZoneId.of(zone).getId();
            } catch (DateTimeException e) {
                errors.add(new FieldError("timeZone", "must be a time zone such as Europe/Berlin or UTC"));
            }
        }
        values.put("timeZone", zone);
        String emails = blankToNull(change.alertEmails());
        if (emails != null) {
            List<String> list = Arrays.stream(emails.split("[,;\\s]+"))
                    .filter(s -> !s.isEmpty())
                    .toList();
            if (list.size() > MAX_RECIPIENTS) {
                errors.add(new FieldError("alertEmails", "may name at most " + MAX_RECIPIENTS + " addresses"));
            } else if (list.stream()
                    .anyMatch(s -> s.length() > 254 || !EMAIL.matcher(s).matches())) {
                errors.add(new FieldError("alertEmails", "must be email addresses separated by commas"));
            }
            emails = String.join(",", list);
        }
        values.put("alertEmails", emails);
        values.put(
                "defaultReorderThreshold",
                units("defaultReorderThreshold", change.defaultReorderThreshold(), 0, errors));
        values.put(
                "defaultReorderQuantity", units("defaultReorderQuantity", change.defaultReorderQuantity(), 1, errors));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return values;
    }

    private static String units(String field, String typed, long min, List<FieldError> errors) {
        String value = blankToNull(typed);
        if (value == null) {
            return null;
        }
        try {
            long units = Long.parseLong(value);
            if (units >= min && units <= MAX_UNITS) {
                return Long.toString(units);
            }
        } catch (NumberFormatException e) {
            // reported below, as for a number out of range
        }
        errors.add(new FieldError(field, "must be a whole number from " + min + " to " + MAX_UNITS));
        return null;
    }

    private StoreSettings read(Map<String, String> saved) {
        String display = saved.get("currencyDisplay");
        String zone = saved.get("timeZone");
        String emails = saved.get("alertEmails");
        String threshold = saved.get("defaultReorderThreshold");
        String quantity = saved.get("defaultReorderQuantity");
        return new StoreSettings(
                display == null ? configured.currencyDisplay() : StoreSettings.CurrencyDisplay.valueOf(display),
                zone == null ? configured.timeZone() : ZoneId.of(zone),
                emails == null ? configured.alertEmails() : List.of(emails.split(",")),
                threshold == null ? null : Long.valueOf(threshold),
                quantity == null ? null : Long.valueOf(quantity));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
