package io.guichet.dialogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The product's own wording in French and English, from {@code phrases.yml}. */
final class Phrases {
    private final JsonNode root;

    private Phrases(JsonNode root) {
        this.root = root;
    }

    static Phrases shipped() {
        try (InputStream in = Phrases.class.getResourceAsStream("phrases.yml")) {
            return new Phrases(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text(String key, String lang, Map<String, String> values) {
        String text = node(key, lang).asText();
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    String text(String key, String lang) {
        return text(key, lang, Map.of());
    }

    List<String> list(String key, String lang) {
        List<String> out = new ArrayList<>();
        node(key, lang).forEach(n -> out.add(n.asText()));
        return out;
    }

    private JsonNode node(String key, String lang) {
        JsonNode entry = root.path(key);
        if (entry.isMissingNode()) {
            throw new IllegalArgumentException("no phrase '" + key + "'");
        }
        JsonNode localized = entry.path(lang);
        return localized.isMissingNode() ? entry.path("fr") : localized;
    }
}
