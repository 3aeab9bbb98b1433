package io.guichet.dialogue;

import io.guichet.nlu.TextNormalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question on the languages the desk speaks ("do you speak English?", "vous parlez anglais ?"):
 * the person answered in the language asked about, whichever language they asked in, rather than
 * quoted the page that speaks of English-language services.
 */
final class SpokenLanguages {
    /** Folded, spaced. */
    private static final Pattern ASKED = Pattern.compile(" (?:(?:do|can|does) (?:you|u|anyone|someone|somebody)"
            + " speak|(?:vous )?parlez(?: vous)?|(?:tu )?parles(?: tu)?|on peut parler(?: en)?|can we (?:speak|talk)"
            + "(?: in)?|quelqu un (?:qui )?parle) (?<language>english|anglais|french|francais) ");

    private SpokenLanguages() {
    }

    /** At most this many words around the question: "bonjour, est-ce que vous parlez anglais ici ?". */
    private static final int WORDS_BEFORE = 5;
    private static final int WORDS_AFTER = 2;

    /**
     * The language ("en" or "fr") {@code text} asks whether the desk speaks, when that is all it
     * asks: "we need a hotel for 2 nights, do you speak English?" is a request, answered as one.
     */
    static Optional<String> asked(String text) {
        String folded = " " + String.join(" ", TextNormalizer.tokens(text)) + " ";
        Matcher asked = ASKED.matcher(folded);
        if (!asked.find() || words(folded.substring(0, asked.start())) > WORDS_BEFORE
                || words(folded.substring(asked.end())) > WORDS_AFTER) {
            return Optional.empty();
        }
        String language = asked.group("language");
        return Optional.of(language.equals("english") || language.equals("anglais") ? "en" : "fr");
    }

    private static int words(String folded) {
        return folded.isBlank() ? 0 : folded.strip().split(" ").length;
    }
}
