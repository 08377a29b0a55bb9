package org.stockroom.support;

import java.util.List;
import java.util.Map;

/** Input that breaks a rule the type system could not express: answered as 400 with the fields at fault. */
public class InvalidRequestException extends DomainException {

    public record FieldError(String field, String message) {}

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(DomainException.Kind.INVALID, "invalid-request", summary(errors), Map.of("errors", errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        if (errors.size() == 1) {
            return errors.get(0).field() + ": " + errors.get(0).message();
        }
        return errors.size() + " fields are invalid";
    }
}
