package org.stockroom.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** Turns the store's calendar dates into instants: a date means the whole day in the store's time zone. */
@Component
public class StoreCalendar {

    private final ZoneId zone;

    public StoreCalendar(StockroomProperties properties) {
        this.zone = properties.timezone();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first millisecond of {@code date}, or null for an open start. */
    public Long startOf(LocalDate date) {
        return date == null ? null : date.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** The first millisecond after {@code date}, or null for an open end. */
    public Long endOf(LocalDate date) {
        return date == null
                ? null
                : date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }
}
