package io.guichet.dialogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.guichet.conversation.JourneyState;
import io.guichet.nlu.IntentFile;
import io.guichet.nlu.Intents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A journey as its intents file declares it: the team it leads to and the slots it asks for.
 * Changing a journey is editing that file; no Java changes.
 */
record Journey(String name, String teamId, Map<String, String> teamName, List<Slot> slots) {

    /** The journey declared by an intents file, if it is a journey intent with slots. */
    static Optional<Journey> from(IntentFile file) {
        JsonNode root = file.document();
        if (!Intents.isJourney(file.intent()) || !root.path("slots").isArray()) {
            return Optional.empty();
        }
        List<Slot> slots = new ArrayList<>();
        root.path("slots").forEach(node -> slots.add(Slot.from(node)));
        return Optional.of(new Journey(file.intent(), root.path("team").path("id").asText(file.intent()),
                texts(root.path("team").path("name")), List.copyOf(slots)));
    }

    static Map<String, String> texts(JsonNode node) {
        Map<String, String> out = new HashMap<>();
        node.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
        return Map.copyOf(out);
    }

    String teamName(String lang) {
        return teamName.getOrDefault(lang, teamName.getOrDefault("fr", teamId));
    }

    Optional<Slot> slot(String slotName) {
        return slots.stream().filter(s -> s.name().equals(slotName)).findFirst();
    }

    /** The required slots not filled yet first, then the optional ones neither filled nor skipped. */
    Optional<Slot> nextToAsk(JourneyState state) {
        return slots.stream().filter(s -> s.required() && !state.slots().containsKey(s.name())).findFirst()
                .or(() -> slots.stream().filter(s -> !s.required() && !state.slots().containsKey(s.name())
                        && !state.skipped().contains(s.name())).findFirst());
    }

    boolean complete(JourneyState state) {
        return slots.stream().filter(Slot::required).allMatch(s -> state.slots().containsKey(s.name()));
    }
}
