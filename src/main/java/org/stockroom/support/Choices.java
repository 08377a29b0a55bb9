package org.stockroom.support;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A choice a person or client typed (a status filter): read in any case with surrounding spaces
 * ignored, so every face (API, pages, CLI) takes the same words and refuses anything else with the
 * same 400 message, which lists what it takes.
 */
public final class Choices {

    private Choices() {}

    public static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        if (text != null) {
            String name = text.strip().toUpperCase(Locale.ROOT);
            for (E choice : type.getEnumConstants()) {
                if (choice.name().equals(name)) {
                    return choice;
                }
            }
        }
        throw new InvalidRequestException(
                field,
                "must be one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(c -> c.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", ")));
    }

    /** As {@link #parse}, but a missing or blank text is no choice (null): a filter left empty. */
    public static <E extends Enum<E>> E parseOptional(Class<E> type, String field, String text) {
        return text == null || text.isBlank() ? null : parse(type, field, text);
    }
}
