package org.stockroom.alerts;

/**
 * An alert change committed by another Stockroom instance sharing the same PostgreSQL database,
 * published in this instance after that commit (outside any transaction), so live views here can
 * show alerts raised anywhere. Changes made by this instance arrive as {@link AlertChange} only.
 */
public record RemoteAlertChange(AlertChange change) {}
