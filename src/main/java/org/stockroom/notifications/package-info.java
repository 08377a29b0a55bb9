/**
 * Restock notifications that reach people: webhooks and email, written to an outbox in the
 * transaction that changed stock and delivered by a background dispatcher, at least once.
 */
package org.stockroom.notifications;
