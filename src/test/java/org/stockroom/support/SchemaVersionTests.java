package org.stockroom.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The store-level behaviour (current or not, on both engines) is in the CLI's StoreSessionTests. */
class SchemaVersionTests {

    @Test
    void aMigrationIsKnownByTheVersionItsFileNameGivesAsFlywayReadsIt() {
        assertThat(Stream.of("V1__catalog.sql", "V1_2__x.sql", "V10.0__x.sql", "R__view.sql", "V1__notes.txt")
                        .map(name ->
                                SchemaVersion.parse(name).map(Object::toString).orElse("-"))
                        .toList())
                .containsExactly("[1]", "[1, 2]", "[10]", "-", "-");
    }
}
