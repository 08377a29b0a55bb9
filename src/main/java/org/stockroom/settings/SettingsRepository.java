package org.stockroom.settings;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Saved settings by name; a name without a row falls back to the configuration. */
@Repository
class SettingsRepository {

    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, String> all() {
        return jdbc
                .sql("SELECT name, value FROM store_setting")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Saves one setting, or forgets it (back to the configuration) when {@code value} is null. */
    void save(String name, String value, long atMillis) {
        jdbc.sql("DELETE FROM store_setting WHERE name = :name")
                .param("name", name)
                .update();
        if (value != null) {
            jdbc.sql("INSERT INTO store_setting (name, value, updated_at) VALUES (:name, :value, :at)")
                    .param("name", name)
                    .param("value", value)
                    .param("at", atMillis)
                    .update();
        }
    }
}
