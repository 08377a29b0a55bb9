/**
 * Who may do what: user accounts with roles, API tokens, web sign-in with a second factor,
 * throttling of failed sign-ins, and the audit trail of changes made by whom. Spring Security's
 * configuration and filters live here because they guard every HTTP face alike.
 *
 * <p>Owns and alone writes {@code app_user}, {@code api_token}, {@code recovery_code} and
 * {@code audit_event}; other features record audit events through {@link org.stockroom.accounts.Audit}.
 */
package org.stockroom.accounts;
