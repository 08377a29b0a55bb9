package org.stockroom.web;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.stockroom.reports.DailySales;
import org.stockroom.stock.Movement;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chart data as JSON for a {@code data-chart} attribute, which {@code /js/charts.js} draws with
 * Chart.js. Data travels in an attribute, not an inline script, so the pages work under a strict
 * content security policy; every chart also has a table or list with the same numbers for people
 * who cannot see it.
 */
@Component
class Charts {

    private final JsonMapper json;
    private final Formats fmt;

    Charts(JsonMapper json, Formats fmt) {
        this.json = json;
        this.fmt = fmt;
    }

    String dailySales(List<DailySales> days) {
        return json.writeValueAsString(Map.of(
                "type", "bar",
                "labels", days.stream().map(d -> d.date().toString()).toList(),
                "datasets",
                        List.of(
                                Map.of(
                                        "label",
                                        "Revenue (" + fmt.currency() + ")",
                                        "data",
                                        days.stream().map(DailySales::revenue).toList(),
                                        "yAxisID",
                                        "y"),
                                Map.of(
                                        "label",
                                        "Purchases",
                                        "data",
                                        days.stream().map(DailySales::purchases).toList(),
                                        "type",
                                        "line",
                                        "yAxisID",
                                        "y1"))));
    }

    String stockLevels(List<Movement> oldestFirst, long threshold) {
        return json.writeValueAsString(Map.of(
                "type", "line",
                "labels", oldestFirst.stream().map(m -> fmt.dateTime(m.at())).toList(),
                "datasets",
                        List.of(
                                Map.of(
                                        "label",
                                        "Stock",
                                        "data",
                                        oldestFirst.stream()
                                                .map(Movement::balanceAfter)
                                                .toList(),
                                        "stepped",
                                        true),
                                Map.of(
                                        "label",
                                        "Reorder threshold",
                                        "data",
                                        oldestFirst.stream().map(m -> threshold).toList(),
                                        "borderDash",
                                        List.of(6, 4),
                                        "pointRadius",
                                        0))));
    }
}
