package io.guichet.nlu;

import java.text.Normalizer;

/**
 * A message folded for matching (lower case, no accents, one kind of apostrophe, dash and space,
 * runs of whitespace and control chars collapsed to one space) with a map from each folded char back
 * to the original text, so that matches found in the folded text keep exact offsets in the original.
 */
final class EntityText {
    /** Folded form of U+0080..U+024F (Latin-1 and Latin Extended-A/B): first char of NFD, lower case. */
    private static final char[] LATIN = new char[0x250];

    /**
     * Modifier and superscript letters and digits ("1ᵉʳ", "m³"), full-width forms: their compatibility
     * letter or digit. Zero where there is none.
     */
    private static final char[] COMPAT = new char[0x10000];

    static {
        int[][] ranges = {{0x02B0, 0x02FF}, {0x1D2C, 0x1DBF}, {0x2070, 0x209F}, {0xFF10, 0xFF5A}};
        for (int[] range : ranges) {
            for (int c = range[0]; c <= range[1]; c++) {
                String nfkd = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFKD);
                if (nfkd.length() == 1 && nfkd.charAt(0) < 0x80 && Character.isLetterOrDigit(nfkd.charAt(0))) {
                    COMPAT[c] = Character.toLowerCase(nfkd.charAt(0));
                }
            }
        }
        for (char c = 0; c < LATIN.length; c++) {
            String nfd = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char base = nfd.isEmpty() ? c : nfd.charAt(0);
            LATIN[c] = Character.toLowerCase(base);
        }
    }

    final String original;
    final String folded;
    private final int[] starts;
    private final int[] ends;

    private EntityText(String original, String folded, int[] starts, int[] ends) {
        this.original = original;
        this.folded = folded;
        this.starts = starts;
        this.ends = ends;
    }

    static EntityText of(String text) {
        int n = text.length();
        char[] out = new char[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                if (k > 0 && out[k - 1] == ' ') {
                    continue;
                }
                out[k] = ' ';
                starts[k] = i;
                ends[k] = i + 1;
                k++;
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                if (k > 0) {
                    ends[k - 1] = i + 1; // the mark belongs to the char before it
                }
                continue;
            }
            if (type == Character.FORMAT) {
                continue; // zero-width joiners, bidi controls, soft hyphens
            }
            out[k] = fold(c);
            starts[k] = i;
            ends[k] = i + 1;
            k++;
        }
        return new EntityText(text, new String(out, 0, k), starts, ends);
    }

    private static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        switch (c) {
            case '\u2019', '\u2018', '\u02BC', '\u00B4', '\u2032', '\u0060' -> {
                return '\'';
            }
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE63', '\uFF0D' -> {
                return '-';
            }
            default -> {
                if (c < LATIN.length) {
                    return LATIN[c];
                }
                return COMPAT[c] != 0 ? COMPAT[c] : Character.toLowerCase(c);
            }
        }
    }

    /** Offset in the original text of the folded char at {@code foldedStart}. */
    int originalStart(int foldedStart) {
        return starts[foldedStart];
    }

    /** Offset in the original text just after the folded char before {@code foldedEnd}. */
    int originalEnd(int foldedEnd) {
        return ends[foldedEnd - 1];
    }
}
