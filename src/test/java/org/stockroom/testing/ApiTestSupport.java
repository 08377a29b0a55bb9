package org.stockroom.testing;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that drive the running application over real HTTP, on a real database file that
 * is emptied before each test. All such tests share one application context. In the suite's
 * PostgreSQL run the same tests run on a fresh PostgreSQL schema instead ({@link PostgresTestDatabase}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "stockroom.data-dir=${java.io.tmpdir}/stockroom-tests-${random.uuid}")
public abstract class ApiTestSupport {

    @LocalServerPort
    protected int port;

    @Autowired
    protected DataSource dataSource;

    protected Api api;

    @DynamicPropertySource
    static void notifications(DynamicPropertyRegistry registry) {
        TestMail.register(registry);
    }

    @BeforeEach
    void emptyStore() {
        TestDatabase.wipe(dataSource);
        api = new Api(port);
    }

    protected static String product(String sku, String price, long stock, long threshold) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"" + sku + " product\",\"price\":" + price + ",\"stock\":" + stock
                + ",\"reorderThreshold\":" + threshold + "}";
    }

    protected static String purchase(String sku, long quantity) {
        return "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}";
    }
}
