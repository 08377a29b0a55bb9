/** Reports: what sold, what stock is worth, what to reorder. Read-only. */
package org.stockroom.reports;
