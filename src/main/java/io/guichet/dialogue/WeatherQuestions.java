package io.guichet.dialogue;

import io.guichet.nlu.TextNormalizer;
import java.util.regex.Pattern;

/**
 * A question on the weather ("il va pleuvoir ce week-end ?", "what's the weather like in April?"):
 * no page of a territory forecasts it, yet a page that names April, the week-end or rainy days
 * shares its words, and "ce week-end" with "week-end" reads as a stay to plan. The person is told
 * where forecasts are, not quoted the markets of April nor asked how many they will be. A
 * question on what to do in the rain is not one ("et s'il pleut ?", "que faire quand il pleut ?").
 */
final class WeatherQuestions {
    /** Folded, spaced. */
    private static final Pattern ASKED = Pattern.compile(" (?:meteo|quel temps(?! (?:de|d|faut|pour|met|mettre) )"
            + "|(?:fera|ferait|va faire|va t il faire|fera t il) (?:beau|chaud|froid|soleil|mauvais|bon)"
            + "|(?:va|risque de|devrait|va t il|doit) (?:pleuvoir|neiger)|pleuvra|neigera"
            + "|est ce qu il (?:pleut|neige|fait beau|fait chaud|fait froid)|temperatures? (?:prevues?|en|au mois)"
            + "|(?:what|how) (?:s|is|will) the weather|weather (?:like|forecast|be|going|report)"
            + "|the weather (?:in|on|for|this|next|tomorrow|today|tonight)|forecast"
            + "|will it (?:rain|snow|be (?:sunny|warm|hot|cold|nice|rainy|windy))|is it (?:raining|snowing)"
            + "|going to (?:rain|snow)|how (?:hot|cold|warm) (?:is it|will it be|does it get)) ");
    /** A condition on the weather, or what to do in it: a question the pages may answer. */
    private static final Pattern WHAT_TO_DO = Pattern.compile(" (?:s il|si il|si jamais il|quand il|lorsqu il"
            + "|en cas de|par temps de|par mauvais temps|if it|if the weather|when it|in case of|whatever the weather"
            + "|bad weather|rainy days?|que faire|quoi faire|on peut faire|idees?|activites?|what to do|what can we do"
            + "|things to do|ideas?|activities) ");

    private WeatherQuestions() {
    }

    /** Whether {@code text} asks what the weather is or will be. */
    static boolean asked(String text) {
        String folded = folded(text);
        return ASKED.matcher(folded).find() && !WHAT_TO_DO.matcher(folded).find();
    }

    /**
     * Whether {@code text} speaks of the weather to ask what to do in it ("il va pleuvoir samedi,
     * vous avez des idées ?"): the desk's job, though the intent engine hears the weather in it.
     */
    static boolean asksWhatToDoInIt(String text) {
        String folded = folded(text);
        return ASKED.matcher(folded).find() && WHAT_TO_DO.matcher(folded).find();
    }

    private static String folded(String text) {
        return " " + String.join(" ", TextNormalizer.tokens(text)) + " ";
    }
}
