package org.stockroom.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stockroom.StockroomApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/configuration.md lists every {@code stockroom.*} key with its default, and says nothing the
 * code does not: the table is checked against the metadata the configuration processor writes from
 * the {@code @ConfigurationProperties} records, so a key added, renamed or re-defaulted in the
 * code without the documentation fails here.
 */
class ConfigurationDocumentationTests {

    private static final Pattern ROW = Pattern.compile("(?m)^\\| `(stockroom\\.[a-z0-9.-]+)` \\| ([^|]*) \\|");

    @Test
    void theConfigurationTableListsEveryKeyWithTheDefaultOfTheCode() throws Exception {
        Map<String, String> documented = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("docs", "configuration.md")));
        while (row.find()) {
            documented.put(row.group(1), row.group(2).strip());
        }
        Map<String, String> code = new TreeMap<>();
        for (JsonNode property : metadata().path("properties")) {
            String name = property.path("name").asString();
            if (name.startsWith("stockroom.")) {
                code.put(name, defaultOf(property.path("defaultValue")));
            }
        }

        assertThat(documented.keySet()).as("keys in docs/configuration.md").containsExactlyElementsOf(code.keySet());
        List<String> wrong = new ArrayList<>();
        code.forEach((key, value) -> {
            String doc = documented.get(key);
            boolean matches = value == null ? doc.startsWith("(") : doc.equals("`" + value + "`");
            if (!matches) {
                wrong.add(key + ": documented " + doc + ", the code says " + (value == null ? "no default" : value));
            }
        });
        assertThat(wrong).isEmpty();
    }

    private static JsonNode metadata() throws Exception {
        Path classes = Path.of(StockroomApplication.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path file = classes.resolve("META-INF").resolve("spring-configuration-metadata.json");
        assertThat(file).as("written by spring-boot-configuration-processor").exists();
        return JsonMapper.builder().build().readTree(Files.readString(file));
    }

    /** The default as the table writes it: lists joined by commas; an empty list is no default. */
    private static String defaultOf(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                return null;
            }
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asString()));
            return String.join(",", items);
        }
        String text = value.asString();
        // The processor writes a list default as its toString ("[5s, 5m]").
        if (text.startsWith("[") && text.endsWith("]")) {
            String items = text.substring(1, text.length() - 1).strip();
            return items.isEmpty() ? null : String.join(",", items.split(",\\s*"));
        }
        return text;
    }
}
