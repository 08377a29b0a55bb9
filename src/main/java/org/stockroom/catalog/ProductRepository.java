package org.stockroom.catalog;

import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stockroom.support.Money;
import org.stockroom.support.StockroomProperties;

/**
 * The product table's descriptive columns. The stock columns (stock, reserved, backordered,
 * units_sold, last_stock_delta) are written only by the {@code stock} package, through its own conditional statements.
 */
@Repository
class ProductRepository {

    static final String COLUMNS = ProductRows.COLUMNS;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batchJdbc;
    private final RowMapper<Product> mapper;
    private final int currencyScale;

    ProductRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batchJdbc, StockroomProperties properties) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.currencyScale = properties.currencyScale();
        this.mapper = (rs, n) -> ProductRows.map(rs, currencyScale);
    }

    static String searchKey(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static final int BATCH = 1000;
    private static final String INSERT =
            "INSERT INTO product (sku, name, price, stock, reorder_threshold, units_sold, cost, reorder_quantity, "
                    + "lead_time_days, supplier, barcode, archived, created_at, updated_at, name_key) VALUES (:sku, :name, :price, :stock, "
                    + ":threshold, 0, :cost, :reorderQuantity, :leadTimeDays, :supplier, :barcode, FALSE, :now, :now, :nameKey) "
                    + "ON CONFLICT (sku) DO NOTHING";

    /** Inserts the product; answers false when the SKU is taken. */
    boolean insert(NewProduct p, long now) {
        return batchJdbc.update(INSERT, row(p, now)) == 1;
    }

    /** Inserts the products in batches; answers the SKUs that were taken already (nothing else is wrong then). */
    List<String> insertAll(List<NewProduct> newProducts, long now) {
        List<String> taken = new java.util.ArrayList<>();
        for (int from = 0; from < newProducts.size(); from += BATCH) {
            List<NewProduct> batch = newProducts.subList(from, Math.min(newProducts.size(), from + BATCH));
            SqlParameterSource[] rows = batch.stream().map(p -> row(p, now)).toArray(SqlParameterSource[]::new);
            int[] counts = batchJdbc.batchUpdate(INSERT, rows);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    taken.add(batch.get(i).sku());
                }
            }
        }
        return taken;
    }

    private static SqlParameterSource row(NewProduct p, long now) {
        return new MapSqlParameterSource()
                .addValue("sku", p.sku())
                .addValue("name", p.name())
                .addValue("nameKey", searchKey(p.name()))
                .addValue("price", Money.toColumn(p.price()))
                .addValue("stock", p.stock())
                .addValue("threshold", p.reorderThreshold())
                .addValue("cost", Money.toColumnOrNull(p.cost()))
                .addValue("reorderQuantity", p.reorderQuantity())
                .addValue("leadTimeDays", p.leadTimeDays())
                .addValue("supplier", p.supplier())
                .addValue("barcode", p.barcode())
                .addValue("now", now);
    }

    Optional<Product> find(String sku) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE sku = :sku")
                .param("sku", sku)
                .query(mapper)
                .optional();
    }

    List<Product> findAll(List<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE sku IN (:skus) ORDER BY sku")
                .param("skus", skus)
                .query(mapper)
                .list();
    }

    List<Product> page(ProductQuery query) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product" + where(query) + " ORDER BY " + query.orderBy()
                        + " LIMIT :limit OFFSET :offset")
                .params(params(query))
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(mapper)
                .list();
    }

    long count(ProductQuery query) {
        return jdbc.sql("SELECT COUNT(*) FROM product" + where(query))
                .params(params(query))
                .query(Long.class)
                .single();
    }

    StockCounts counts() {
        return jdbc.sql(
                        "SELECT COUNT(*) AS products, "
                                + "COALESCE(SUM(CASE WHEN stock - reserved > 0 AND stock - reserved <= reorder_threshold THEN 1 ELSE 0 END), 0) AS low, "
                                + "COALESCE(SUM(CASE WHEN stock - reserved = 0 THEN 1 ELSE 0 END), 0) AS out_of_stock FROM product WHERE archived = FALSE")
                .query((rs, n) ->
                        new StockCounts(rs.getLong("products"), rs.getLong("low"), rs.getLong("out_of_stock")))
                .single();
    }

    private static String where(ProductQuery query) {
        StringBuilder sql = new StringBuilder(" WHERE archived = :archived");
        if (query.q() != null) {
            sql.append(" AND (lower(sku) LIKE :pattern ESCAPE '\\' OR name_key LIKE :pattern ESCAPE '\\')");
        }
        if (query.lowStock()) {
            sql.append(" AND stock - reserved <= reorder_threshold");
        }
        return sql.toString();
    }

    private static java.util.Map<String, Object> params(ProductQuery query) {
        var params = new java.util.HashMap<String, Object>();
        params.put("archived", query.archived());
        if (query.q() != null) {
            String escaped = searchKey(query.q())
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_");
            params.put("pattern", "%" + escaped + "%");
        }
        return params;
    }

    /**
     * Writes only the fields {@code changes} names, so that two people editing different fields of
     * one product at the same time both keep their edit (a row written back whole would lose one).
     */
    void update(String sku, ProductChanges changes, long now) {
        StringBuilder set = new StringBuilder("updated_at = :now");
        MapSqlParameterSource params =
                new MapSqlParameterSource().addValue("sku", sku).addValue("now", now);
        if (changes.name() != null) {
            set.append(", name = :name, name_key = :nameKey");
            params.addValue("name", changes.name()).addValue("nameKey", searchKey(changes.name()));
        }
        if (changes.price() != null) {
            set.append(", price = :price");
            params.addValue("price", Money.toColumn(changes.price()));
        }
        if (changes.reorderThreshold() != null) {
            set.append(", reorder_threshold = :threshold");
            params.addValue("threshold", changes.reorderThreshold());
        }
        if (changes.cost() != null) {
            set.append(", cost = :cost");
            params.addValue("cost", Money.toColumnOrNull(changes.cost().orElse(null)), Types.BIGINT);
        }
        if (changes.reorderQuantity() != null) {
            set.append(", reorder_quantity = :reorderQuantity");
            params.addValue("reorderQuantity", changes.reorderQuantity().orElse(null), Types.BIGINT);
        }
        if (changes.leadTimeDays() != null) {
            set.append(", lead_time_days = :leadTimeDays");
            params.addValue("leadTimeDays", changes.leadTimeDays().orElse(null), Types.INTEGER);
        }
        if (changes.supplier() != null) {
            set.append(", supplier = :supplier");
            params.addValue("supplier", changes.supplier().orElse(null), Types.VARCHAR);
        }
        if (changes.barcode() != null) {
            set.append(", barcode = :barcode");
            params.addValue("barcode", changes.barcode().orElse(null), Types.VARCHAR);
        }
        jdbc.sql("UPDATE product SET " + set + " WHERE sku = :sku")
                .paramSource(params)
                .update();
    }

    int renameSupplier(String from, String to, long now) {
        return jdbc.sql("UPDATE product SET supplier = :to, updated_at = :now WHERE supplier = :from")
                .param("from", from)
                .param("to", to)
                .param("now", now)
                .update();
    }

    boolean setArchived(String sku, boolean archived, long now) {
        return jdbc.sql(
                                "UPDATE product SET archived = :archived, updated_at = :now WHERE sku = :sku AND archived <> :archived")
                        .param("sku", sku)
                        .param("archived", archived)
                        .param("now", now)
                        .update()
                == 1;
    }

    /** Sets the cost; only for a product whose row the caller's transaction has locked by changing its stock. */
    Product setCost(String sku, java.math.BigDecimal cost, long now) {
        return jdbc.sql("UPDATE product SET cost = :cost, updated_at = :now WHERE sku = :sku RETURNING " + COLUMNS)
                .param("sku", sku)
                .param("cost", Money.toColumn(cost))
                .param("now", now)
                .query(mapper)
                .single();
    }
}
