package io.guichet.dialogue;

import io.guichet.nlu.TextNormalizer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message says of a slot in words rather than in figures: a yes or a no, the choice its
 * phrases say, a yes or no said in passing by a cue ("sans enfants"), a count said in words
 * ("mon épouse et moi"), the slot named by its label, or not knowing yet. Over folded text,
 * padded with spaces where a phrase must be whole words.
 */
final class SlotWords {
    /** A yes that says yes whatever follows it: "oui, et c'est loin ?" answers, then asks. */
    private static final Set<String> FIRM_YES = Set.of("oui", "ouais", "bien sur", "volontiers", "absolument",
            "exactement", "avec plaisir", "yes", "yeah", "yep", "sure", "of course", "certainly");
    /** A yes that is also how an answer is acknowledged: "ok merci, et on peut se garer ?" answers nothing. */
    private static final Set<String> AGREEING = Set.of("ok", "d accord", "c bon", "c est bon", "ca me va", "ca marche",
            "parfait", "allez y", "vas y", "please", "sounds good", "that s fine", "perfect", "go ahead");
    private static final Set<String> NO = Set.of("non", "nan", "pas du tout", "pas besoin", "aucun", "aucune",
            "no", "nope", "not really", "no thanks", "non merci", "none");
    /** Not knowing yet, anywhere in a message: the slot is passed, for now, and the team will settle it. Folded. */
    private static final List<String> DONT_KNOW = List.of("je ne sais pas", "je sais pas", "sais pas", "aucune idee",
            "pas d idee", "pas encore", "on verra", "pas fixe", "pas defini", "pas decide", "a definir",
            "pas de budget", "je verrai", "i don t know", "don t know", "dont know", "no idea", "not sure", "not yet",
            "to be decided", "haven t decided", "no budget", "not decided", "no fixed budget");
    /** Passing a question, as a whole message only: "passer" inside a sentence is another verb. */
    private static final Set<String> PASS = Set.of("passer", "passe", "je passe", "on passe", "peu importe",
            "a voir", "skip", "pass", "whatever", "tbd", "next");
    /** Words that deny what follows them, in folded text: "pas d'enfants", "sans voiture", "no kids". */
    private static final Pattern DENIED = Pattern.compile(" (?:pas|sans|no|not|without|aucun|aucune|ni)"
            + "(?: d| de| des| du| le| la| les| any| the| a)? $");

    private SlotWords() {
    }

    /**
     * Whether the message says the person does not know yet ("pour le budget je ne sais pas
     * encore"), or is nothing but a pass ("peu importe", "skip").
     */
    static boolean notKnownYet(String folded) {
        return containsAny(folded, DONT_KNOW) || PASS.contains(folded.strip());
    }

    /** True for a yes ("oui", "oui avec plaisir", "ok"), false for a no, null for neither. */
    static Boolean yesOrNo(String folded) {
        if (startsWithAny(folded, NO)) {
            return Boolean.FALSE;
        }
        return startsWithAny(folded, FIRM_YES) || startsWithAny(folded, AGREEING) ? Boolean.TRUE : null;
    }

    /**
     * The yes or no of a message, which {@code asking} when it also asks a question: then an
     * agreeing word before it ("ok merci, et on peut se garer à côté ?") acknowledges the answer
     * before, and answers nothing.
     */
    static Boolean yesOrNo(String folded, boolean asking) {
        Boolean said = yesOrNo(folded);
        return asking && Boolean.TRUE.equals(said) && !startsWithAny(folded, FIRM_YES) ? null : said;
    }

    private static boolean startsWithAny(String folded, Set<String> phrases) {
        return phrases.stream().anyMatch(p -> folded.equals(p) || folded.startsWith(p + " "));
    }

    /** Whether the folded text, padded with spaces, holds one of the phrases as whole words. */
    private static boolean containsAny(String folded, List<String> phrases) {
        return phrases.stream().anyMatch(p -> folded.contains(" " + p + " "));
    }

    /**
     * Whether the message names the slot: the first word of its label in either language
     * ("budget", "nuits" for "Nuits sur place", "dates"), plural or not.
     */
    static boolean names(String folded, Slot slot) {
        List<String> said = TextNormalizer.tokens(folded).stream().map(SlotWords::singular).toList();
        return slot.label().values().stream().map(TextNormalizer::tokens).filter(words -> !words.isEmpty())
                .map(words -> singular(words.get(0))).anyMatch(word -> word.length() >= 4 && said.contains(word));
    }

    private static String singular(String word) {
        return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }

    /**
     * The choice said by its longest phrase, unless another choice said wins over it ("avec ma
     * femme et nos enfants" is a family). A phrase said inside a longer one is not said: "sans
     * enfants" says a couple, not a family. A phrase with a gap ("mon mari … cherche") is said
     * with a few words in the gap ("mon mari est infirmier et cherche un poste"). The phrases are
     * folded once, as the journey is loaded ({@link Slot#phrases()}).
     */
    static Optional<String> chosen(Slot slot, String folded) {
        Map<Slot.Choice, Integer> said = new LinkedHashMap<>();
        String left = folded;
        for (Slot.Phrase phrase : slot.phrases()) {
            Matcher found = phrase.gapped() == null ? null : phrase.gapped().matcher(left);
            if (found != null ? found.find() : left.contains(phrase.words())) {
                String words = found != null ? found.group() : phrase.words();
                if (saidWithoutNegation(left, words)) {
                    said.putIfAbsent(phrase.choice(), phrase.words().length());
                }
                left = left.replace(words, " _ ");
            }
        }
        return said.keySet().stream()
                .filter(choice -> said.keySet().stream().noneMatch(other -> other.over().contains(choice.value())))
                .max(Comparator.comparingInt(said::get)).map(Slot.Choice::value);
    }

    /** Whether the folded text says {@code words} once at least without denying it ("pas d'enfants", "no kids"). */
    private static boolean saidWithoutNegation(String folded, String words) {
        for (int at = folded.indexOf(words); at >= 0; at = folded.indexOf(words, at + 1)) {
            if (!DENIED.matcher(folded.substring(Math.max(0, at - 16), at + 1)).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the message is nothing but one of the choice's phrases, as a button's label is. */
    static boolean saysOnly(Slot slot, String value, String folded) {
        return slot.phrases().stream().anyMatch(phrase -> phrase.choice().value().equals(value)
                && phrase.words().equals(folded));
    }

    /** The yes or no said in passing by one of the slot's cues, the longer cue winning ("sans enfants" over "enfants"). */
    static Optional<Boolean> cued(Slot slot, String folded) {
        int yes = slot.cues().yes().values().stream().mapToInt(words -> longestPhrase(words, folded)).max().orElse(0);
        int no = slot.cues().no().values().stream().mapToInt(words -> longestPhrase(words, folded)).max().orElse(0);
        return yes == 0 && no == 0 ? Optional.empty() : Optional.of(yes > no);
    }

    /** The count said in words ("mon épouse et moi", "just me"), the longer phrase winning. */
    static Optional<Integer> counted(Slot slot, String folded) {
        Integer best = null;
        int longest = 0;
        for (Map.Entry<Integer, Map<String, List<String>>> count : slot.counted().entrySet()) {
            for (List<String> words : count.getValue().values()) {
                int length = longestPhrase(words, folded);
                if (length > longest) {
                    best = count.getKey();
                    longest = length;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The length of the longest of the phrases that the folded text holds as whole words; 0 for none. */
    private static int longestPhrase(List<String> phrases, String folded) {
        int longest = 0;
        for (String phrase : phrases) {
            String words = " " + String.join(" ", TextNormalizer.tokens(phrase)) + " ";
            if (words.length() > longest && words.length() > 2 && folded.contains(words)) {
                longest = words.length();
            }
        }
        return longest;
    }
}
