package org.stockroom.support;

import javax.sql.DataSource;

/** The engine behind the datasource, for the rare statement whose spelling differs. */
public enum Database {
    SQLITE,
    POSTGRESQL;

    static Database of(DataSource dataSource) {
        String name = DatabaseConfiguration.productName(dataSource);
        if (name.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.toLowerCase(java.util.Locale.ROOT).contains("sqlite")) {
            return SQLITE;
        }
        throw new IllegalStateException("Stockroom runs on SQLite or PostgreSQL, not on " + name);
    }
}
