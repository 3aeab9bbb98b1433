package io.guichet.kb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * How far a passage answers a query, from the dense and the lexical evidence together: the
 * closeness of its sentence vector, and the share of the query's information that it states. The
 * score lies between 0 and 1; the answers trust a hit from a threshold on it.
 */
final class Answerability {
    /** e5 squeezes cosines together: below FLOOR is unrelated text, above CEILING a close paraphrase. */
    static final double COSINE_FLOOR = 0.75;
    private static final double COSINE_CEILING = 0.90;
    /**
     * A query must carry the information of this many rare words to be fully covered: "nous
     * serons" or "du 18 au 20 décembre" once their facts are read say too little to be answered,
     * however fully a page states their one or two common words.
     */
    static final double ENOUGH_RARE_WORDS = 2;
    /**
     * A page whose sentences are never about the thing whose hours, prices or address a question
     * asks for ({@link AskedAbout}) answers at most this, just under trusted: no answer, but still
     * a neighbour that tells which team may know.
     */
    static final double NOT_WHOSE_ASKED = KnowledgeBase.TRUSTED - 0.01;

    private Answerability() {
    }

    static double confidence(double cosine, double coverage) {
        return 0.5 * semantic(cosine) + 0.5 * coverage;
    }

    /** The cosine on a scale of trust: 0 at the level of unrelated text, 1 for a close paraphrase. */
    static double semantic(double cosine) {
        return Math.max(0, Math.min(1, (cosine - COSINE_FLOOR) / (COSINE_CEILING - COSINE_FLOOR)));
    }

    /**
     * The query's information, to measure how much of it a passage states: each concept with its
     * weight (its rarity) and the runs of analysed words that state it in a page of either
     * language (its own words and synonyms; its own words and translations in the other
     * language). Prepared once per query, since a search measures many passages.
     */
    static final class Asked {
        private final double[] weights;
        private final double enough;
        private final String lang;
        private final AskedAbout about;
        private final List<List<List<String>>> sameLanguage = new ArrayList<>();
        private final List<List<List<String>>> otherLanguage = new ArrayList<>();
        /**
         * For each concept that the question's own words name more narrowly than another of its ways,
         * which they hold ("marché couvert" holds "marché"): those words, and in a page of the other
         * language the translations that hold another ("covered market" is "marché couvert", not
         * any "marché"). No way for any other concept.
         */
        private final List<List<List<String>>> narrowerSameLanguage = new ArrayList<>();
        private final List<List<List<String>>> narrowerOtherLanguage = new ArrayList<>();

        /**
         * @param enough the information (summed weights) a query needs to be fully covered
         * @param about what the question asks about
         */
        Asked(List<Glossary.Concept> concepts, double[] weights, double enough, String lang, AskedAbout about) {
            this.weights = weights;
            this.about = about;
            this.enough = enough;
            this.lang = lang;
            Analyzer own = KbAnalyzers.forLanguage(lang);
            Analyzer other = KbAnalyzers.forLanguage("en".equals(lang) ? "fr" : "en");
            for (Glossary.Concept concept : concepts) {
                List<String> words = KbAnalyzers.telling(lang, concept.words());
                List<List<String>> statements = statements(words, concept.synonyms(), own);
                List<List<String>> translated = statements(words, concept.translations(), other);
                sameLanguage.add(statements);
                otherLanguage.add(translated);
                boolean narrower = holdsAnother(words, statements);
                narrowerSameLanguage.add(narrower ? List.of(words) : List.of());
                narrowerOtherLanguage.add(narrower ? translated.stream().skip(1)
                        .filter(way -> holdsAnother(way, translated)).toList() : List.of());
            }
        }

        /** Whether {@code way} holds another of {@code ways}, and more. */
        private static boolean holdsAnother(List<String> way, List<List<String>> ways) {
            return ways.stream().anyMatch(shorter -> !shorter.isEmpty() && shorter.size() < way.size()
                    && way.containsAll(shorter));
        }

        private static List<List<String>> statements(List<String> words, Set<String> alternatives, Analyzer analyzer) {
            List<List<String>> statements = new ArrayList<>(List.of(words));
            alternatives.forEach(alternative -> statements.add(KbAnalyzers.terms(analyzer, alternative)));
            return statements;
        }

        /**
         * Share of the query's information (concepts weighted by rarity) that the passage states, in
         * its own words, a synonym, or the glossary's translation: a query about something the base
         * never mentions keeps a low coverage however well its common words match.
         *
         * @param present the passage's analysed words, with its page's title and tags ({@link #statedWords})
         */
        double coverage(String documentLang, Set<String> present) {
            return coverage(documentLang, present, Set.of());
        }

        /** The coverage of what {@code present} and {@code alsoPresent} state together: a passage and its page's title. */
        double coverage(String documentLang, Set<String> present, Set<String> alsoPresent) {
            return share(statementsFor(documentLang), present, alsoPresent);
        }

        /**
         * The share of the query's information that {@code present} and {@code alsoPresent} state in
         * the narrower ways the question names it ({@link #narrowerSameLanguage}): every passage on the
         * markets states "marché", the one on the covered market "marché couvert".
         */
        double narrowerCoverage(String documentLang, Set<String> present, Set<String> alsoPresent) {
            return share(documentLang.equals(lang) ? narrowerSameLanguage : narrowerOtherLanguage, present, alsoPresent);
        }

        /** The weighted share of the concepts that {@code present} and {@code alsoPresent} state in one of {@code ways}. */
        private double share(List<List<List<String>>> ways, Set<String> present, Set<String> alsoPresent) {
            double total = 0;
            double covered = 0;
            for (int c = 0; c < ways.size(); c++) {
                total += weights[c];
                if (statesAny(present, alsoPresent, ways.get(c))) {
                    covered += weights[c];
                }
            }
            return total == 0 ? 0 : covered / Math.max(total, enough);
        }

        /** Whether the question asks for the hours, prices or address of what it is about ({@link AskedAbout}). */
        boolean asksWhose() {
            return about.whose();
        }

        /**
         * Whether {@code run}, a run of a page's analysed words, names what the question asks
         * about: one of its ways of stating it, word after word. True when the question's form
         * names nothing.
         */
        boolean namesWhatIsAskedAbout(String documentLang, List<String> run) {
            if (!about.namesSomething()) {
                return true;
            }
            for (List<String> words : statementsFor(documentLang).get(about.concept())) {
                if (!words.isEmpty() && Collections.indexOfSubList(run, words) >= 0) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether {@code said}, a sentence and those after it, states a concept of the query other
         * than what the question asks about: its hours, its prices, its address. True when the
         * question's form names nothing.
         */
        boolean saysMoreThanWhatItIsAbout(String documentLang, List<Set<String>> said) {
            if (!about.namesSomething()) {
                return true;
            }
            List<List<List<String>>> statements = statementsFor(documentLang);
            for (int c = 0; c < statements.size(); c++) {
                if (c == about.concept()) {
                    continue;
                }
                for (Set<String> sentence : said) {
                    if (statesAny(sentence, Set.of(), statements.get(c))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** How many concepts the query carries. */
        int concepts() {
            return sameLanguage.size();
        }

        /** The first word of each way, in either language, of stating the query's concept {@code c}. */
        Set<String> leadingWords(int c) {
            Set<String> leading = new HashSet<>();
            for (List<List<List<String>>> statements : List.of(sameLanguage, otherLanguage)) {
                statements.get(c).stream().filter(words -> !words.isEmpty()).forEach(words -> leading.add(words.get(0)));
            }
            return leading;
        }

        /** Whether {@code present} and {@code alsoPresent} together state every concept of the query. */
        boolean statedWhollyBy(String documentLang, Set<String> present, Set<String> alsoPresent) {
            for (List<List<String>> statement : statementsFor(documentLang)) {
                if (!statesAny(present, alsoPresent, statement)) {
                    return false;
                }
            }
            return !sameLanguage.isEmpty();
        }

        /** The ways of stating each concept of the query in a page of {@code documentLang}. */
        private List<List<List<String>>> statementsFor(String documentLang) {
            return documentLang.equals(lang) ? sameLanguage : otherLanguage;
        }

        /** Plain loops, without a stream: they run for every sentence window of every candidate page. */
        private static boolean statesAny(Set<String> present, Set<String> alsoPresent, List<List<String>> statements) {
            for (List<String> words : statements) {
                if (!words.isEmpty() && statesAll(present, alsoPresent, words)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean statesAll(Set<String> present, Set<String> alsoPresent, List<String> words) {
            for (String word : words) {
                if (!present.contains(word) && !alsoPresent.contains(word)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The words a passage states, for {@link Asked#coverage}: its page's title and tags, its heading, its text. */
    static Set<String> statedWords(KbDocument document, Passage passage) {
        return new HashSet<>(KbAnalyzers.terms(KbAnalyzers.forLanguage(document.lang()),
                document.title() + " " + String.join(" ", document.tags()) + " " + ownText(passage)));
    }

    /** The words a passage states in its own heading and text, in their order, without its page's title and tags. */
    static List<String> ownTerms(KbDocument document, Passage passage) {
        return KbAnalyzers.terms(KbAnalyzers.forLanguage(document.lang()), ownText(passage));
    }

    private static String ownText(Passage passage) {
        return (passage.heading() == null ? "" : passage.heading()) + " " + passage.text();
    }
}
