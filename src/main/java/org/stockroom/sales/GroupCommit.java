package org.stockroom.sales;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockroom.support.CommitFailedException;
import org.stockroom.support.DomainException;
import org.stockroom.support.TransientFailures;

/**
 * Commits the work of many callers with one commit. A unit of work is anything that takes stock:
 * a purchase, a hold, the commit of a hold. Callers queue their units; a writer thread takes what
 * queued up while it committed the previous batch (up to a batch size, optionally waiting a short
 * window for more), runs its units in one transaction, commits once, and only then answers every
 * caller. A unit that fails fails alone with its own answer: the units run one after another
 * without savepoints while batches go through whole (a savepoint costs two round trips per unit on
 * PostgreSQL), and a batch in which one is refused is rolled back and run again with each unit in
 * a savepoint, which the following batch keeps doing until one goes through without a refusal.
 * The database still refuses to oversell through the conditional update of each line. What the
 * batch's purchases write besides their stock (purchases, lines, ledger rows, answers for their
 * keys, sales rollups) is written once for all of them, a statement per kind of row, at the end of
 * its transaction.
 *
 * <p>A unit that finds no batch running and none queued is not handed to a writer: its caller
 * runs it as a batch of one in a transaction of its own, and holds a writer's place meanwhile, so
 * that at most {@code writers} transactions of units run at once either way.
 *
 * <p>The batch as a whole is run again when the database aborts it for a transient reason (a
 * deadlock between writers, a busy SQLite file); when it fails for any other reason, each unit is
 * run in a transaction of its own, so that one unit cannot make the others fail.
 */
final class GroupCommit {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /**
     * One caller's work, which a writer runs on the caller's behalf (so it carries who asked) in a
     * savepoint of the batch's transaction.
     */
    interface Unit<T> {
        /** The work, in the batch's transaction; what a purchase leaves to write goes to {@code sold}, written with its batch. */
        T run(Consumer<Sold> sold);

        /** The first row the work locks: batches run their units in this order, so writers rarely deadlock. */
        String firstSku();

        /** The caller's own reference (may be null), for tests that watch batches. */
        String reference();

        /** What the work is, for its answer when it was not done: "purchase", "reservation". */
        String what();

        /** The answer when the commit that carried the work was not confirmed: it may or may not have happened. */
        DomainException outcomeUnknown(String why);
    }

    /** What a buyer asked for, and who asked, since the writer thread runs it on their behalf. */
    record Order(PurchaseRequest request, String idempotencyKey, String actor) {
        /** Lines are in SKU order, so the first line's SKU is the first row the order locks. */
        String firstSku() {
            return request.lines().get(0).sku();
        }
    }

    /**
     * What one purchase writes when its batch ends, together with the other purchases of the batch:
     * the purchase and its lines (unless {@code purchaseStored}), its sales' ledger rows, the answer
     * kept for its key (or null), and its sales for the rollups. A unit refused leaves none: its rows
     * are never written.
     */
    record Sold(
            PurchaseRepository.NewPurchase purchase,
            boolean purchaseStored,
            List<org.stockroom.stock.Stock.LedgerRow> ledger,
            PurchaseRepository.Answer answer) {
        long atMillis() {
            return purchase.row().createdAt();
        }

        /** The same, its purchase and lines already stored by the work that made it. */
        Sold stored() {
            return new Sold(purchase, true, ledger, answer);
        }
    }

    private static final class Pending<T> {
        final Unit<T> unit;
        final CompletableFuture<T> answer = new CompletableFuture<>();

        Pending(Unit<T> unit) {
            this.unit = unit;
        }

        @SuppressWarnings("unchecked") // the answer is what this pending's own unit returned
        void complete(Object value) {
            answer.complete((T) value);
        }
    }

    private final Consumer<List<Sold>> write;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final int writers;
    private final int batchSize;
    private final Duration window;
    private final Duration timeout;
    /*
     * The queue and the count of running batches change together under one lock: a caller decides
     * between running its unit itself and queueing it from both at once, and a writer takes units
     * only when it may run them, so a unit is never taken off the queue to wait elsewhere.
     */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition unitOrPlace = lock.newCondition();
    private final ArrayDeque<Pending<?>> queue = new ArrayDeque<>();
    /** Batches in their transaction, a caller's own one-unit batch included; never more than {@link #writers}. */
    private int running;
    /**
     * The first rows of the running batches' units, each with its number of units. A queued unit
     * whose first row a running batch holds waits for that batch instead of going to another writer,
     * which would only wait on the row's lock until that batch commits: so a flash sale's orders for
     * one product go through one batch after another, each carrying all that queued meanwhile,
     * rather than in many small batches queued on the lock, each paying a commit.
     */
    private final java.util.Map<String, Integer> held = new java.util.HashMap<>();

    private final AtomicBoolean started = new AtomicBoolean();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    private volatile Consumer<List<Unit<?>>> batchObserver = batch -> {};
    /** Whether the last batch had a refusal: the next one then runs its units in savepoints at once. */
    private volatile boolean refusedLately;

    private final AtomicLong runsInSavepoints = new AtomicLong();
    private final IntConsumer committedBatchSizes;

    /**
     * @param write writes what the purchases of a batch left to write, once for all of them, before it commits
     * @param transaction the retrying transaction template: a batch aborted for a transient reason is run again whole
     */
    GroupCommit(
            Consumer<List<Sold>> write,
            TransactionTemplate transaction,
            PlatformTransactionManager transactionManager,
            int writers,
            int batchSize,
            Duration window,
            Duration timeout,
            IntConsumer committedBatchSizes) {
        this.write = write;
        this.committedBatchSizes = committedBatchSizes;
        this.transaction = transaction;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.writers = writers;
        this.batchSize = batchSize;
        this.window = window;
        this.timeout = timeout;
    }

    /**
     * Runs the unit on the caller's thread when no batch is running and none waits (a lone unit gains
     * nothing from a hand-off, and pays two thread switches for it); otherwise queues it and waits
     * for its answer, which comes after the commit that carried it.
     */
    <T> T submit(Unit<T> unit) {
        if (stopping) {
            return alone(unit);
        }
        startWriters();
        Pending<T> pending = new Pending<>(unit);
        boolean mine;
        lock.lock();
        try {
            mine = running == 0 && queue.isEmpty();
            if (mine) {
                running++;
                hold(unit);
            } else {
                queue.addLast(pending);
                unitOrPlace.signal();
            }
        } finally {
            lock.unlock();
        }
        if (mine) {
            return onThisThread(pending);
        }
        try {
            try {
                return pending.answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (unqueue(pending)) {
                    throw busy("The store is busy; this " + unit.what() + " was not made. Try again.");
                }
                // A writer has it: its batch is running, and its answer is the truth.
                return pending.answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (TimeoutException e) {
            throw unit.outcomeUnknown("The store did not finish this " + unit.what() + " in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (unqueue(pending)) {
                throw busy("The request was interrupted while this " + unit.what() + " waited; it was not made.");
            }
            throw unit.outcomeUnknown("The request was interrupted while this " + unit.what() + " was being made");
        }
    }

    /**
     * The unit as a batch of one, in a transaction of its own on the caller's thread: no savepoint
     * (a failure rolls back only this unit), its answer or failure straight to the caller. It holds
     * one of the writers' places meanwhile, so units arriving now queue for the writers.
     */
    private <T> T onThisThread(Pending<T> pending) {
        try {
            batchObserver.accept(List.of(pending.unit));
            T answer = alone(pending.unit);
            committedBatchSizes.accept(1);
            return answer;
        } finally {
            finished(List.of(pending));
        }
    }

    private boolean unqueue(Pending<?> pending) {
        lock.lock();
        try {
            return queue.remove(pending);
        } finally {
            lock.unlock();
        }
    }

    private void finished(List<Pending<?>> batch) {
        lock.lock();
        try {
            running--;
            for (Pending<?> p : batch) {
                held.computeIfPresent(p.unit.firstSku(), (sku, units) -> units == 1 ? null : units - 1);
            }
            unitOrPlace.signal();
        } finally {
            lock.unlock();
        }
    }

    private void hold(Unit<?> unit) {
        held.merge(unit.firstSku(), 1, Integer::sum);
    }

    /**
     * Shown every batch on the thread that runs it (a writer's, or the caller's own for a lone
     * unit) before its transaction begins; for tests that must know which units shared a commit,
     * or hold a writer while units queue up.
     */
    void observeBatches(Consumer<List<Unit<?>>> observer) {
        this.batchObserver = observer;
    }

    int writers() {
        return writers;
    }

    /** How many units wait for a writer. */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Lets the writers finish what is queued, then stops them; later units run in transactions of their own. */
    void stop() {
        stopping = true;
        lock.lock();
        try {
            unitOrPlace.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void startWriters() {
        if (started.get() || !started.compareAndSet(false, true)) {
            return;
        }
        for (int i = 1; i <= writers; i++) {
            Thread thread = new Thread(this::write, "purchase-writer-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void write() {
        while (true) {
            List<Pending<?>> batch;
            try {
                batch = take();
            } catch (InterruptedException e) {
                return;
            }
            if (batch == null) {
                return;
            }
            try {
                commit(batch);
            } catch (Throwable e) {
                log.error("A writer failed; its batch was answered with the failure", e);
                batch.forEach(p -> p.answer.completeExceptionally(e));
            } finally {
                finished(batch);
            }
        }
    }

    /**
     * Waits until a unit that no running batch holds the first row of is queued and fewer than
     * {@link #writers} batches run, then takes what queued up of such units (up to the batch size,
     * waiting the window for more when there is one); null once stopping with nothing queued.
     */
    private List<Pending<?>> take() throws InterruptedException {
        lock.lock();
        try {
            while (running >= writers || !anyFree()) {
                if (stopping && queue.isEmpty()) {
                    return null;
                }
                unitOrPlace.await(200, TimeUnit.MILLISECONDS);
            }
            running++;
            List<Pending<?>> batch = new ArrayList<>(Math.min(batchSize, queue.size()));
            java.util.Set<String> mine = new java.util.HashSet<>();
            drain(batch, mine);
            if (!window.isZero()) {
                long left = window.toNanos();
                try {
                    while (batch.size() < batchSize && left > 0) {
                        left = unitOrPlace.awaitNanos(left);
                        drain(batch, mine);
                    }
                } catch (InterruptedException e) {
                    // The units taken are this writer's to answer: it runs them, and stops at its next wait.
                    Thread.currentThread().interrupt();
                }
            }
            // Units in the order of the rows they lock first, so that two writers' batches take rows in
            // the same order and rarely deadlock (each unit's own lines are in SKU order already).
            batch.sort(Comparator.comparing(p -> p.unit.firstSku()));
            // Units left that this batch could not take (another's rows, or past the batch size) may
            // be another writer's: pass the signal on.
            if (running < writers && anyFree()) {
                unitOrPlace.signal();
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private boolean anyFree() {
        for (Pending<?> p : queue) {
            if (!held.containsKey(p.unit.firstSku())) {
                return true;
            }
        }
        return false;
    }

    /** Takes, in the order they queued, the units whose first row is free or held by this batch itself. */
    private void drain(List<Pending<?>> batch, java.util.Set<String> mine) {
        for (java.util.Iterator<Pending<?>> queued = queue.iterator(); queued.hasNext() && batch.size() < batchSize; ) {
            Pending<?> p = queued.next();
            String first = p.unit.firstSku();
            if (mine.contains(first) || !held.containsKey(first)) {
                queued.remove();
                batch.add(p);
                mine.add(first);
                hold(p.unit);
            }
        }
    }

    private void commit(List<Pending<?>> batch) {
        batchObserver.accept(batch.stream().<Unit<?>>map(p -> p.unit).toList());
        List<Object> answers = null;
        AtomicBoolean committing = new AtomicBoolean();
        try {
            if (!refusedLately || batch.size() == 1) {
                try {
                    answers = run(batch, committing, false);
                } catch (Refused refused) {
                    // Rolled back whole, nothing of it announced. A lone unit's refusal is its answer;
                    // the units of a larger batch run again below, each in a savepoint.
                    if (batch.size() == 1) {
                        answers = List.of(new Failed(refused.refusal()));
                    }
                }
            }
            if (answers == null) {
                runsInSavepoints.incrementAndGet();
                answers = run(batch, committing, true);
            }
            refusedLately = answers.stream().anyMatch(Failed.class::isInstance);
        } catch (RuntimeException | Error e) {
            if (committing.get()) {
                // The commit itself failed (say, the connection broke): whether it took effect is
                // unknown, so running the units again could buy twice. Each caller is told, and a
                // retry with its Idempotency-Key settles it.
                log.warn(
                        "The commit of a batch of {} units failed; its outcome is unknown ({})",
                        batch.size(),
                        e.toString());
                batch.forEach(p -> p.answer.completeExceptionally(p.unit.outcomeUnknown(COMMIT_FAILED)));
                return;
            }
            if (batch.size() > 1) {
                log.info("A batch of {} units failed as a whole ({}); running each alone", batch.size(), e.toString());
            }
            for (Pending<?> p : batch) {
                try {
                    p.complete(alone(p.unit));
                } catch (RuntimeException | Error failure) {
                    p.answer.completeExceptionally(failure);
                }
            }
            return;
        }
        committedBatchSizes.accept(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Object answer = answers.get(i);
            if (answer instanceof Failed failed) {
                batch.get(i).answer.completeExceptionally(failed.failure());
            } else {
                batch.get(i).complete(answer);
            }
        }
    }

    /**
     * Runs the batch's units in one transaction, each in a savepoint of its own or (when none is
     * expected to be refused) one after another, in which case a refusal rolls the whole batch back
     * as {@link Refused}.
     */
    private List<Object> run(List<Pending<?>> batch, AtomicBoolean committing, boolean savepoints) {
        return transaction.execute(status -> {
            committing.set(false);
            List<Object> out = new ArrayList<>(batch.size());
            List<Sold> sold = new ArrayList<>(batch.size());
            if (savepoints) {
                for (Pending<?> p : batch) {
                    out.add(inSavepoint(p.unit, sold));
                }
            } else {
                List<TransactionSynchronization> before = TransactionSynchronizationManager.getSynchronizations();
                try {
                    for (Pending<?> p : batch) {
                        out.add(p.unit.run(sold::add));
                    }
                } catch (RuntimeException e) {
                    if (TransientFailures.isTransient(e)) {
                        throw e;
                    }
                    // What the units registered for after the commit goes with the rollback, unannounced.
                    TransactionSynchronizationManager.clearSynchronization();
                    TransactionSynchronizationManager.initSynchronization();
                    before.forEach(TransactionSynchronizationManager::registerSynchronization);
                    throw new Refused(e);
                }
            }
            if (!sold.isEmpty()) {
                write.accept(sold);
            }
            committing.set(true);
            return out;
        });
    }

    /** A unit of a batch run without savepoints was refused: the batch is rolled back and run again in savepoints. */
    private static final class Refused extends RuntimeException {
        Refused(RuntimeException refusal) {
            super(refusal.getMessage(), refusal, false, false);
        }

        RuntimeException refusal() {
            return (RuntimeException) getCause();
        }
    }

    /** Batches run with each unit in a savepoint (a refusal expected, or met in a larger run without them); for tests. */
    long runsInSavepoints() {
        return runsInSavepoints.get();
    }

    /** A unit's refusal, told apart from its answer (which may be of any type, even an exception's). */
    private record Failed(RuntimeException failure) {}

    /**
     * Runs one unit in a savepoint: its answer, or the failure it alone answers with. Work it
     * registered for after the commit (alerts to browsers, waking the notification dispatcher) is
     * kept only when the unit succeeded, since the commit will not carry what its savepoint undid.
     * A transient failure aborts the whole batch, which is then run again.
     */
    private Object inSavepoint(Unit<?> unit, List<Sold> sold) {
        List<TransactionSynchronization> before = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationManager.initSynchronization();
        boolean done = false;
        List<Sold> mine = new ArrayList<>(1);
        try {
            Object answer = savepoint.execute(status -> unit.run(mine::add));
            done = true;
            sold.addAll(mine);
            return answer;
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            return new Failed(e);
        } finally {
            List<TransactionSynchronization> registered = TransactionSynchronizationManager.getSynchronizations();
            TransactionSynchronizationManager.clearSynchronization();
            TransactionSynchronizationManager.initSynchronization();
            before.forEach(TransactionSynchronizationManager::registerSynchronization);
            if (done) {
                registered.forEach(TransactionSynchronizationManager::registerSynchronization);
            }
        }
    }

    private <T> T alone(Unit<T> unit) {
        try {
            return transaction.execute(status -> unit.run(sold -> write.accept(List.of(sold))));
        } catch (CommitFailedException e) {
            log.warn(
                    "The commit of a {} failed; its outcome is unknown ({})",
                    unit.what(),
                    e.getMostSpecificCause().toString());
            throw unit.outcomeUnknown(COMMIT_FAILED);
        }
    }

    static final String COMMIT_FAILED = "The database did not confirm the commit (the connection to it broke)";

    static PurchaseOutcomeUnknownException unknown(String why, Order order) {
        return new PurchaseOutcomeUnknownException(
                why, order.idempotencyKey(), order.request().reference());
    }

    private static DomainException busy(String message) {
        return new DomainException(DomainException.Kind.UNAVAILABLE, "busy", message);
    }

    private static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            return e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(failure);
    }
}
