package org.stockroom.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void idsMadeInTheSameMillisecondSortInTheOrderTheyWereMade() {
        Clock frozen = Clock.fixed(Instant.parse("2026-11-25T10:15:30Z"), ZoneOffset.UTC);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            ids.add(Ids.newId(frozen));
        }

        assertThat(ids).isSorted().doesNotHaveDuplicates();
        UUID first = UUID.fromString(ids.get(0));
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16)
                .isGreaterThanOrEqualTo(Instant.parse("2026-11-25T10:15:30Z").toEpochMilli());
    }
}
