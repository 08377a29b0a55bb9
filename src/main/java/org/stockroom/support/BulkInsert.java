package org.stockroom.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * Appends many rows to a table inside the caller's transaction (an import of 100,000 products
 * writes some 700,000 rows). PostgreSQL takes them through {@code COPY}, which it parses once per
 * chunk instead of once per row, a few times faster than batched inserts there; SQLite runs in this
 * process, where a batch of prepared inserts is already about as cheap as writing the rows.
 */
@Component
public class BulkInsert {

    private static final int CHUNK = 10_000;
    private static final int BATCH = 1_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Database database;
    private final SQLExceptionTranslator translator;

    BulkInsert(DataSource dataSource, JdbcTemplate jdbc, Database database) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.database = database;
        // The template's own translator (SQL states), as for every other statement: the error-code
        // translator parses an XML file of every vendor's codes, a tenth of a command's start-up.
        this.translator = jdbc.getExceptionTranslator();
    }

    /** Appends the rows, each holding the columns' values in order (String, Number, Boolean or null). */
    public void append(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (database == Database.POSTGRESQL) {
            copy(table, columns, rows);
            return;
        }
        String sql = insert(table, columns);
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }

    /**
     * Appends the rows whose {@code key} is not in the table yet and answers the keys that were
     * (taken by an earlier row, or by another transaction that committed first); the key is a
     * unique text column.
     */
    public Set<String> appendNew(String table, String key, List<String> columns, List<Object[]> rows) {
        int keyAt = columns.indexOf(key);
        if (keyAt < 0) {
            throw new IllegalArgumentException(key + " is not among the columns " + columns);
        }
        Set<String> taken = new HashSet<>();
        if (rows.isEmpty()) {
            return taken;
        }
        if (database == Database.POSTGRESQL) {
            // COPY has no ON CONFLICT: the rows go to a scratch table first, then across in one statement.
            String scratch = table + "_incoming";
            jdbc.execute(
                    "CREATE TEMPORARY TABLE " + scratch + " (LIKE " + table + " INCLUDING DEFAULTS) ON COMMIT DROP");
            try {
                copy(scratch, columns, rows);
                String list = String.join(", ", columns);
                Set<String> added = new HashSet<>(jdbc.queryForList(
                        "INSERT INTO " + table + " (" + list + ") SELECT " + list + " FROM " + scratch
                                + " ON CONFLICT (" + key + ") DO NOTHING RETURNING " + key,
                        String.class));
                for (Object[] row : rows) {
                    if (!added.contains((String) row[keyAt])) {
                        taken.add((String) row[keyAt]);
                    }
                }
            } finally {
                jdbc.execute("DROP TABLE IF EXISTS " + scratch);
            }
            return taken;
        }
        String sql = insert(table, columns) + " ON CONFLICT (" + key + ") DO NOTHING";
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            int[] counts = jdbc.batchUpdate(sql, batch);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    taken.add((String) batch.get(i)[keyAt]);
                }
            }
        }
        return taken;
    }

    private static String insert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
    }

    private void copy(String table, List<String> columns, List<Object[]> rows) {
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            var copier = connection.unwrap(PGConnection.class).getCopyAPI();
            for (int from = 0; from < rows.size(); from += CHUNK) {
                copier.copyIn(sql, new StringReader(csv(rows.subList(from, Math.min(rows.size(), from + CHUNK)))));
            }
        } catch (SQLException e) {
            throw translator.translate("COPY " + table, sql, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** PostgreSQL's CSV: NULL unquoted and empty, every other value quoted, so an empty text stays empty text. */
    private static String csv(List<Object[]> rows) throws IOException {
        StringBuilder out = new StringBuilder(rows.size() * 64);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.POSTGRESQL_CSV)) {
            List<Object> values = new ArrayList<>();
            for (Object[] row : rows) {
                values.clear();
                for (Object value : row) {
                    values.add(text(value));
                }
                printer.printRecord(values);
            }
        }
        return out.toString();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b ? "t" : "f";
        }
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
