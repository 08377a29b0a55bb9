package org.stockroom.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The words a product is found by, the terms of a search, and the stored form of options. */
final class ProductWords {

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final int MAX_TERMS = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProductWords() {}

    /** One word of a query: the prefixes its letter-and-digit runs must start words with, or its text as a barcode. */
    record Term(String text, List<String> prefixes) {}

    /** The lower-case letter-and-digit runs of every field given. */
    static Set<String> of(String... fields) {
        Set<String> words = new LinkedHashSet<>();
        for (String field : fields) {
            if (field != null) {
                words.addAll(split(field));
            }
        }
        return words;
    }

    static List<Term> terms(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        List<Term> terms = new ArrayList<>();
        for (String text : q.strip().split("\\s+")) {
            if (terms.size() == MAX_TERMS) {
                break;
            }
            terms.add(new Term(text, split(text)));
        }
        return terms;
    }

    /** The least string greater than every string that starts with {@code prefix} (code point order). */
    static String after(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
    }

    private static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        for (String word : SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    static String writeOptions(Map<String, String> options) {
        return options == null || options.isEmpty() ? null : JSON.writeValueAsString(options);
    }

    static Map<String, String> readOptions(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
    }
}
