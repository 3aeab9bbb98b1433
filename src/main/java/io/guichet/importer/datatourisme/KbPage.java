package io.guichet.importer.datatourisme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One knowledge-base page made from an item, in one language, written as the knowledge base reads
 * it. The same page always gives the same bytes (no date of import, facts in a fixed order), so
 * that an unchanged item leaves its file, and the vectors cached for its passages, as they were.
 *
 * @param facts numeric and other facts in the order they are written; a value is a number
 *              ({@code BigDecimal}, written plain, so that the knowledge base reads a number), a
 *              string, a boolean, or a list of periods ({@code List<Map<String, String>>})
 */
record KbPage(String id, String lang, String title, List<String> audience, List<String> journeys, String url,
              List<String> tags, String updated, Map<String, Object> facts, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Scalars that YAML reads as themselves, without quotes: words (not numbers: YAML 1.1 reads 0123 as octal). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]*");
    /** Words YAML 1.1 reads as booleans or null. */
    private static final Pattern RESERVED = Pattern.compile("(?i)y|n|true|false|yes|no|on|off|null");

    String fileName() {
        return id + ".md";
    }

    String markdown() {
        StringBuilder out = new StringBuilder("---\n");
        line(out, "id", scalar(id));
        line(out, "title", scalar(title));
        line(out, "lang", lang);
        line(out, "audience", list(audience));
        if (!journeys.isEmpty()) {
            line(out, "journey", list(journeys));
        }
        if (url != null) {
            line(out, "url", scalar(url));
        }
        if (!tags.isEmpty()) {
            line(out, "tags", list(tags));
        }
        if (updated != null) {
            line(out, "updated", updated);
        }
        facts.forEach((key, value) -> {
            if (value instanceof List<?> periods) {
                out.append(key).append(":\n");
                for (Object period : periods) {
                    Map<?, ?> p = (Map<?, ?>) period;
                    out.append("  - {start: ").append(p.get("start")).append(", end: ").append(p.get("end"))
                            .append("}\n");
                }
            } else {
                line(out, key, value instanceof BigDecimal number ? ItemMapper.plain(number)
                        : value instanceof String text ? scalar(text) : String.valueOf(value));
            }
        });
        return out.append("---\n").append(body).toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append(": ").append(value).append('\n');
    }

    private static String list(List<String> values) {
        return "[" + String.join(", ", values.stream().map(KbPage::scalar).toList()) + "]";
    }

    /** A plain scalar when YAML reads it back unchanged, else a JSON string, which YAML also reads. */
    private static String scalar(String value) {
        if (PLAIN.matcher(value).matches() && !RESERVED.matcher(value).matches()) {
            return value;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
