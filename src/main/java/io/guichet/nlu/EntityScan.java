package io.guichet.nlu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folded text cut into tokens (runs of letters, runs of digits). Patterns are tried only where a
 * token that can start them begins, rather than at every char: a message then costs a few
 * microseconds per pattern, and long or odd input stays linear.
 */
final class EntityScan {
    final String text;
    final int[] tokenStarts;
    final String[] tokens;
    private final Set<String> tokenSet;
    final int digitCount;

    EntityScan(String text) {
        this.text = text;
        List<String> words = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int digits = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                int s = i;
                while (i < n && isDigit(text.charAt(i))) {
                    i++;
                }
                digits += i - s;
                starts.add(s);
                words.add(text.substring(s, i));
            } else if (Character.isLetter(c)) {
                int s = i;
                while (i < n && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                starts.add(s);
                words.add(text.substring(s, i));
            } else {
                i++;
            }
        }
        this.tokens = words.toArray(new String[0]);
        this.tokenStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        this.tokenSet = new HashSet<>(words);
        this.digitCount = digits;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    boolean has(String token) {
        return tokenSet.contains(token);
    }

    boolean hasAny(Set<String> words) {
        if (words.size() < tokenSet.size()) {
            for (String w : words) {
                if (tokenSet.contains(w)) {
                    return true;
                }
            }
            return false;
        }
        for (String t : tokenSet) {
            if (words.contains(t)) {
                return true;
            }
        }
        return false;
    }

    boolean contains(String s) {
        return text.contains(s);
    }

    /**
     * Calls {@code onMatch} for each match of {@code pattern} that begins where a token begins that
     * is in {@code starts} (or, with {@code digits}, is a run of digits), left to right, not overlapping.
     */
    void each(Pattern pattern, Set<String> starts, boolean digits, Consumer<Matcher> onMatch) {
        Matcher m = null;
        int lastEnd = 0;
        for (int k = 0; k < tokens.length; k++) {
            int start = tokenStarts[k];
            if (start < lastEnd) {
                continue;
            }
            String token = tokens[k];
            boolean eligible = isDigit(token.charAt(0)) ? digits : starts.contains(token);
            if (!eligible) {
                continue;
            }
            if (m == null) {
                m = pattern.matcher(text);
                m.useTransparentBounds(true);
                m.useAnchoringBounds(false);
            }
            m.region(start, text.length());
            if (m.lookingAt()) {
                onMatch.accept(m);
                lastEnd = Math.max(m.end(), start + 1);
            }
        }
    }

    /** Calls {@code onMatch} for each match of {@code pattern} anywhere. */
    void all(Pattern pattern, Consumer<Matcher> onMatch) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            onMatch.accept(m);
        }
    }

    static Set<String> words(String... alternatives) {
        Set<String> out = new HashSet<>();
        for (String a : alternatives) {
            for (String w : a.split("\\|")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return Set.copyOf(out);
    }
}
