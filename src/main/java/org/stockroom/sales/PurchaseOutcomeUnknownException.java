package org.stockroom.sales;

import java.util.LinkedHashMap;
import java.util.Map;
import org.stockroom.support.DomainException;

/**
 * A purchase whose commit was not confirmed: it may or may not have been made. The answer tells
 * the client how to find out without buying twice: retry with the same Idempotency-Key, or, with
 * none, look the purchase up by its reference before trying again.
 */
public final class PurchaseOutcomeUnknownException extends DomainException {

    PurchaseOutcomeUnknownException(String why, String idempotencyKey, String reference) {
        super(Kind.OUTCOME_UNKNOWN, "outcome-unknown", message(why, idempotencyKey, reference), properties(reference));
    }

    private static String message(String why, String idempotencyKey, String reference) {
        String head = why + ", so this purchase may or may not have been made. ";
        if (idempotencyKey != null) {
            return head + "Retry with the same Idempotency-Key: the retry answers the purchase if it was made, "
                    + "and makes it if it was not.";
        }
        if (reference != null) {
            return head + "Do not simply send it again: look for it first with GET /api/purchases?reference="
                    + reference + ", and send an Idempotency-Key with every purchase so that a retry is always safe.";
        }
        return head + "Do not simply send it again: look for it first in GET /api/purchases (newest first), "
                + "and send a reference and an Idempotency-Key with every purchase so that a retry is always safe.";
    }

    private static Map<String, Object> properties(String reference) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (reference != null) {
            properties.put("reference", reference);
        }
        return properties;
    }
}
