/**
 * Who may do what: user accounts with roles, API tokens, web sign-in with a second factor,
 * throttling of failed sign-ins, and the audit trail of changes made by whom.
 */
package org.stockroom.accounts;
