package org.stockroom.http;

import java.beans.PropertyEditorSupport;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Dates in addresses ({@code ?from=2026-11-01}) of the API and the pages alike: ISO dates of the
 * years 1 to 9999. ISO also reads {@code +300000000-01-01}, a day whose first millisecond does not
 * fit in the epoch-millisecond columns the stores query, and {@code +999999999-12-31}, which has no
 * next day; such a date was a 500. Refused here, it is the same 400 as any malformed date
 * ({@code MethodArgumentTypeMismatchException}, which both faces answer).
 */
@ControllerAdvice
class DateParameters {

    static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    /** A custom editor is consulted before the conversion service, so it also governs {@code @DateTimeFormat} parameters. */
    @InitBinder
    void dates(WebDataBinder binder) {
        binder.registerCustomEditor(LocalDate.class, new IsoDate());
    }

    static final class IsoDate extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (text == null || text.isBlank()) {
                setValue(null);
                return;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(text.strip(), DateTimeFormatter.ISO_DATE);
            } catch (DateTimeException e) {
                // The binder turns an IllegalArgumentException (only) into a type mismatch, a 400.
                throw new IllegalArgumentException("not an ISO date (YYYY-MM-DD): " + text, e);
            }
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                throw new IllegalArgumentException("a date must be from 0001-01-01 to 9999-12-31: " + text);
            }
            setValue(date);
        }

        @Override
        public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
        }
    }
}
