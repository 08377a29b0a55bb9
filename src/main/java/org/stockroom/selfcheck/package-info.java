/** The self-check: recomputes stock, units sold and alerts from the records they summarize, and lists every disagreement. Read-only. */
package org.stockroom.selfcheck;
