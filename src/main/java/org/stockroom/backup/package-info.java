/**
 * Backups: a consistent copy of the store while it runs and sells ({@code VACUUM INTO} on SQLite,
 * {@code pg_dump} on PostgreSQL), restore into an empty data directory, and scheduled backups with
 * retention. Writes no table; it copies the database as a whole.
 */
package org.stockroom.backup;
