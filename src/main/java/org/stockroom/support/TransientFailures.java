package org.stockroom.support;

import java.sql.SQLException;
import java.util.Set;
import org.springframework.dao.ConcurrencyFailureException;
import org.sqlite.SQLiteException;

/**
 * Failures that say nothing about the request, only that another transaction got in the way at
 * that moment, so the same transaction tried again will most likely succeed: PostgreSQL aborting
 * one side of a deadlock (40P01) or a serialization conflict (40001), a lock that could not be
 * had in time (55P03), and SQLite still busy or locked after its busy timeout.
 */
public final class TransientFailures {

    private static final Set<String> SQL_STATES = Set.of("40001", "40P01", "55P03");
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private TransientFailures() {}

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyFailureException) {
                return true;
            }
            if (cause instanceof SQLiteException sqlite) {
                int primary = sqlite.getResultCode().code & 0xff;
                if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
                    return true;
                }
            } else if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
