package io.guichet.nlu;

import opennlp.tools.stemmer.snowball.SnowballStemmer;

/** Snowball stemmers per language; they keep state between calls, hence one per thread. */
final class Stemmers {
    private static final ThreadLocal<SnowballStemmer> FRENCH =
            ThreadLocal.withInitial(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.FRENCH));
    private static final ThreadLocal<SnowballStemmer> ENGLISH =
            ThreadLocal.withInitial(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH));

    private Stemmers() {
    }

    static String stem(String token, String lang) {
        return ("en".equals(lang) ? ENGLISH : FRENCH).get().stem(token).toString();
    }
}
