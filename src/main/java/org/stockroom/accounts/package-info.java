/**
 * Who may do what: user accounts with roles, API tokens, web sign-in with a second factor,
 * throttling of failed sign-ins, and the audit trail of changes made by whom. Owns and alone
 * writes app_user, recovery_code, api_token and audit_event. The security filters
 * live here; the pages that show accounts live in {@code web}, and reach the second factor
 * through {@link org.stockroom.accounts.SecondFactor}.
 */
package org.stockroom.accounts;
