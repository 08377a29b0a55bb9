package org.stockroom.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.stockroom.http.ErrorCodes;
import org.stockroom.http.Statuses;
import org.stockroom.support.CommitFailedException;
import org.stockroom.support.DomainException;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.InvalidRequestException.FieldError;
import org.stockroom.support.TransientFailures;
import tools.jackson.core.JacksonException;

/**
 * Every error answer is RFC 9457 Problem Details with a stable kebab-case {@code code}. Refusals of
 * the domain carry their own status and code; framework errors caused by the client (bad JSON,
 * wrong types, unknown paths) become 4xx; anything else is a 500 that says nothing about internals.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    static final String TYPE_BASE = "https://stockroom.dev/problems/";

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        if (e.kind() == DomainException.Kind.OUTCOME_UNKNOWN) {
            log.warn("Answered that the outcome is unknown: {}", e.getMessage());
        }
        return ResponseEntity.status(Statuses.of(e))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return domain(new InvalidRequestException(e.getName(), "has an invalid value"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (TransientFailures.isTransient(e)) {
            return busy(e);
        }
        if (find(e, InvalidParameterException.class) != null) {
            // Tomcat parses the query string lazily, when a handler first asks for a parameter.
            return domain(new InvalidRequestException("query", "is not validly percent-encoded UTF-8"));
        }
        if (find(e, CommitFailedException.class) != null) {
            log.warn("A commit was not confirmed; the request's outcome is unknown ({})", e.toString());
            return domain(new DomainException(
                    DomainException.Kind.OUTCOME_UNKNOWN,
                    "outcome-unknown",
                    "The database did not confirm the commit (the connection to it broke), so this change may or may"
                            + " not have been made. Look at the current state before sending it again."));
        }
        log.error("Unexpected failure", e);
        // Not "nothing was changed": a failure we did not foresee says nothing certain about that.
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Look at the current state before sending this request again.");
        body.setType(URI.create(TYPE_BASE + "internal-error"));
        body.setProperty("code", "internal-error");
        return ResponseEntity.internalServerError()
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    /**
     * The database kept aborting the transaction to resolve conflicts with others even after it was
     * tried again several times: nothing was committed, and the client may simply retry.
     */
    private ResponseEntity<ProblemDetail> busy(Exception e) {
        log.warn("Transaction still aborted by the database after retries: {}", e.getMessage());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The store is busy with other changes to the same products; nothing was changed by this request. Try again.");
        body.setType(URI.create(TYPE_BASE + "busy"));
        body.setProperty("code", "busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return ResponseEntity.status(Statuses.of(domain)).body(problem(domain));
            }
        }
        JacksonException json = find(e, JacksonException.class);
        String field = json == null ? "body" : path(json);
        String message = json == null ? "is missing or is not valid JSON" : describe(json);
        return ResponseEntity.badRequest().body(problem(new InvalidRequestException(field, message)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
        return ResponseEntity.badRequest().body(problem(new InvalidRequestException(errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults()
                .forEach(r -> r.getResolvableErrors()
                        .forEach(err -> errors.add(
                                new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(problem(new InvalidRequestException(errors)));
    }

    /** Framework errors (404, 405, 406, 415, missing parameters, ...) keep their status and gain a code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            String code = codeFor(status);
            problem.setType(URI.create(TYPE_BASE + code));
            problem.setProperty("code", code);
        }
        return response;
    }

    private static String codeFor(HttpStatusCode status) {
        return ErrorCodes.of(status.value());
    }

    static ProblemDetail problem(DomainException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(Statuses.of(e)), e.getMessage());
        body.setType(URI.create(TYPE_BASE + e.code()));
        body.setProperty("code", e.code());
        for (Map.Entry<String, Object> p : e.properties().entrySet()) {
            body.setProperty(p.getKey(), p.getValue());
        }
        return body;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String describe(JacksonException e) {
        if (e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof tools.jackson.databind.exc.MismatchedInputException mismatch
                && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target == Long.class || target == Integer.class || target == long.class || target == int.class) {
                return "must be a whole number";
            }
            if (target == java.math.BigDecimal.class) {
                return "must be a number";
            }
            if (target == String.class) {
                return "must be a string";
            }
            if (target.isEnum()) {
                return "must be one of " + java.util.Arrays.toString(target.getEnumConstants());
            }
            if (java.util.Collection.class.isAssignableFrom(target)) {
                return "must be an array";
            }
            return "has the wrong type";
        }
        if (e instanceof tools.jackson.core.exc.StreamReadException) {
            return "is not valid JSON";
        }
        return "is invalid";
    }
}
