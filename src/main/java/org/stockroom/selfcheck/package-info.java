/**
 * The self-check: recomputes stock, units sold and alerts from the records they summarise, and
 * lists every disagreement. Reads every feature's tables; owns none and writes nothing.
 */
package org.stockroom.selfcheck;
