package org.stockroom.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductChanged;
import org.stockroom.catalog.ProductsAdded;
import org.stockroom.support.Actors;
import org.stockroom.support.AuditTrail;
import org.stockroom.support.Page;
import org.stockroom.support.Text;

/**
 * The audit trail of changes that are not stock movements (those carry their actor in the
 * ledger): products, users, tokens, webhooks, sign-ins. A row is written in the transaction of
 * the change it describes, so a change that rolls back leaves no trace and a committed one
 * always has its row.
 */
@Service
public class Audit implements AuditTrail {

    private final JdbcClient jdbc;
    private final Actors actors;
    private final Clock clock;

    Audit(JdbcClient jdbc, Actors actors, Clock clock) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void record(String action, String target, String detail) {
        recordAs(actors.current(), action, target, detail);
    }

    @Transactional
    public void recordAs(String actor, String action, String target, String detail) {
        jdbc.sql(
                        "INSERT INTO audit_event (at, actor, action, target, detail) VALUES (:at, :actor, :action, :target, :detail)")
                .param("at", clock.millis())
                .param("actor", actor)
                .param("action", action)
                .param("target", target)
                .param("detail", detail)
                .update();
    }

    /** Newest first, optionally only one actor's or one kind of action (a prefix such as {@code user.}). */
    /** Product changes (and archiving), from the event the catalog publishes inside the changing transaction. */
    @EventListener
    void on(ProductChanged event) {
        record("product.changed", event.product().sku().value(), snapshot(event.product()));
    }

    private static String snapshot(Product p) {
        return "name=" + p.name() + ", price=" + p.price().toPlainString() + ", reorderThreshold="
                + p.reorderThreshold() + ", archived=" + p.archived();
    }

    /** Products added, one by one or in a batch (an import: one row for the batch, naming the first SKUs). */
    @EventListener
    void on(ProductsAdded event) {
        if (event.products().size() == 1) {
            Product p = event.products().get(0);
            record("product.created", p.sku().value(), snapshot(p));
            return;
        }
        List<String> skus = event.products().stream().map(p -> p.sku().value()).toList();
        String detail = skus.size() <= 20 ? String.join(", ", skus) : String.join(", ", skus.subList(0, 20)) + ", ...";
        record("product.created", skus.size() + " products", detail);
    }

    public Page<AuditEvent> list(String actor, String action, int page, int size) {
        Page.check(page, size);
        String who = Text.clean("actor", actor, 200, false);
        String what = Text.clean("action", action, 100, false);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (who != null) {
            where.append(" AND actor = :actor");
            params.put("actor", who);
        }
        if (what != null) {
            // A prefix match on the action; LIKE's wildcards are not part of any action name.
            where.append(" AND action LIKE :action");
            params.put("action", what.replace("%", "").replace("_", "") + "%");
        }
        List<AuditEvent> items = jdbc.sql("SELECT id, at, actor, action, target, detail FROM audit_event" + where
                        + " ORDER BY id DESC LIMIT :size OFFSET :offset")
                .params(params)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new AuditEvent(
                        rs.getLong("id"),
                        Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("target"),
                        rs.getString("detail")))
                .list();
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_event" + where)
                .params(params)
                .query(Long.class)
                .single();
        return new Page<>(items, page, size, total);
    }
}
