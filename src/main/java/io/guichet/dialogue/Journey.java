package io.guichet.dialogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.guichet.conversation.JourneyState;
import io.guichet.nlu.IntentFile;
import io.guichet.nlu.Intents;
import io.guichet.nlu.TextNormalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A journey as its intents file declares it: the team it leads to and the slots it asks for.
 * Changing a journey is editing that file; no Java changes.
 */
record Journey(String name, String teamId, Map<String, String> teamName, List<Slot> slots,
               Map<String, List<String>> keywords) {

    /** The journey declared by an intents file, if it is a journey intent with slots. */
    static Optional<Journey> from(IntentFile file) {
        JsonNode root = file.document();
        if (!Intents.isJourney(file.intent()) || !root.path("slots").isArray()) {
            return Optional.empty();
        }
        List<Slot> slots = new ArrayList<>();
        root.path("slots").forEach(node -> slots.add(Slot.from(node)));
        return Optional.of(new Journey(file.intent(), root.path("team").path("id").asText(file.intent()),
                texts(root.path("team").path("name")), List.copyOf(slots), phrases(root.path("keywords"))));
    }

    /**
     * The journey of the team an intents file declares outside any journey ({@code human_handoff}):
     * no question. Without a file or a {@code team} block, the team {@code general}.
     */
    static Journey team(IntentFile file) {
        JsonNode team = file == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : file.document().path("team");
        Map<String, String> names = texts(team.path("name"));
        return new Journey(Intents.HUMAN_HANDOFF, team.path("id").asText("general"),
                names.isEmpty() ? Map.of("fr", "notre équipe", "en", "our team") : names, List.of(), Map.of());
    }

    /** {@code {fr: [...], en: [...]}} as lists per language. */
    static Map<String, List<String>> phrases(JsonNode byLanguage) {
        Map<String, List<String>> phrases = new HashMap<>();
        byLanguage.fields().forEachRemaining(f -> {
            List<String> list = new ArrayList<>();
            f.getValue().forEach(w -> list.add(w.asText()));
            phrases.put(f.getKey(), List.copyOf(list));
        });
        return Map.copyOf(phrases);
    }

    /**
     * The folded, space-padded text less the journey's keywords and the phrases that tell who
     * comes and how ("avec les enfants", "sans hébergement", "mon épouse et moi"): what it holds
     * besides the project, before its choices are read ({@link #withoutStated}). What a sought
     * yes/no slot says yes to is looked for, and stays: "une crèche" for the schools.
     */
    String withoutItsWords(String folded) {
        Stream<String> cues = slots.stream().flatMap(slot -> Stream.concat(Stream.concat(
                slot.sought() ? Stream.empty() : slot.cues().yes().values().stream(), slot.cues().no().values().stream()),
                slot.counted().values().stream().flatMap(byLanguage -> byLanguage.values().stream()))
                .flatMap(List::stream));
        return without(folded, Stream.concat(keywords.values().stream().flatMap(List::stream), cues));
    }

    /**
     * The folded, space-padded text less the words of the choices {@code chosen} holds (slot name
     * to value, or to values for a slot of several) for slots not {@link Slot#sought}: "de
     * logiciels" in "on crée une boîte de logiciels" is the project's sector, nothing asked of the
     * technopole's page; "un atelier" is what is looked for.
     */
    String withoutStated(String folded, Map<String, Object> chosen) {
        return without(folded, slots.stream().filter(slot -> !slot.sought() && chosen.containsKey(slot.name()))
                .flatMap(slot -> slot.choices().stream().filter(choice -> isChosen(chosen.get(slot.name()), choice)))
                .flatMap(choice -> choice.words().values().stream()).flatMap(List::stream));
    }

    /** The longest phrases first: one said inside a longer one goes with it. */
    private static String without(String folded, Stream<String> phrases) {
        String left = folded;
        for (String phrase : phrases.map(p -> " " + String.join(" ", TextNormalizer.tokens(p)) + " ")
                .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            left = left.replace(phrase, " ");
        }
        return left;
    }

    private static boolean isChosen(Object value, Slot.Choice choice) {
        return value instanceof Collection<?> values ? values.contains(choice.value())
                : choice.value().equals(value);
    }

    /** How many of the journey's keywords the folded, space-padded text holds. */
    int keywordsIn(String folded) {
        return (int) keywords.values().stream().flatMap(List::stream)
                .map(k -> " " + String.join(" ", TextNormalizer.tokens(k)) + " ").filter(folded::contains).count();
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

    /**
     * The required slots not filled yet first, then the optional ones that are worth asking; none
     * that was skipped (passed by the person, or given up after two tries).
     */
    Optional<Slot> nextToAsk(JourneyState state) {
        return slots.stream().filter(s -> s.required() && open(s, state)).findFirst()
                .or(() -> slots.stream().filter(s -> !s.required() && s.asked() && open(s, state)).findFirst());
    }

    private static boolean open(Slot slot, JourneyState state) {
        return !state.slots().containsKey(slot.name()) && !state.skipped().contains(slot.name());
    }

    boolean complete(JourneyState state) {
        return slots.stream().filter(Slot::required).allMatch(s -> state.slots().containsKey(s.name()));
    }
}
