package org.stockroom.testing;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.stockroom.accounts.AdminBootstrap;
import org.stockroom.accounts.CredentialCache;
import org.stockroom.accounts.LoginThrottle;

/**
 * Base of tests that drive the running application over real HTTP, on a real database file that
 * is emptied before each test. All such tests share one application context. In the suite's
 * PostgreSQL run the same tests run on a fresh PostgreSQL schema instead ({@link PostgresTestDatabase}).
 *
 * <p>{@link #api} signs in as the administrator {@code admin} (OWNER), so tests of features other
 * than access control need not think about it; {@link #anonymous} sends no credentials, and
 * {@link #as} signs in as a fresh user of a given role.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "stockroom.data-dir=${java.io.tmpdir}/stockroom-tests-${random.uuid}",
            "STOCKROOM_ADMIN_PASSWORD=" + ApiTestSupport.ADMIN_PASSWORD,
            ApiTestSupport.FAST_PASSWORD_HASHES,
            // The fake Shopify and WooCommerce servers of the channel tests listen on localhost.
            "stockroom.channels.allow-private-addresses=true"
        })
public abstract class ApiTestSupport {

    public static final String ADMIN_PASSWORD = "correct-horse-battery-staple";
    /** Tests sign in over HTTP Basic on nearly every request; the production work factor would make that the suite's cost. */
    public static final String FAST_PASSWORD_HASHES = "stockroom.security.bcrypt-strength=4";

    protected static final String USER_PASSWORD = "a-long-user-password";

    @LocalServerPort
    protected int port;

    @Autowired
    protected DataSource dataSource;

    @Autowired
    private AdminBootstrap adminBootstrap;

    @Autowired
    private LoginThrottle throttle;

    /** The wipe deletes users and tokens behind the application's back, as another instance would; the cache must not outlive them. */
    @Autowired
    private CredentialCache credentials;

    /** Signed in as {@code admin}, an OWNER. */
    protected Api api;

    @DynamicPropertySource
    static void notifications(DynamicPropertyRegistry registry) {
        TestMail.register(registry);
    }

    /** Without credentials. */
    protected Api anonymous;

    @BeforeEach
    void emptyStore() {
        TestDatabase.wipe(dataSource);
        adminBootstrap.ensureAdmin();
        throttle.clear();
        credentials.forgetAll();
        anonymous = new Api(port);
        api = anonymous.withBasic("admin", ADMIN_PASSWORD);
    }

    /** Creates the user {@code username} with {@code role} (OWNER, STAFF or VIEWER) and answers a client signed in as them. */
    protected Api as(String username, String role) {
        var created = api.post(
                "/api/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + USER_PASSWORD + "\",\"role\":\"" + role + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("Cannot create the test user " + username + ": " + created);
        }
        return anonymous.withBasic(username, USER_PASSWORD);
    }

    /** The {@code Authorization} header of {@link #api}, for a test that builds its own HTTP request. */
    protected static String adminAuthorization() {
        return Api.basic("admin", ADMIN_PASSWORD);
    }

    protected static String product(String sku, String price, long stock, long threshold) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"" + sku + " product\",\"price\":" + price + ",\"stock\":" + stock
                + ",\"reorderThreshold\":" + threshold + "}";
    }

    protected static String purchase(String sku, long quantity) {
        return "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}";
    }
}
