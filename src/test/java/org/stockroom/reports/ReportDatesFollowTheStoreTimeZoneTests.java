package org.stockroom.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.stockroom.testing.ApiTestSupport;

/** Dates are read in the store's zone (here UTC+14), on every engine; instants still come back in UTC. */
@TestPropertySource(properties = "stockroom.timezone=Pacific/Kiritimati")
class ReportDatesFollowTheStoreTimeZoneTests extends ApiTestSupport {

    private static final ZoneId STORE = ZoneId.of("Pacific/Kiritimati");
    private static final ZoneId FAR_WEST = ZoneId.of("Pacific/Pago_Pago");

    @Test
    void aSaleCountsOnTheStoresDateNotTheServersOrUtcs() {
        assertThat(api.post("/api/products", product("TZ-1", "2.50", 10, 0)).status())
                .isEqualTo(201);
        var sold = api.post("/api/purchases", purchase("TZ-1", 2));
        assertThat(sold.status()).isEqualTo(201);
        Instant at = Instant.parse(sold.json().get("createdAt").asString());
        assertThat(sold.json().get("createdAt").asString()).endsWith("Z");

        LocalDate storeDay = at.atZone(STORE).toLocalDate();
        LocalDate westDay = at.atZone(FAR_WEST).toLocalDate();
        assertThat(westDay).as("25 hours apart: always another date").isNotEqualTo(storeDay);

        var onStoreDay = api.get("/api/reports/sales?from=" + storeDay + "&to=" + storeDay)
                .json();
        assertThat(onStoreDay.get("totals").get("units").asLong()).isEqualTo(2);
        assertThat(onStoreDay.get("totals").get("revenue").decimalValue()).isEqualByComparingTo("5.00");
        var onWestDay =
                api.get("/api/reports/sales?from=" + westDay + "&to=" + westDay).json();
        assertThat(onWestDay.get("totals").get("units").asLong()).isZero();
        assertThat(api.get("/api/purchases?from=" + storeDay + "&to=" + storeDay)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.get("/api/purchases?from=" + westDay + "&to=" + westDay)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }
}
