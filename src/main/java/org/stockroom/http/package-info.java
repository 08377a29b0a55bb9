/**
 * What the two HTTP faces (the JSON API and the pages) share: how a refusal of the core becomes a
 * status, and how a date in an address is read ({@link org.stockroom.http.DateParameters}). It
 * owns no table and holds no rule of the store.
 */
package org.stockroom.http;
