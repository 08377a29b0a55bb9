/**
 * Notifications that reach people and machines: webhooks and email, written to an outbox in the
 * transaction that caused them and delivered by a background dispatcher, at least once; the live
 * alert feed shared by every instance.
 *
 * <p>Owns and alone writes {@code webhook_endpoint}, {@code notification_outbox} and
 * {@code notification_digest}.
 */
package org.stockroom.notifications;
