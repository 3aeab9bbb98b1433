package io.guichet.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Folds chat text to comparable tokens: lower case, no accents, French elisions split off
 * ("l'hôtel" → "l", "hotel"), letters repeated for emphasis squeezed ("merciiii" → "merci").
 * Both the intent engine and the knowledge base see text through this one lens.
 */
public final class TextNormalizer {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** A letter typed three times or more is emphasis: no French or English word has a triple letter. */
    private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1{2,}");

    private TextNormalizer() {
    }

    /** Lower case without diacritics; ligatures expanded; apostrophes unified. */
    public static String fold(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT)
                .replace('’', '\'').replace('`', '\'').replace('´', '\'')
                .replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    /** Folded tokens: runs of letters or digits; elided articles become tokens of their own. */
    public static List<String> tokens(String text) {
        String folded = REPEATS.matcher(fold(text)).replaceAll("$1");
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = folded.length();
        while (i < n) {
            char c = folded.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
            }
            out.add(folded.substring(start, i));
        }
        return out;
    }
}
