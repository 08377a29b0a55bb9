/**
 * The JSON API face (shared/API.md): translates HTTP to calls on {@link org.stockroom.Store}, and
 * refusals to Problem Details (status from {@link org.stockroom.http.Statuses}). Holds no rule and no SQL.
 */
package org.stockroom.api;
