package io.guichet.dialogue;

import io.guichet.nlu.IntentFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Each intent's reply variants per language, from the {@code responses} key of its intents file. */
final class IntentReplies {
    private final Map<String, Map<String, List<String>>> variants = new HashMap<>();

    IntentReplies(List<IntentFile> files) {
        for (IntentFile file : files) {
            Map<String, List<String>> byLanguage = new HashMap<>();
            file.document().path("responses").fields().forEachRemaining(lang -> {
                List<String> texts = new ArrayList<>();
                lang.getValue().forEach(t -> texts.add(t.asText()));
                byLanguage.put(lang.getKey(), texts);
            });
            variants.put(file.intent(), byLanguage);
        }
    }

    /** One variant, chosen by {@code turn} so that a conversation does not repeat itself; null if none. */
    String pick(String intent, String lang, int turn) {
        Map<String, List<String>> byLanguage = variants.getOrDefault(intent, Map.of());
        List<String> texts = byLanguage.getOrDefault(lang, byLanguage.getOrDefault("fr", List.of()));
        return texts.isEmpty() ? null : texts.get(Math.floorMod(turn, texts.size()));
    }
}
