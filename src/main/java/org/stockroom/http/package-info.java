/**
 * What the two HTTP faces (the JSON API and the pages) share: how a refusal of the core becomes a
 * status. It owns no table and holds no rule.
 */
package org.stockroom.http;
