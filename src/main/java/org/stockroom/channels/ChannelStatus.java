package org.stockroom.channels;

/**
 * CONNECTED: orders are taken and stock is pushed. UNAUTHORIZED: the platform refused the
 * credentials (401/403); pushes wait until the owner connects again with working credentials.
 * DISCONNECTED: the owner removed it; its webhooks are refused and nothing is pushed.
 */
public enum ChannelStatus {
    CONNECTED,
    UNAUTHORIZED,
    DISCONNECTED
}
