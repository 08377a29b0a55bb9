package org.stockroom.reports;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The purchases and revenue of one day of the store's calendar. */
public record DailySales(LocalDate date, long purchases, BigDecimal revenue) {}
