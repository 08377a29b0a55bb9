package org.stockroom.reservations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.stockroom.sales.PurchaseRequest;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.InvalidRequestException.FieldError;

/**
 * What to hold: a reference, lines as a purchase has them (validated and merged the same way), and
 * how long to hold them. Every field error is reported at once.
 */
public record ReservationRequest(String reference, List<PurchaseRequest.Line> lines, Long expiresInSeconds) {

    public static final long MIN_SECONDS = 60;
    public static final long MAX_SECONDS = 604_800;
    public static final long DEFAULT_SECONDS = 900;

    public ReservationRequest {
        List<FieldError> errors = new ArrayList<>();
        try {
            PurchaseRequest order = new PurchaseRequest(reference, lines);
            reference = order.reference();
            lines = order.lines();
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
        }
        if (expiresInSeconds == null) {
            expiresInSeconds = DEFAULT_SECONDS;
        } else if (expiresInSeconds < MIN_SECONDS || expiresInSeconds > MAX_SECONDS) {
            errors.add(new FieldError(
                    "expiresInSeconds", "must be a whole number from " + MIN_SECONDS + " to " + MAX_SECONDS));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** A stable digest of what was asked, to tell a retry from a different request under the same key. */
    String fingerprint() {
        StringBuilder canonical = new StringBuilder(reference == null ? "" : reference)
                .append('\n')
                .append(expiresInSeconds)
                .append('\n');
        lines.forEach(
                l -> canonical.append(l.sku()).append('=').append(l.quantity()).append('\n'));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
