/** The catalog: {@link org.stockroom.catalog.Product} and its rules, product changes, archiving. */
package org.stockroom.catalog;
