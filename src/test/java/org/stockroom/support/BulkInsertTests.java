package org.stockroom.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockroom.Store;
import org.stockroom.catalog.NewProduct;
import org.stockroom.testing.ApiTestSupport;

/**
 * Rows appended in bulk read back exactly as given on both engines: on PostgreSQL they travel as
 * CSV through COPY, where an empty text and a missing value must stay apart, and quotes, commas,
 * line breaks and non-ASCII text must survive.
 */
class BulkInsertTests extends ApiTestSupport {

    @Autowired
    BulkInsert bulk;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Store store;

    private static final List<String> COLUMNS = List.of("k", "t", "n", "b");

    @BeforeEach
    void probeTable() {
        jdbc.sql("CREATE TABLE bulk_probe (k TEXT PRIMARY KEY, t TEXT, n BIGINT, b BOOLEAN)")
                .update();
    }

    @AfterEach
    void dropProbeTable() {
        jdbc.sql("DROP TABLE bulk_probe").update();
    }

    @Test
    void appendedRowsReadBackExactlyEmptyTextAndMissingValuesApart() {
        List<Object[]> rows = List.of(
                new Object[] {"plain", "text", 1L, true},
                new Object[] {"empty", "", 0L, false},
                new Object[] {"missing", null, null, null},
                new Object[] {"awkward", "a \"quoted\", comma\nand a new line\\ \u00e9\u00e8 \u6f22", -42L, true},
                new Object[] {"NULL", "NULL", Long.MAX_VALUE, false});

        transaction.executeWithoutResult(s -> bulk.append("bulk_probe", COLUMNS, rows));

        for (Object[] row : rows) {
            Map<String, Object> stored = jdbc.sql("SELECT t, n, b FROM bulk_probe WHERE k = :k")
                    .param("k", row[0])
                    .query()
                    .singleRow();
            assertThat(stored.get("t")).as((String) row[0]).isEqualTo(row[1]);
            assertThat(stored.get("n") == null ? null : ((Number) stored.get("n")).longValue())
                    .as((String) row[0])
                    .isEqualTo(row[2]);
            assertThat(bool(stored.get("b"))).as((String) row[0]).isEqualTo(row[3]);
        }
    }

    @Test
    void appendingNewRowsAnswersTheKeysThatWereTakenAndLeavesTheirRowsAlone() {
        jdbc.sql("INSERT INTO bulk_probe (k, t) VALUES ('B', 'before')").update();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(new Object[] {"K" + i, "new", (long) i, true});
        }
        rows.add(1_200, new Object[] {"B", "after", 1L, true});

        var taken = transaction.execute(s -> bulk.appendNew("bulk_probe", "k", COLUMNS, rows));

        assertThat(taken).containsExactly("B");
        assertThat(jdbc.sql("SELECT t FROM bulk_probe WHERE k = 'B'")
                        .query(String.class)
                        .single())
                .isEqualTo("before");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bulk_probe").query(Long.class).single())
                .isEqualTo(2_501);
    }

    @Test
    void addingProductsInBulkWhereOneSkuIsTakenAddsNoneOfThem() {
        store.addProduct(product("TAKEN", "First", 3L));
        List<NewProduct> batch = List.of(product("NEW-1", "Wool socks", 5L), product("TAKEN", "Second", 7L));

        assertThatThrownBy(() -> store.catalog().addAll(batch)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo("duplicate-sku");
            assertThat(e.properties()).containsEntry("skus", List.of("TAKEN"));
        });

        assertThat(store.catalog().find("NEW-1")).isEmpty();
        assertThat(store.catalog().get("TAKEN").name()).isEqualTo("First");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM product_word WHERE sku = 'NEW-1'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_movement WHERE sku = 'NEW-1'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static NewProduct product(String sku, String name, long stock) {
        return new NewProduct(sku, name, new BigDecimal("2.00"), stock, 0L, null, null, null, null, null);
    }

    private static Boolean bool(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }
}
