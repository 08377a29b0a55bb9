package org.stockroom.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Empties every table of the schema between tests (children before parents, found from the
 * foreign keys), so tests that share one application context start from an empty store.
 * The ledger's triggers refuse deletes, as they must for the application; the wipe steps around
 * them the way only the schema's owner can: in one transaction it drops the SQLite triggers and
 * re-creates them from their stored definitions, or disables and re-enables PostgreSQL's user
 * triggers. Other connections never see a table without its triggers.
 */
public final class TestDatabase {

    private TestDatabase() {}

    public static void wipe(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            boolean postgres = c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
            List<String> tables = deletionOrder(c);
            c.setAutoCommit(false);
            try {
                Map<String, String> sqliteTriggers = new java.util.LinkedHashMap<>();
                if (postgres) {
                    for (String table : tables) {
                        s.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
                    }
                } else {
                    try (ResultSet rs = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")) {
                        while (rs.next()) {
                            sqliteTriggers.put(rs.getString("name"), rs.getString("sql"));
                        }
                    }
                    for (String trigger : sqliteTriggers.keySet()) {
                        s.execute("DROP TRIGGER " + trigger);
                    }
                }
                for (String table : tables) {
                    s.executeUpdate("DELETE FROM " + table);
                }
                if (postgres) {
                    for (String table : tables) {
                        s.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
                    }
                } else {
                    for (String definition : sqliteTriggers.values()) {
                        s.execute(definition);
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot empty the test database", e);
        }
    }

    private static List<String> deletionOrder(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema =
                meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? c.getSchema() : null;
        Set<String> tables = new LinkedHashSet<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.startsWith("flyway_") && !name.startsWith("sqlite_")) {
                    tables.add(name);
                }
            }
        }
        Map<String, Set<String>> parents = new HashMap<>();
        for (String table : tables) {
            Set<String> referenced = new HashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME");
                    if (!parent.equals(table)) {
                        referenced.add(parent);
                    }
                }
            }
            parents.put(table, referenced);
        }
        List<String> order = new ArrayList<>();
        Set<String> remaining = new LinkedHashSet<>(tables);
        while (!remaining.isEmpty()) {
            String next = remaining.stream()
                    .filter(t -> remaining.stream()
                            .noneMatch(other ->
                                    !other.equals(t) && parents.get(other).contains(t)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Foreign keys form a cycle among " + remaining));
            order.add(next);
            remaining.remove(next);
        }
        return order;
    }
}
