package org.stockroom.alerts;

public enum AlertStatus {
    OPEN,
    RESOLVED,
    ALL
}
