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
            String placeholder = "{" + value.getKey() + "}";
            text = contracted(text, placeholder, value.getValue())
                    .replace(placeholder, value.getValue());
        }
        return text;
    }

    /**
     * French contracts "à" and "de" with the article of a name put after them: "à {team}" with
     * "le bureau des congrès" reads "au bureau des congrès", never "à le bureau".
     */
    private static String contracted(String text, String placeholder, String value) {
        for (String[] contraction : CONTRACTIONS) {
            if (value.startsWith(contraction[1])) {
                text = text.replace(contraction[0] + placeholder,
                        contraction[2] + value.substring(contraction[1].length()));
            }
        }
        return text;
    }

    /** Preposition before a placeholder, article at the start of its value, and the two as French writes them. */
    private static final String[][] CONTRACTIONS = {{"à ", "le ", "au "}, {"à ", "les ", "aux "},
            {"de ", "le ", "du "}, {"de ", "les ", "des "}, {"À ", "le ", "Au "}, {"De ", "le ", "Du "}};

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
