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
import org.stockroom.support.BulkInsert;
import org.stockroom.support.Money;
import org.stockroom.support.StockroomProperties;

/**
 * The product table's descriptive columns. The stock columns (stock, reserved, backordered,
 * units_sold, last_stock_delta) are written only by the {@code stock} package, through its own conditional statements.
 */
@Repository
class ProductRepository {

    static final String COLUMNS = ProductRows.SELECTED;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batchJdbc;
    private final BulkInsert bulk;
    private final RowMapper<Product> mapper;
    private final int currencyScale;

    ProductRepository(
            JdbcClient jdbc, NamedParameterJdbcTemplate batchJdbc, BulkInsert bulk, StockroomProperties properties) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.bulk = bulk;
        this.currencyScale = properties.currencyScale();
        this.mapper = (rs, n) -> ProductRows.map(rs, currencyScale);
    }

    static String searchKey(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static final int BATCH = 1000;
    private static final String INSERT =
            "INSERT INTO product (sku, name, price, stock, reorder_threshold, units_sold, cost, reorder_quantity, "
                    + "lead_time_days, supplier, barcode, archived, created_at, updated_at, variant_group, options, "
                    + "stock_tracked, name_key, components, image_url) VALUES (:sku, :name, :price, :stock, "
                    + ":threshold, 0, :cost, :reorderQuantity, :leadTimeDays, :supplier, :barcode, FALSE, :now, :now, "
                    + ":group, :options, :tracked, :nameKey, :components, :imageUrl) "
                    + "ON CONFLICT (sku) DO NOTHING";

    /** Inserts the product; answers false when the SKU is taken. */
    boolean insert(NewProduct p, long now) {
        if (batchJdbc.update(INSERT, row(p, now)) != 1) {
            return false;
        }
        insertWords(List.of(p));
        return true;
    }

    /** Inserts the products in batches; answers the SKUs that were taken already (nothing else is wrong then). */
    List<String> insertAll(List<NewProduct> newProducts, long now) {
        List<Object[]> rows = newProducts.stream().map(p -> values(p, now)).toList();
        java.util.Set<String> taken = bulk.appendNew("product", "sku", INSERTED_COLUMNS, rows);
        insertWords(newProducts.stream().filter(p -> !taken.contains(p.sku())).toList());
        return newProducts.stream().map(NewProduct::sku).filter(taken::contains).toList();
    }

    private void insertWords(List<NewProduct> products) {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (NewProduct p : products) {
            for (String word : ProductWords.of(p.sku(), p.name(), p.supplier(), p.group())) {
                rows.add(new Object[] {word, p.sku()});
            }
        }
        bulk.append("product_word", WORD_COLUMNS, rows);
    }

    /** Replaces the search words of the products with what they say now. */
    void reindex(List<String> skus) {
        for (int from = 0; from < skus.size(); from += BATCH) {
            List<String> chunk = skus.subList(from, Math.min(skus.size(), from + BATCH));
            jdbc.sql("DELETE FROM product_word WHERE sku IN (:skus)")
                    .param("skus", chunk)
                    .update();
            List<Object[]> rows = new java.util.ArrayList<>();
            jdbc.sql("SELECT sku, name, supplier, variant_group FROM product WHERE sku IN (:skus)")
                    .param("skus", chunk)
                    .query((rs, n) -> {
                        String sku = rs.getString("sku");
                        for (String word : ProductWords.of(
                                sku, rs.getString("name"), rs.getString("supplier"), rs.getString("variant_group"))) {
                            rows.add(new Object[] {word, sku});
                        }
                        return sku;
                    })
                    .list();
            bulk.append("product_word", WORD_COLUMNS, rows);
        }
    }

    /** Products that have no search words yet: those that existed before the search index did. */
    List<String> unindexed() {
        return jdbc.sql(
                        "SELECT p.sku FROM product p WHERE NOT EXISTS (SELECT 1 FROM product_word w WHERE w.sku = p.sku)")
                .query(String.class)
                .list();
    }

    private static final List<String> INSERTED_COLUMNS = List.of(
            "sku",
            "name",
            "price",
            "stock",
            "reorder_threshold",
            "units_sold",
            "cost",
            "reorder_quantity",
            "lead_time_days",
            "supplier",
            "barcode",
            "archived",
            "created_at",
            "updated_at",
            "variant_group",
            "options",
            "stock_tracked",
            "name_key",
            "components",
            "image_url");

    private static final List<String> WORD_COLUMNS = List.of("word", "sku");

    /** The values of {@link #INSERTED_COLUMNS} for a new product, as {@link #row} names them for one insert. */
    private static Object[] values(NewProduct p, long now) {
        return new Object[] {
            p.sku(),
            p.name(),
            Money.toColumn(p.price()),
            p.stock(),
            p.reorderThreshold(),
            0L,
            Money.toColumnOrNull(p.cost()),
            p.reorderQuantity(),
            p.leadTimeDays(),
            p.supplier(),
            p.barcode(),
            false,
            now,
            now,
            p.group(),
            ProductWords.writeOptions(p.options()),
            p.stockTracked() && p.components().isEmpty(),
            searchKey(p.name()),
            BundleComponent.format(p.components()),
            p.imageUrl()
        };
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
                .addValue("group", p.group(), Types.VARCHAR)
                .addValue("options", ProductWords.writeOptions(p.options()), Types.VARCHAR)
                // A bundle's own row tracks no stock: the rules that read the stored columns (alerts,
                // the self-check, counts) leave it to its components.
                .addValue("tracked", p.stockTracked() && p.components().isEmpty())
                .addValue("components", BundleComponent.format(p.components()), Types.VARCHAR)
                .addValue("imageUrl", p.imageUrl(), Types.VARCHAR)
                .addValue("now", now);
    }

    Optional<Product> findByBarcode(String barcode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE barcode = :barcode ORDER BY archived, sku LIMIT 1")
                .param("barcode", barcode)
                .query(mapper)
                .optional();
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
        return jdbc.sql("SELECT COUNT(*) AS products, "
                        + "COALESCE(SUM(CASE WHEN stock_tracked = TRUE AND stock - reserved > 0 "
                        + "AND stock - reserved <= reorder_threshold THEN 1 ELSE 0 END), 0) AS low, "
                        + "COALESCE(SUM(CASE WHEN stock_tracked = TRUE AND stock - reserved = 0 THEN 1 ELSE 0 END), 0) "
                        + "AS out_of_stock FROM product WHERE archived = FALSE")
                .query((rs, n) ->
                        new StockCounts(rs.getLong("products"), rs.getLong("low"), rs.getLong("out_of_stock")))
                .single();
    }

    /**
     * The filter as SQL. Each query word is either the prefixes of its letter-and-digit runs, each a
     * range scan of product_word's primary key, or the whole barcode (an index lookup): no scan of
     * the product table, however large, for a search typed one key at a time.
     */
    static String where(ProductQuery query) {
        StringBuilder sql = new StringBuilder(" WHERE archived = :archived");
        List<ProductWords.Term> terms = ProductWords.terms(query.q());
        for (int i = 0; i < terms.size(); i++) {
            List<String> conditions = new java.util.ArrayList<>();
            for (int j = 0; j < terms.get(i).prefixes().size(); j++) {
                conditions.add("sku IN (SELECT w.sku FROM product_word w WHERE w.word >= :lo_" + i + "_" + j
                        + " AND w.word < :hi_" + i + "_" + j + ")");
            }
            String words = String.join(" AND ", conditions);
            sql.append(" AND (")
                    .append(words.isEmpty() ? "" : "(" + words + ") OR ")
                    .append("barcode = :barcode_")
                    .append(i)
                    .append(')');
        }
        if (query.group() != null) {
            sql.append(" AND variant_group = :group");
        }
        if (query.lowStock()) {
            sql.append(
                    " AND (stock_tracked = TRUE AND stock - reserved <= reorder_threshold OR components IS NOT NULL AND "
                            + ProductRows.STOCK
                            + " <= reorder_threshold)");
        }
        return sql.toString();
    }

    static java.util.Map<String, Object> params(ProductQuery query) {
        var params = new java.util.HashMap<String, Object>();
        params.put("archived", query.archived());
        List<ProductWords.Term> terms = ProductWords.terms(query.q());
        for (int i = 0; i < terms.size(); i++) {
            ProductWords.Term term = terms.get(i);
            for (int j = 0; j < term.prefixes().size(); j++) {
                String prefix = term.prefixes().get(j);
                params.put("lo_" + i + "_" + j, prefix);
                params.put("hi_" + i + "_" + j, ProductWords.after(prefix));
            }
            params.put("barcode_" + i, term.text());
        }
        if (query.group() != null) {
            params.put("group", query.group());
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
        if (changes.group() != null) {
            set.append(", variant_group = :group");
            params.addValue("group", changes.group().orElse(null), Types.VARCHAR);
        }
        if (changes.options() != null) {
            set.append(", options = :options");
            params.addValue(
                    "options", ProductWords.writeOptions(changes.options().orElse(null)), Types.VARCHAR);
        }
        if (changes.imageUrl() != null) {
            set.append(", image_url = :imageUrl");
            params.addValue("imageUrl", changes.imageUrl().orElse(null), Types.VARCHAR);
        }
        jdbc.sql("UPDATE product SET " + set + " WHERE sku = :sku")
                .paramSource(params)
                .update();
        if (changes.name() != null || changes.supplier() != null || changes.group() != null) {
            reindex(List.of(sku));
        }
    }

    /** The SKUs of every product matching the filter, in SKU order, at most {@code limit}. */
    List<String> skusMatching(ProductQuery query, int limit) {
        return jdbc.sql("SELECT sku FROM product" + where(query) + " ORDER BY sku LIMIT :limit")
                .params(params(query))
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /** Sets the given fields of every product named, in statements of a thousand products. */
    void updateAll(List<String> skus, ProductChanges changes, long now) {
        StringBuilder set = new StringBuilder("updated_at = :now");
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("now", now);
        if (changes.reorderThreshold() != null) {
            set.append(", reorder_threshold = :threshold");
            params.addValue("threshold", changes.reorderThreshold());
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
        for (int from = 0; from < skus.size(); from += BATCH) {
            List<String> chunk = skus.subList(from, Math.min(skus.size(), from + BATCH));
            jdbc.sql("UPDATE product SET " + set + " WHERE sku IN (:skus)")
                    .paramSource(params.addValue("skus", chunk))
                    .update();
        }
        if (changes.supplier() != null) {
            reindex(skus);
        }
    }

    /** The stored prices of the products, by SKU. */
    java.util.Map<String, Long> prices(List<String> skus) {
        java.util.Map<String, Long> prices = new java.util.HashMap<>();
        for (int from = 0; from < skus.size(); from += BATCH) {
            jdbc.sql("SELECT sku, price FROM product WHERE sku IN (:skus)")
                    .param("skus", skus.subList(from, Math.min(skus.size(), from + BATCH)))
                    .query((rs, n) -> prices.put(rs.getString("sku"), rs.getLong("price")))
                    .list();
        }
        return prices;
    }

    void setPrices(java.util.Map<String, Long> prices, long now) {
        SqlParameterSource[] rows = prices.entrySet().stream()
                .map(e -> new MapSqlParameterSource()
                        .addValue("sku", e.getKey())
                        .addValue("price", e.getValue())
                        .addValue("now", now))
                .toArray(SqlParameterSource[]::new);
        batchJdbc.batchUpdate("UPDATE product SET price = :price, updated_at = :now WHERE sku = :sku", rows);
    }

    void archiveAll(List<String> skus, long now) {
        for (int from = 0; from < skus.size(); from += BATCH) {
            jdbc.sql("UPDATE product SET archived = TRUE, updated_at = :now WHERE sku IN (:skus) AND archived = FALSE")
                    .param("skus", skus.subList(from, Math.min(skus.size(), from + BATCH)))
                    .param("now", now)
                    .update();
        }
    }

    /** Renames the supplier on its products, and their search words with it. */
    int renameSupplier(String from, String to, long now) {
        List<String> skus = jdbc.sql("UPDATE product SET supplier = :to, updated_at = :now WHERE supplier = :from "
                        + "RETURNING sku")
                .param("from", from)
                .param("to", to)
                .param("now", now)
                .query(String.class)
                .list();
        reindex(skus);
        return skus.size();
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
        return jdbc.sql("UPDATE product SET cost = :cost, updated_at = :now WHERE sku = :sku RETURNING "
                        + ProductRows.COLUMNS)
                .param("sku", sku)
                .param("cost", Money.toColumn(cost))
                .param("now", now)
                .query(mapper)
                .single();
    }

    /** What a bundle's recipe needs to know of its would-be components: whether each exists, is archived, is a bundle. */
    record ComponentState(String sku, boolean archived, boolean bundle) {}

    List<ComponentState> componentStates(java.util.Collection<String> skus) {
        return jdbc.sql("SELECT sku, archived, components FROM product WHERE sku IN (:skus)")
                .param("skus", skus)
                .query((rs, n) -> new ComponentState(
                        rs.getString("sku"), rs.getBoolean("archived"), rs.getString("components") != null))
                .list();
    }

    void insertRecipes(List<NewProduct> bundles) {
        List<SqlParameterSource> rows = new java.util.ArrayList<>();
        for (NewProduct b : bundles) {
            for (BundleComponent c : b.components()) {
                rows.add(new MapSqlParameterSource()
                        .addValue("bundle", b.sku())
                        .addValue("component", c.sku())
                        .addValue("quantity", c.quantity()));
            }
        }
        batchJdbc.batchUpdate(
                "INSERT INTO bundle_component (bundle_sku, component_sku, quantity) VALUES (:bundle, :component, :quantity)",
                rows.toArray(SqlParameterSource[]::new));
    }

    /** The bundles among {@code skus}, as stored (their recipes; their stock column is 0). */
    List<Product> bundlesAmong(java.util.Collection<String> skus) {
        return jdbc.sql("SELECT " + ProductRows.COLUMNS
                        + " FROM product WHERE sku IN (:skus) AND components IS NOT NULL")
                .param("skus", skus)
                .query(mapper)
                .list();
    }

    /** Every bundle's SKU. */
    List<String> bundleSkus() {
        return jdbc.sql("SELECT sku FROM product WHERE components IS NOT NULL")
                .query(String.class)
                .list();
    }

    /** The bundles that have any of {@code skus} among their components. */
    List<String> bundlesContaining(java.util.Collection<String> skus) {
        return jdbc.sql(
                        "SELECT DISTINCT bundle_sku FROM bundle_component WHERE component_sku IN (:skus) ORDER BY bundle_sku")
                .param("skus", skus)
                .query(String.class)
                .list();
    }
}
