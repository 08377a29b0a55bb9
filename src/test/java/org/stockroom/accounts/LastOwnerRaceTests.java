package org.stockroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.support.Database;
import org.stockroom.support.DomainException;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

/**
 * Two owners taking each other's OWNER role away at the same moment: exactly one may win, the
 * other is refused with {@code last-owner}, and the store always keeps an enabled OWNER.
 */
class LastOwnerRaceTests extends ApiTestSupport {

    private static final int ROUNDS = 50;

    @Autowired
    Users users;

    @Autowired
    Database database;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoOwnersDemotingOrDisablingEachOtherAtOnceLeaveExactlyOneOwner() throws Exception {
        String survivor = "admin";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String other = "owner" + round;
                users.add(new Users.NewUser(other, USER_PASSWORD, Role.OWNER));
                Users.UserChanges change = round % 2 == 0
                        ? new Users.UserChanges(Role.STAFF, null, null)
                        : new Users.UserChanges(null, null, true);
                CyclicBarrier start = new CyclicBarrier(2);
                String first = survivor;
                Future<String> a = pool.submit(() -> attempt(start, first, change));
                Future<String> b = pool.submit(() -> attempt(start, other, change));
                List<String> answers = List.of(a.get(), b.get());

                assertThat(answers).as("round %d", round).containsExactlyInAnyOrder("changed", "last-owner");
                List<String> owners = activeOwners();
                assertThat(owners).as("round %d", round).hasSize(1);
                survivor = owners.get(0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The race made certain on PostgreSQL: the first demotion is held (the test locks its row) after
     * it would have counted the owners, while the second one runs. Before the fix both won.
     */
    @Test
    void aDemotionHeldUpByALockStillSeesTheOtherOwnersDemotion() throws Exception {
        Assumptions.assumeTrue(database == Database.POSTGRESQL, "SQLite runs one writer at a time anyway");
        Api sam = as("sam", "OWNER");
        String demote = "{\"role\":\"STAFF\"}";
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("SELECT 1 FROM app_user WHERE username = 'admin' FOR UPDATE");
            }
            CompletableFuture<Api.Response> samDemotesAdmin =
                    CompletableFuture.supplyAsync(() -> sam.patch("/api/users/admin", demote));
            awaitTrue(() -> waitingForLocks() >= 1);
            CompletableFuture<Api.Response> adminDemotesSam =
                    CompletableFuture.supplyAsync(() -> api.patch("/api/users/sam", demote));
            awaitTrue(() -> adminDemotesSam.isDone() || waitingForLocks() >= 2);
            holder.rollback();

            List<Api.Response> answers = List.of(samDemotesAdmin.get(), adminDemotesSam.get());
            assertThat(answers.stream().map(Api.Response::status))
                    .as("%s", answers)
                    .containsExactlyInAnyOrder(200, 409);
            assertThat(answers.stream().filter(r -> r.status() == 409))
                    .singleElement()
                    .satisfies(r -> assertThat(r.json().get("code").asString()).isEqualTo("last-owner"));
            assertThat(activeOwners()).hasSize(1);
        }
    }

    private String attempt(CyclicBarrier start, String username, Users.UserChanges change) throws Exception {
        start.await();
        try {
            users.update(username, change);
            return "changed";
        } catch (DomainException e) {
            return e.code();
        }
    }

    private List<String> activeOwners() {
        return StreamSupport.stream(users.list().spliterator(), false)
                .filter(u -> u.role() == Role.OWNER && !u.disabled())
                .map(User::username)
                .toList();
    }

    private long waitingForLocks() {
        return jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND wait_event_type = 'Lock'")
                .query(Long.class)
                .single();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
