package io.guichet.dialogue;

import io.guichet.nlu.Parse;
import io.guichet.nlu.TextNormalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asking people what they thought, and reading their answer as they type it: a rating of the
 * service ("4", "4/5", "4 étoiles", "★★★★", "quatre", "5 - très rapide"), a thumb on an answer
 * (the 👍 and 👎 offered as quick replies where the channel has no buttons of its own), a
 * comment, or a "non merci". Pure: no store, no server.
 */
public final class Satisfaction {
    /** The quick replies offered under an answer from the pages, on channels without buttons of their own. */
    public static final List<String> THUMBS = List.of("👍", "👎");
    private static final List<String> SCALE = List.of("1", "2", "3", "4", "5");
    private static final Phrases PHRASES = Phrases.shipped();
    private static final Map<String, Integer> NUMBER_WORDS = Map.of("un", 1, "deux", 2, "trois", 3, "quatre", 4,
            "cinq", 5, "one", 1, "two", 2, "three", 3, "four", 4, "five", 5);
    /** A rating first, perhaps out of five or in stars, perhaps followed by the reason. */
    private static final Pattern RATING = Pattern.compile("(?<score>[1-5]|un|deux|trois|quatre|cinq|one|two|three"
            + "|four|five)\\s*(?:/\\s*5|sur\\s*(?:5|cinq)|out\\s+of\\s*(?:5|five)|[ée]toiles?|stars?)?"
            + "(?:\\s*[,.:;!\\-–—]+\\s*(?<comment>.*))?\\s*[.!]*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    private static final Pattern STARS = Pattern.compile("[⭐★]{1,5}");
    private static final Set<String> DECLINED = Set.of("non", "non merci", "no", "no thanks", "no thank you",
            "pas de commentaire", "rien", "nothing", "c'est tout", "that's all");
    /** What a person says when they want something: the message is a request, not a comment. */
    private static final Set<String> REQUESTS = Set.of("business_setup", "weekend_stay", "seminar_planning",
            "relocation", "human_handoff");
    private static final double REQUEST_CONFIDENCE = 0.7;

    private Satisfaction() {
    }

    /** A rating of 1 to 5, and the words that came with it (null when none did). */
    public record Rating(int score, String comment) {
    }

    /** The question that opens the survey, with the scale to tap. */
    public static List<Reply> askRating(String lang) {
        return List.of(new Reply.Text(PHRASES.text("csat_question", lang)), new Reply.QuickReplies(SCALE));
    }

    static List<Reply> askComment(String lang) {
        return List.of(new Reply.Text(PHRASES.text("csat_comment_question", lang)),
                new Reply.QuickReplies(List.of(PHRASES.text("csat_no_comment", lang))));
    }

    static List<Reply> thanks(String lang) {
        return List.of(new Reply.Text(PHRASES.text("csat_thanks", lang)));
    }

    static List<Reply> thanksForThumb(boolean useful, String lang) {
        if (useful) {
            return List.of(new Reply.Text(PHRASES.text("thumb_up_thanks", lang)));
        }
        return List.of(new Reply.Text(PHRASES.text("thumb_down_thanks", lang)),
                new Reply.QuickReplies(List.of(PHRASES.text("ask_human", lang))));
    }

    /** The rating a message gives, when it gives one. */
    public static Optional<Rating> rating(String text) {
        String stripped = text.strip();
        if (STARS.matcher(stripped).matches()) {
            return Optional.of(new Rating(stripped.codePointCount(0, stripped.length()), null));
        }
        Matcher matcher = RATING.matcher(stripped);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String score = matcher.group("score").toLowerCase(Locale.ROOT);
        String comment = matcher.group("comment");
        int value = score.length() == 1 ? score.charAt(0) - '0' : NUMBER_WORDS.get(score);
        return Optional.of(new Rating(value, comment == null || comment.isBlank() ? null : comment.strip()));
    }

    /** True for 👍, false for 👎 (whatever their skin tone), empty for any other message. */
    public static Optional<Boolean> thumb(String text) {
        String stripped = text.strip().replaceAll("[\\x{1F3FB}-\\x{1F3FF}\\x{FE0F}]", "");
        if (stripped.equals(THUMBS.get(0))) {
            return Optional.of(true);
        }
        return stripped.equals(THUMBS.get(1)) ? Optional.of(false) : Optional.empty();
    }

    /** Whether the person declines to add a comment. */
    static boolean declines(String text) {
        return DECLINED.contains(plain(text).replaceAll("[.!,]+$", "").strip());
    }

    /** Whether a message that came where a comment was awaited asks something instead. */
    static boolean asksSomething(Parse parse) {
        return parse.text().contains("?") || REQUESTS.contains(parse.intent().name())
                && parse.intent().confidence() >= REQUEST_CONFIDENCE;
    }

    /** Folded as the understanding folds it (case, accents, apostrophes), one space between words. */
    private static String plain(String text) {
        return TextNormalizer.fold(text).strip().replaceAll("\\s+", " ");
    }
}
