package org.stockroom.reservations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockroom.sales.Purchase;
import org.stockroom.sales.PurchaseRequest;
import org.stockroom.sales.Sales;
import org.stockroom.stock.ExpiredHolds;
import org.stockroom.stock.Stock;
import org.stockroom.support.DomainException;
import org.stockroom.support.Ids;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.NotFoundException;

/**
 * Holds stock for unpaid orders and carts. Creating one holds every line or none (the same
 * conditional statement shape as a sale, against {@code available}); committing turns exactly the
 * held lines into a purchase at today's prices; releasing or expiring gives the units back. Each of
 * the three is a conditional status change from ACTIVE in the same transaction as the units' move,
 * so exactly one of them wins a race. Expiry needs no request: a sweeper runs every second on every
 * instance, and a sale refused for want of units first releases the due holds on its products.
 */
@Service
public class Reservations implements ExpiredHolds {

    /** The most reservations a list answers, newest first. */
    public static final int LIST_LIMIT = 500;

    private static final int SWEEP_BATCH = 200;

    private final ReservationRepository reservations;
    private final Stock stock;
    private final Sales sales;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ReservationMeters meters;

    Reservations(
            ReservationRepository reservations,
            Stock stock,
            Sales sales,
            TransactionTemplate transaction,
            Clock clock,
            ReservationMeters meters) {
        this.reservations = reservations;
        this.stock = stock;
        this.sales = sales;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
    }

    /** Holds every line or none. With a key, a repeated request answers the first reservation again and changes nothing. */
    public ReservationOutcome reserve(ReservationRequest request, String idempotencyKey) {
        if (idempotencyKey != null) {
            checkKey(idempotencyKey);
            Optional<ReservationOutcome> earlier = replay(idempotencyKey, request);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try {
            return new ReservationOutcome(sales.share(new Hold(request, idempotencyKey)), false);
        } catch (KeyTakenMeanwhile e) {
            return replay(idempotencyKey, request)
                    .orElseThrow(() -> new IllegalStateException("idempotency key vanished"));
        }
    }

    /** A reservation's creation, run like a purchase: in a commit shared with concurrent purchases and holds. */
    private final class Hold implements Sales.SharedWork<Reservation> {
        private final ReservationRequest request;
        private final String key;

        Hold(ReservationRequest request, String key) {
            this.request = request;
            this.key = key;
        }

        @Override
        public Reservation run(Sales.Till till) {
            return create(request, key);
        }

        @Override
        public String firstSku() {
            return request.lines().get(0).sku();
        }

        @Override
        public String reference() {
            return request.reference();
        }

        @Override
        public String what() {
            return "reservation";
        }

        @Override
        public DomainException outcomeUnknown(String why) {
            return new DomainException(
                    DomainException.Kind.OUTCOME_UNKNOWN,
                    "outcome-unknown",
                    why + ", so this reservation may or may not have been made. "
                            + (key != null
                                    ? "Retry with the same Idempotency-Key: the retry answers the reservation if it was made, and makes it if it was not."
                                    : "Do not simply send it again: look for it first in GET /api/reservations?status=active, "
                                            + "and send an Idempotency-Key with every reservation so that a retry is always safe."));
        }
    }

    private Reservation create(ReservationRequest request, String key) {
        long now = clock.millis();
        String id = Ids.newId(clock);
        long expiresAt = now + request.expiresInSeconds() * 1000;
        List<Reservation.Line> lines = request.lines().stream()
                .map(l -> new Reservation.Line(l.sku(), l.quantity()))
                .toList();
        // The key is claimed before any unit is held, as for purchases: a racing retry finds it taken.
        if (!reservations.insert(
                new ReservationRepository.Row(
                        id, request.reference(), ReservationStatus.ACTIVE, now, expiresAt, null, request.fingerprint()),
                key)) {
            throw new KeyTakenMeanwhile();
        }
        // Held before the lines are written: an unknown SKU is refused by the hold, with its code.
        stock.hold(holds(lines));
        reservations.insertLines(id, lines);
        meters.held();
        return new Reservation(
                id,
                request.reference(),
                ReservationStatus.ACTIVE,
                Instant.ofEpochMilli(now),
                Instant.ofEpochMilli(expiresAt),
                lines,
                null);
    }

    private Optional<ReservationOutcome> replay(String key, ReservationRequest request) {
        return reservations.findByKey(key).map(row -> {
            if (!request.fingerprint().equals(row.requestHash())) {
                throw new DomainException(
                        DomainException.Kind.UNPROCESSABLE,
                        "idempotency-key-reused",
                        "This Idempotency-Key was used for a different request; use a new key for a new reservation");
            }
            return new ReservationOutcome(toReservation(row), true);
        });
    }

    public Reservation get(String id) {
        return toReservation(find(id));
    }

    /** Newest first, at most {@link #LIST_LIMIT}; of one status when {@code status} is given. */
    public List<Reservation> list(ReservationStatus status) {
        return list(status, null);
    }

    /** Newest first, at most {@link #LIST_LIMIT}; of one status and holding (or having held) one SKU when given. */
    public List<Reservation> list(ReservationStatus status, String sku) {
        List<ReservationRepository.Row> rows = reservations.list(status, sku, LIST_LIMIT);
        Map<String, List<Reservation.Line>> lines = reservations.lines(
                rows.stream().map(ReservationRepository.Row::id).toList());
        return rows.stream()
                .map(r -> toReservation(r, lines.getOrDefault(r.id(), List.of())))
                .toList();
    }

    /**
     * Turns the held lines into a purchase at today's prices, in one transaction: the status change
     * from ACTIVE (which a release or an expiry racing it cannot then make), the units given back and
     * taken again as a sale with SALE movements. Committing a committed reservation answers its
     * purchase again.
     */
    public CommitOutcome commit(String id) {
        ReservationRepository.Row row = find(id);
        if (row.status() == ReservationStatus.COMMITTED && row.purchaseId() != null) {
            return new CommitOutcome(sales.get(row.purchaseId()), false);
        }
        if (row.status() == ReservationStatus.RELEASED || row.status() == ReservationStatus.EXPIRED) {
            // A reservation leaves ACTIVE once, so this refusal is final: no need to queue for it.
            throw new ReservationNotActiveException(id, row.status());
        }
        // A reservation's lines never change, so they are read before the work is queued.
        List<Reservation.Line> lines = linesOf(id);
        return sales.share(new Sales.SharedWork<>() {
            @Override
            public CommitOutcome run(Sales.Till till) {
                long now = clock.millis();
                if (reservations.markCommitted(id, now)) {
                    stock.unhold(holds(lines));
                    Purchase purchase = till.buy(new PurchaseRequest(
                            row.reference(),
                            lines.stream()
                                    .map(l -> new PurchaseRequest.Line(l.sku(), l.quantity()))
                                    .toList()));
                    reservations.setPurchase(id, purchase.id());
                    meters.committed();
                    return new CommitOutcome(purchase, true);
                }
                ReservationRepository.Row current = find(id);
                if (current.status() == ReservationStatus.COMMITTED && current.purchaseId() != null) {
                    return new CommitOutcome(sales.get(current.purchaseId()), false);
                }
                // ACTIVE here means due but not yet swept: it no longer holds anything a buyer may count on.
                throw new ReservationNotActiveException(
                        id,
                        current.status() == ReservationStatus.ACTIVE ? ReservationStatus.EXPIRED : current.status());
            }

            @Override
            public String firstSku() {
                // The reservation's row is locked first, then its products in SKU order.
                return lines.isEmpty() ? "" : lines.get(0).sku();
            }

            @Override
            public String reference() {
                return row.reference();
            }

            @Override
            public String what() {
                return "commit of the reservation";
            }

            @Override
            public DomainException outcomeUnknown(String why) {
                return new DomainException(
                        DomainException.Kind.OUTCOME_UNKNOWN,
                        "outcome-unknown",
                        why + ", so reservation " + id + " may or may not have been committed. Committing it again "
                                + "is safe: it answers the purchase if the commit was made, and makes it if it was not.");
            }
        });
    }

    /** Gives the units back. Releasing a released or expired reservation changes nothing; a committed one is refused. */
    public void release(String id) {
        transaction.executeWithoutResult(status -> {
            if (reservations.markReleased(id, clock.millis())) {
                stock.giveBack(holds(linesOf(id)));
                meters.released();
                return;
            }
            ReservationRepository.Row row = find(id);
            if (row.status() == ReservationStatus.COMMITTED) {
                throw new ReservationNotActiveException(id, row.status());
            }
        });
    }

    /**
     * Expires the reservations that are due, a batch per transaction, on every instance every
     * second: the status change is conditional, so two sweepers never give the same units back twice.
     *
     * @return how many reservations this run expired
     */
    @Scheduled(fixedDelayString = "${stockroom.reservations.sweep-interval:PT1S}", initialDelayString = "PT1S")
    public int expireDue() {
        int expired = 0;
        while (true) {
            Integer batch = transaction.execute(status -> {
                List<String> ids = reservations.expireDue(clock.millis(), SWEEP_BATCH);
                giveBack(ids);
                meters.expired(ids.size());
                return ids.size();
            });
            expired += batch;
            if (batch < SWEEP_BATCH) {
                return expired;
            }
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean releaseDue(Collection<String> skus) {
        List<String> ids = reservations.expireDueHolding(skus, clock.millis());
        giveBack(ids);
        meters.expired(ids.size());
        return !ids.isEmpty();
    }

    /** Units held by active reservations, per SKU (for the self-check). */
    public Map<String, Long> activeHoldsBySku() {
        return reservations.activeHoldsBySku();
    }

    private void giveBack(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<Stock.Hold> holds = new ArrayList<>();
        reservations.lines(ids).values().forEach(lines -> holds.addAll(holds(lines)));
        stock.giveBack(holds);
    }

    private ReservationRepository.Row find(String id) {
        return reservations
                .find(id)
                .orElseThrow(() -> new NotFoundException("unknown-reservation", "No reservation with id " + id));
    }

    private List<Reservation.Line> linesOf(String id) {
        return reservations.lines(List.of(id)).getOrDefault(id, List.of());
    }

    private Reservation toReservation(ReservationRepository.Row row) {
        return toReservation(row, linesOf(row.id()));
    }

    private static Reservation toReservation(ReservationRepository.Row row, List<Reservation.Line> lines) {
        return new Reservation(
                row.id(),
                row.reference(),
                row.status(),
                Instant.ofEpochMilli(row.createdAt()),
                Instant.ofEpochMilli(row.expiresAt()),
                lines,
                row.purchaseId());
    }

    private static List<Stock.Hold> holds(List<Reservation.Line> lines) {
        return lines.stream().map(l -> new Stock.Hold(l.sku(), l.quantity())).toList();
    }

    private static void checkKey(String key) {
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidRequestException("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
    }

    /** Another request with the same key committed while this one ran; this one rolls back and answers that one. */
    private static final class KeyTakenMeanwhile extends RuntimeException {
        KeyTakenMeanwhile() {
            super(null, null, false, false);
        }
    }
}
