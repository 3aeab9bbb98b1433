package io.guichet.importer.datatourisme;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads DATAtourisme's compacted JSON-LD, where the same property is a single value in one record
 * and an array in the next, and texts are per-language maps of arrays ({@code {"fr": ["…"]}}).
 */
final class JsonLd {
    private JsonLd() {
    }

    /** The values of {@code node[key]}, whether it holds one value or an array of them. */
    static List<JsonNode> all(JsonNode node, String key) {
        return values(node == null ? null : node.get(key));
    }

    static List<JsonNode> values(JsonNode value) {
        List<JsonNode> out = new ArrayList<>();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return out;
        }
        if (value.isArray()) {
            value.forEach(out::add);
        } else {
            out.add(value);
        }
        return out;
    }

    /** The first non-blank text among {@code node[key]}'s values, stripped. */
    static Optional<String> text(JsonNode node, String key) {
        return all(node, key).stream().filter(JsonNode::isValueNode).map(JsonNode::asText).map(String::strip)
                .filter(s -> !s.isEmpty()).findFirst();
    }

    /** A number written as a number or as a string ("12.5", ["349"]), or empty when there is none. */
    static Optional<BigDecimal> number(JsonNode node, String key) {
        for (JsonNode value : all(node, key)) {
            try {
                if (value.isNumber()) {
                    return Optional.of(value.decimalValue());
                }
                if (value.isTextual() && !value.asText().isBlank()) {
                    return Optional.of(new BigDecimal(value.asText().strip().replace(',', '.')));
                }
            } catch (NumberFormatException e) {
                // not a number: the next value may be one
            }
        }
        return Optional.empty();
    }

    /** The {@code @id}s of {@code node[key]}'s values, or the values themselves when they are plain strings. */
    static List<String> ids(JsonNode node, String key) {
        List<String> ids = new ArrayList<>();
        for (JsonNode value : all(node, key)) {
            if (value.isTextual()) {
                ids.add(value.asText());
            } else if (value.hasNonNull("@id")) {
                ids.add(value.get("@id").asText());
            }
        }
        return ids;
    }

    /** {@code "kb:PerWeek"} → {@code "PerWeek"}, {@code "schema:Monday"} → {@code "Monday"}. */
    static String localName(String id) {
        int cut = Math.max(id.lastIndexOf(':'), Math.max(id.lastIndexOf('/'), id.lastIndexOf('#')));
        return id.substring(cut + 1);
    }

    /** The text of a language map ({@code {"fr": ["…"], "en": "…"}}) in {@code lang}. */
    static Optional<String> inLanguage(JsonNode languageMap, String lang) {
        return languageMap == null ? Optional.empty() : text(languageMap, lang);
    }

    /**
     * The languages in which {@code owner}'s {@code property} is a machine translation: DATAtourisme
     * flags each with a {@code hasTranslatedProperty} next to it, naming the property
     * ({@code rdf:predicate}, a string or an {@code @id}) and the language ({@code rdf:language}).
     */
    static Set<String> machineTranslated(JsonNode owner, String property) {
        Set<String> languages = new HashSet<>();
        for (JsonNode flag : all(owner, "hasTranslatedProperty")) {
            if (ids(flag, "rdf:predicate").contains(property)) {
                all(flag, "rdf:language").forEach(l -> languages.add(l.asText()));
            }
        }
        return languages;
    }
}
