/** Reports: what sold, what stock is worth, what to reorder. Read-only: writes no table (the rollups are {@code sales}'). */
package org.stockroom.reports;
