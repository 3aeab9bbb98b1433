package io.guichet.dialogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.guichet.nlu.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One thing a journey needs to know, with its question, its label in summaries, and its bounds.
 * A yes/no slot may also be answered in passing, by the phrases of its {@code cues} ("avec les
 * enfants", "sans hébergement") or by another slot's number ({@code implied}: nights on site
 * imply lodging); a choice of delay by a date (its choices' {@code months} ahead). A count may be
 * said in words ({@code counted}: "mon épouse et moi" is 2). An optional slot is asked only when
 * {@code asked} (it helps the recommendations); otherwise it is kept when the person says it. A number's {@code example} ("2 adultes et 2 enfants") shows the
 * form of an answer when the question is asked again; without one, its type's example is given.
 * A choice, or a yes, is what the person looks for (a workshop, a spa, a school) unless its slot
 * is not {@code sought}: what they are or do (a business sector, a household, coming with
 * children), which asks nothing of the pages.
 */
record Slot(String name, Type type, boolean required, boolean asked, boolean sought, Double min, Double max,
            Map<String, String> label, Map<String, String> ask, Map<String, String> example, List<Choice> choices,
            Cues cues, Implied implied, Map<Integer, Map<String, List<String>>> counted, List<Phrase> phrases) {

    /** The gap in a choice's phrase, "…" or "...": "mon mari … cherche". */
    private static final Pattern GAP = Pattern.compile("\\s*(?:…|\\.\\.\\.)\\s*");
    /**
     * What a phrase's gap may hold: a clause, not the rest of a long message, and not the one who
     * writes ("my wife and I are both looking" is no partner looking).
     */
    private static final String GAP_FILLER = " (?:(?!(?:i|me|we|us|both|je|j|moi|nous|on|tous|toutes) )\\S+ ){0,6}";

    /**
     * One phrase of a choice as messages are matched against it: its words folded and spaced
     * (" mon mari cherche "), and for a phrase with a gap, the pattern that lets a few words in.
     */
    record Phrase(Choice choice, String words, Pattern gapped) {
        static Phrase of(Choice choice, String phrase) {
            List<String> parts = Arrays.stream(GAP.split(phrase)).map(part -> String.join(" ", TextNormalizer.tokens(part)))
                    .toList();
            return new Phrase(choice, " " + String.join(" ", parts) + " ", parts.size() < 2 ? null : Pattern.compile(" "
                    + parts.stream().map(Pattern::quote).collect(Collectors.joining(GAP_FILLER)) + " "));
        }
    }

    /** Phrases that say yes or no to a yes/no slot without being asked, per language (folded when matched). */
    record Cues(Map<String, List<String>> yes, Map<String, List<String>> no) {
        static final Cues NONE = new Cues(Map.of(), Map.of());
    }

    /**
     * A slot answered by another slot's value: a yes/no by a number (yes when it is above {@code
     * above}, no otherwise), a choice of delay by a date (the choice whose {@link Months} hold the
     * months from today to the date's middle).
     */
    record Implied(String slot, double above) {
    }

    /** The months ahead a choice of delay stands for, {@code from} included, {@code to} excluded. */
    record Months(int from, int to) {
        boolean hold(long months) {
            return months >= from && months < to;
        }
    }

    enum Type {
        PEOPLE_COUNT, DATE, NIGHTS, BUDGET_EUR, SURFACE_M2, CHOICE, YES_NO, TEXT;

        /** The entity type that fills this slot, or null for the types answered in words. */
        String entityType() {
            return switch (this) {
                case CHOICE, YES_NO, TEXT -> null;
                default -> name().toLowerCase(Locale.ROOT);
            };
        }

        boolean numeric() {
            return this == PEOPLE_COUNT || this == NIGHTS || this == BUDGET_EUR || this == SURFACE_M2;
        }
    }

    /**
     * An answer to a choice slot: a language-neutral value, the words that say it (first the
     * button's), and the choices it wins over when both are said ({@code over}: "avec ma femme et
     * nos deux enfants" is a family, though "avec ma femme" alone is a couple).
     */
    record Choice(String value, Map<String, List<String>> words, Set<String> over, Months months) {
        String label(String lang) {
            return words.getOrDefault(lang, words.get("fr")).get(0);
        }
    }

    static Slot from(JsonNode node) {
        String name = node.path("name").asText();
        Type type;
        try {
            type = Type.valueOf(node.path("type").asText("text").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("slot '" + name + "' has an unknown type '" + node.path("type").asText()
                    + "'");
        }
        List<Choice> choices = new ArrayList<>();
        node.path("choices").forEach(choice -> {
            Map<String, List<String>> words = new HashMap<>(Journey.phrases(choice));
            words.remove("value");
            words.remove("over");
            words.remove("months");
            Set<String> over = new HashSet<>();
            choice.path("over").forEach(value -> over.add(value.asText()));
            JsonNode months = choice.path("months");
            choices.add(new Choice(choice.path("value").asText(), Map.copyOf(words), Set.copyOf(over),
                    months.size() == 2 ? new Months(months.get(0).asInt(), months.get(1).asInt()) : null));
        });
        JsonNode implied = node.path("implied");
        return new Slot(name, type, node.path("required").asBoolean(false), node.path("asked").asBoolean(true),
                node.path("sought").asBoolean(true),
                node.hasNonNull("min") ? node.get("min").asDouble() : null,
                node.hasNonNull("max") ? node.get("max").asDouble() : null,
                Journey.texts(node.path("label")), Journey.texts(node.path("ask")), Journey.texts(node.path("example")),
                List.copyOf(choices),
                new Cues(Journey.phrases(node.path("cues").path("yes")), Journey.phrases(node.path("cues").path("no"))),
                implied.hasNonNull("slot") ? new Implied(implied.get("slot").asText(), implied.path("above").asDouble(0))
                        : null, counted(node.path("counted")), longestFirst(choices));
    }

    /** The choices' phrases, the longest first: a phrase said inside a longer one is not said. */
    private static List<Phrase> longestFirst(List<Choice> choices) {
        return choices.stream().flatMap(choice -> choice.words().values().stream().flatMap(List::stream)
                        .map(phrase -> Phrase.of(choice, phrase)))
                .filter(phrase -> phrase.words().length() > 2)
                .sorted(Comparator.comparingInt((Phrase phrase) -> phrase.words().length()).reversed()).toList();
    }

    /** {@code {2: {fr: [...], en: [...]}}}: the phrases that say each count. */
    private static Map<Integer, Map<String, List<String>>> counted(JsonNode node) {
        Map<Integer, Map<String, List<String>>> counted = new HashMap<>();
        node.fields().forEachRemaining(f -> counted.put(Integer.parseInt(f.getKey()), Journey.phrases(f.getValue())));
        return Map.copyOf(counted);
    }


    String label(String lang) {
        return label.getOrDefault(lang, label.getOrDefault("fr", name));
    }

    String question(String lang) {
        return ask.getOrDefault(lang, ask.getOrDefault("fr", name));
    }

    /** The slot's own example of an answer in {@code lang}, or null. */
    String example(String lang) {
        return example.get(lang);
    }
}
