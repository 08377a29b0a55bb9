package org.stockroom.support;

import javax.sql.DataSource;

/** The engine behind the datasource, for the rare statement whose spelling differs. */
public enum Database {
    SQLITE,
    POSTGRESQL;

    static Database of(DataSource dataSource) {
        return named(DatabaseConfiguration.productName(dataSource));
    }

    /** The engine a JDBC driver's {@code getDatabaseProductName()} names. */
    static Database named(String name) {
        if (name.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.toLowerCase(java.util.Locale.ROOT).contains("sqlite")) {
            return SQLITE;
        }
        throw new IllegalStateException("Stockroom runs on SQLite or PostgreSQL, not on " + name);
    }
}
