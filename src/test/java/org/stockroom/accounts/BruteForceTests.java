package org.stockroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

class BruteForceTests extends ApiTestSupport {

    @Autowired
    LoginThrottle throttle;

    @Test
    void repeatedWrongPasswordsEndIn429WithRetryAfter() {
        as("sam", "STAFF");
        Api guesser = anonymous.withBasic("sam", "wrong-password-1");
        for (int i = 0; i < LoginThrottle.FREE_ACCOUNT_FAILURES; i++) {
            assertThat(guesser.get("/api/products").status())
                    .as("free attempt %s", i + 1)
                    .isEqualTo(401);
        }

        // Each failure past the free ones locks for longer, so a guess soon lands inside a lock.
        Api.Response refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            Api.Response response = guesser.get("/api/products");
            assertThat(response.status()).isIn(401, 429);
            if (response.status() == 429) {
                refused = response;
            }
        }

        assertThat(refused).isNotNull();
        assertThat(refused.json().get("code").asString()).isEqualTo("rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
    }

    @Test
    void aLockedAccountIsRefusedEvenWithTheRightPasswordAndTheOwnerSeesTheLock() {
        Api sam = as("sam", "STAFF");
        for (int i = 0; i < LoginThrottle.FREE_ACCOUNT_FAILURES + 5; i++) {
            throttle.failed("sam", "203.0.113.9");
        }

        Api.Response refused = sam.get("/api/products");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        var lockouts = api.get("/api/lockouts").json();
        assertThat(lockouts.findValuesAsString("key")).containsExactly("sam");
        assertThat(lockouts.get(0).get("kind").asString()).isEqualTo("account");
        assertThat(as("vera", "VIEWER").get("/api/lockouts").status()).isEqualTo(403);
    }

    @Test
    void wrongTokensLockTheClientAddress() {
        Api guesser = anonymous.withToken("sr_guess");
        Api.Response refused = null;
        for (int i = 0; i < LoginThrottle.FREE_ADDRESS_FAILURES + 20 && refused == null; i++) {
            Api.Response response = guesser.get("/api/products");
            assertThat(response.status()).isIn(401, 429);
            if (response.status() == 429) {
                refused = response;
            }
        }

        assertThat(refused).isNotNull();
        assertThat(refused.json().get("code").asString()).isEqualTo("rate-limited");
    }

    @Test
    void aTokenInUseKeepsWorkingWhileGuessesLockItsAddressButATokenNotYetSeenWaits() {
        Api inUse = anonymous.withToken(token("shop-sync"));
        Api notYetSeen = anonymous.withToken(token("report-bot"));
        assertThat(inUse.get("/api/products").status()).isEqualTo(200);

        for (String address : java.util.List.of("127.0.0.1", "0:0:0:0:0:0:0:1")) {
            for (int i = 0; i < LoginThrottle.FREE_ADDRESS_FAILURES + 5; i++) {
                throttle.failed(null, address);
            }
        }

        assertThat(inUse.get("/api/products").status())
                .as("verified moments ago on this instance: no guess")
                .isEqualTo(200);
        Api.Response waits = notYetSeen.get("/api/products");
        assertThat(waits.status()).isEqualTo(429);
        assertThat(anonymous.withToken("sr_guess").get("/api/products").status())
                .isEqualTo(429);
    }

    private String token(String name) {
        return api.post("/api/tokens", "{\"name\":\"" + name + "\",\"role\":\"STAFF\",\"expiresAt\":null}")
                .json()
                .get("token")
                .asString();
    }

    @Test
    void failuresOfOtherNamesFromOneAddressNeverLockOutAnotherAccountsCorrectPassword() {
        as("sam", "STAFF");
        for (int i = 0; i < LoginThrottle.FREE_ADDRESS_FAILURES + 5; i++) {
            assertThat(anonymous
                            .withBasic(i % 4 == 0 ? "sam" : "nobody" + i, "wrong-password-" + i)
                            .get("/api/products")
                            .status())
                    .isIn(401, 429);
        }

        assertThat(api.get("/api/products").status()).isEqualTo(200);
        assertThat(anonymous
                        .withBasic("sam", "wrong-again")
                        .get("/api/products")
                        .status())
                .isEqualTo(429);
        assertThat(anonymous
                        .withBasic("nobody1", "wrong-again")
                        .get("/api/products")
                        .status())
                .isEqualTo(429);
    }
}
