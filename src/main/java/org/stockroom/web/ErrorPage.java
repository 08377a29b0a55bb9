package org.stockroom.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.ErrorResponse;
import org.stockroom.http.Statuses;
import org.stockroom.support.CommitFailedException;
import org.stockroom.support.DomainException;
import org.stockroom.support.TransientFailures;

/** What a page says about a failure: the status and a sentence for a person, never a stack trace or internals. */
record ErrorPage(int status, String title, String message) {

    private static final Logger log = LoggerFactory.getLogger(ErrorPage.class);

    /** The page for {@code e}, with the failure in the log when it is ours (500, 503), as the page never shows it. */
    static ErrorPage logged(Exception e) {
        ErrorPage page = of(e);
        if (TransientFailures.isTransient(e)) {
            log.warn("Transaction still aborted by the database after retries: {}", e.getMessage());
        } else if (page.status() == 500) {
            log.error("Unexpected failure on a page", e);
        }
        return page;
    }

    static ErrorPage of(Exception e) {
        if (e instanceof DomainException refused) {
            return new ErrorPage(
                    Statuses.of(refused),
                    refused.kind() == DomainException.Kind.NOT_FOUND ? "Not found" : "Not possible",
                    refused.getMessage());
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.apache.tomcat.util.http.InvalidParameterException) {
                return new ErrorPage(
                        400, "Not possible", "The address is not valid: its query is not properly encoded.");
            }
            if (cause instanceof CommitFailedException) {
                return new ErrorPage(
                        503,
                        "Not sure it was saved",
                        "The database did not confirm this change (the connection to it broke), so it may or may not"
                                + " have been saved. Look before doing it again.");
            }
        }
        if (TransientFailures.isTransient(e)) {
            return new ErrorPage(
                    503,
                    "Busy",
                    "The store is busy with other changes to the same products; nothing was changed. Try again.");
        }
        if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            int status = framework.getStatusCode().value();
            return switch (status) {
                case 404 ->
                    new ErrorPage(
                            404,
                            "Not found",
                            "There is no page at this address. It may have been mistyped, or what it showed was removed.");
                case 405 ->
                    new ErrorPage(
                            405,
                            "Not possible",
                            "This address does not take that kind of request; use the page's links and buttons.");
                default ->
                    new ErrorPage(status, "Not possible", "The request was not understood (status " + status + ").");
            };
        }
        return new ErrorPage(
                500,
                "Something went wrong",
                "Something went wrong on our side. Look at what you changed before trying again.");
    }
}
