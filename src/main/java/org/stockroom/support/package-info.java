/**
 * What every feature shares and none owns: refusals ({@link org.stockroom.support.DomainException}
 * with a kind and a code, no HTTP), money columns, text rules, paging, who is acting, the store's
 * calendar, and transactions retried on transient failures. Owns no table; knows no feature.
 */
package org.stockroom.support;
