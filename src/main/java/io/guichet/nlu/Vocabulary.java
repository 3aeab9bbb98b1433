package io.guichet.nlu;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The folded words the intent engine was trained on, used to mend typos: an unknown word of five
 * letters or more is replaced by the most frequent known word one edit away (two for long words).
 */
final class Vocabulary {
    private final Map<String, Integer> counts = new HashMap<>();

    void addAll(List<String> tokens) {
        tokens.forEach(t -> counts.merge(t, 1, Integer::sum));
    }

    boolean contains(String token) {
        return counts.containsKey(token);
    }

    String correct(String token) {
        if (token.length() < 5 || counts.containsKey(token) || !isWord(token)) {
            return token;
        }
        int budget = token.length() >= 8 ? 2 : 1;
        String best = token;
        int bestDistance = budget + 1;
        int bestCount = 0;
        for (Map.Entry<String, Integer> known : counts.entrySet()) {
            String candidate = known.getKey();
            if (Math.abs(candidate.length() - token.length()) > budget) {
                continue;
            }
            int distance = distance(token, candidate, budget);
            if (distance > budget) {
                continue;
            }
            if (distance < bestDistance || (distance == bestDistance && known.getValue() > bestCount)) {
                best = candidate;
                bestDistance = distance;
                bestCount = known.getValue();
            }
        }
        return best;
    }

    private static boolean isWord(String token) {
        return token.chars().allMatch(Character::isLetter);
    }

    /** Optimal string alignment distance (transpositions count one), cut off above {@code max}. */
    static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        int[] twoBack = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, twoBack[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }
        return previous[m];
    }
}
