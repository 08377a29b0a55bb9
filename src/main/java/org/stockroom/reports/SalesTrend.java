package org.stockroom.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.Money;
import org.stockroom.support.StockroomProperties;
import org.stockroom.support.StoreCalendar;

/** Sales day by day, for charts: every day of the range appears, with zero when nothing sold. */
@Service
public class SalesTrend {

    static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final StoreCalendar calendar;
    private final StockroomProperties properties;

    SalesTrend(JdbcClient jdbc, StoreCalendar calendar, StockroomProperties properties) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.properties = properties;
    }

    /**
     * Both dates inclusive. Day boundaries are computed here in the store's time zone (so a day
     * with a daylight-saving change is 23 or 25 hours long) and matched in one query against the
     * purchase time index, rather than trusting either engine's date functions.
     */
    public List<DailySales> days(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        long count = ChronoUnit.DAYS.between(from, to) + 1;
        if (count > MAX_DAYS) {
            throw new InvalidRequestException("to", "must be at most " + MAX_DAYS + " days after from");
        }
        StringBuilder days = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < count; i++) {
            LocalDate day = from.plusDays(i);
            days.append(i == 0 ? "" : ", ")
                    .append("(")
                    .append(i)
                    .append(", CAST(:s")
                    .append(i)
                    .append(" AS BIGINT), CAST(:e")
                    .append(i)
                    .append(" AS BIGINT))");
            params.put("s" + i, calendar.startOf(day));
            params.put("e" + i, calendar.endOf(day));
        }
        int scale = properties.currencyScale();
        List<DailySales> result = new ArrayList<>((int) count);
        jdbc.sql("WITH day (n, start_ms, end_ms) AS (VALUES " + days + ") "
                        + "SELECT day.n, COUNT(p.id) AS purchases, COALESCE(SUM(p.total), 0) AS revenue FROM day "
                        + "LEFT JOIN purchase p ON p.created_at >= day.start_ms AND p.created_at < day.end_ms "
                        + "GROUP BY day.n ORDER BY day.n")
                .params(params)
                .query((rs, n) -> new DailySales(
                        from.plusDays(rs.getInt("n")),
                        rs.getLong("purchases"),
                        Money.fromColumn(rs.getLong("revenue"), scale)))
                .list()
                .forEach(result::add);
        return result;
    }
}
