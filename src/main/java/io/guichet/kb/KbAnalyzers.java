package io.guichet.kb;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Lucene's French and English chains, with accents folded after the stop words: chat users
 * write "hotel", "musee", "fevrier", and must still meet "hôtel", "musée", "février". The stop
 * words are dropped again once folded, since "a" or "meme" typed without accents are "à" and
 * "même". A number glued to its unit ("48h", "5000m2", "2am") is cut from it, as pages write
 * "48 h" and "5 000 m²".
 */
final class KbAnalyzers {
    /**
     * Words that ask rather than say, folded: "combien", "pourquoi" or "how", and the courtesy and
     * asking words around a request ("bonjour, je voudrais savoir … svp", "could you please tell
     * me", "do you have anything…", "ok merci, et …"). They are rare in the pages, so BM25 would
     * weigh them most and a page would seem to leave them unanswered, yet they tell nothing of what
     * the answer is about. So is "est" of
     * "c'est", "où est", which Lucene's French list keeps for "l'est" (the east) and the general
     * dictionary translates, and vague praise ("un resto sympa") or the search itself ("je
     * cherche", "où trouver", "looking for"), and "faire" as "do" ("que faire avec des enfants ?",
     * "comment faire garder mon enfant ?"), which says no more of a page than the word it is said
     * with, and the "si" of "savoir si le musée est accessible". So is going ("il va pleuvoir", "on y
     * va", "we're going to"), "être", and "here", which in a question put to the territory's desk
     * is the territory; wanting ("je veux", "I want"), as "je voudrais" and "I'd like". Dropped from
     * queries only.
     */
    private static final CharArraySet FRENCH_ASKING_WORDS = new CharArraySet(List.of("combien", "comment",
            "pourquoi", "quand", "ou", "quoi", "quel", "quelle", "quels", "quelles", "lequel", "laquelle", "lesquels",
            "lesquelles", "qui", "que", "qu", "ca", "cela", "ceci", "voila", "voici", "svp", "stp", "merci", "bonjour",
            "bonsoir", "salut", "voudrais", "voudrait", "voudrions", "aimerais", "aimerait", "souhaiterais", "souhaite",
            "savoir", "pouvez", "pourriez", "peux", "pourrais", "truc", "trucs", "chose", "choses", "est", "sympa",
            "sympas", "chouette", "chouettes", "cool", "genial", "geniale", "geniaux", "cherche", "cherchons", "chercher",
            "recherche", "trouver", "trouve", "idee", "idees", "suggestion", "suggestions", "faire", "ok", "okay", "si",
            "va", "vais", "vont", "allons", "allez", "aller", "etre", "veux", "veut", "voulons", "voulez", "voulais"),
            false);
    private static final CharArraySet ENGLISH_ASKING_WORDS = new CharArraySet(List.of("what", "which", "who",
            "whom", "whose", "how", "much", "many", "when", "where", "why", "do", "does", "did", "can", "could", "i", "please", "pls",
            "thanks", "thank", "hello", "hi", "hey", "would", "like", "know", "tell", "me", "my", "you", "we",
            "any", "some", "thing", "things", "cool", "awesome", "lovely", "find", "looking", "look", "search",
            "searching", "idea", "ideas", "suggestion", "suggestions", "something", "anything", "somewhere",
            "anywhere", "have", "ok", "okay", "go", "going", "gonna", "here", "want", "wants", "wanna"), false);

    private static final CharArraySet FRENCH_STOP_WORDS_FOLDED = folded(FrenchAnalyzer.getDefaultStopSet());
    private static final Pattern NUMBER_THEN_LETTER = Pattern.compile("(?<=\\d)(?=\\p{L})");
    /**
     * Dearness denied: "pas cher", "pas trop cher", "peu chère" ask for what is cheap. The stop
     * words drop "pas", which would leave "cher" or "trop cher" (expensive), so the phrase becomes
     * "bon marché" before the words are cut.
     */
    private static final Pattern NOT_DEAR = Pattern.compile(
            "(?iu)\\b(?:pas|peu)\\s+(?:(?:trop|tr[èe]s|si)\\s+)?ch[èe]re?s?\\b");

    /**
     * An amount in euros ("20 €", "32 euros"): a price stated, which a price question ("combien ça
     * coûte ?", "how much is it?") asks for though the line says neither "prix" nor "tarif". The
     * amount gains the word of its language's price concept.
     */
    private static final Pattern AMOUNT_IN_EUROS = Pattern.compile("(?iu)(?<=\\d)\\s*(?:€|euros?\\b)");

    /**
     * Phrases that frame a question, taken out of queries. How something works, asked: "how does
     * public transport work?", "comment ça marche, la location de vélos ?" ask about the thing, and
     * the verb would find the pages on jobs ("work") or on walking ("marche"); not the work one
     * finds or goes to. "Du coin", "dans le coin", "pas loin", "nearby": around here, the territory
     * itself, which every page is about ("y a une piscine pas loin ?" asks for a pool; a page
     * giving a distance does not state it), or near the place named after it ("pas loin de la gare").
     */
    private static final Pattern ENGLISH_FRAMES = Pattern.compile(
            "(?i)\\b(how\\s{1,3}(?:does|do|did|will)\\b.{1,60}?)(?<!\\b(?:to|find|for|of|at|from|get|seek)\\s)\\bwork\\b"
                    + "(?=\\s*(?:[?.!,]|$|(?:here|there|in|at|on|for|exactly)\\b))"
                    + "|\\b(?:nearby|near here|around here|close by)\\b");
    private static final Pattern FRENCH_FRAMES = Pattern.compile(
            "(?iu)\\b(comment\\b.{0,12}?)\\b(?:marche|marchent|fonctionne|fonctionnent)\\b"
                    + "|\\b(?:marche|marchent|fonctionne|fonctionnent)(?=\\s+comment\\b)|\\b(?:du|dans le) coin\\b"
                    + "|\\b(?:pas (?:tr[eè]s |trop )?loin|tout pr[eè]s|pr[eè]s d'ici|[aà] proximit[eé])\\b");
    /** What a frame leaves: the words before its verb ("how does public transport"). */
    private static final String FRAME_KEPT = "$1";
    /**
     * Stems the French light stemmer gets wrong. It shares some between unrelated words: "pluie"
     * would become "plu", as "plus" does, and every page saying "ne … plus" would state the rain of
     * "que faire s'il pleut ?". It parts some forms of one verb: "quand ouvre le marché ?" asks
     * what "il est ouvert de 7 h à 13 h" says, but "ouvre" becomes "ouvr" and "ouvert" stays.
     */
    private static final StemmerOverrideFilter.StemmerOverrideMap FRENCH_STEM_OVERRIDES = stemOverrides(Map.of(
            "pluie", "pluie", "pluies", "pluie",
            "ouvre", "ouvert", "ouvrent", "ouvert", "ouvrez", "ouvert", "ouvrir", "ouvert", "ouvrira", "ouvert",
            "ouvriront", "ouvert", "ouvrait", "ouvert"));

    static final Analyzer FRENCH = french(false);
    static final Analyzer ENGLISH = english(false);
    private static final Analyzer FRENCH_QUERY = french(true);
    private static final Analyzer ENGLISH_QUERY = english(true);

    private KbAnalyzers() {
    }

    private static Analyzer french(boolean query) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String field, Reader reader) {
                Reader read = new PatternReplaceCharFilter(NOT_DEAR, "bon marché", new PatternReplaceCharFilter(
                        AMOUNT_IN_EUROS, " euros tarif", new PatternReplaceCharFilter(NUMBER_THEN_LETTER, " ", reader)));
                return query ? new PatternReplaceCharFilter(FRENCH_FRAMES, FRAME_KEPT, read) : read;
            }

            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream stream = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
                stream = new LowerCaseFilter(stream);
                stream = new StopFilter(stream, FrenchAnalyzer.getDefaultStopSet());
                stream = new ASCIIFoldingFilter(stream);
                stream = new StopFilter(stream, FRENCH_STOP_WORDS_FOLDED);
                if (query) {
                    stream = new StopFilter(stream, FRENCH_ASKING_WORDS);
                }
                stream = new StemmerOverrideFilter(stream, FRENCH_STEM_OVERRIDES);
                return new TokenStreamComponents(source, new FrenchLightStemFilter(stream));
            }
        };
    }

    private static Analyzer english(boolean query) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String field, Reader reader) {
                Reader read = new PatternReplaceCharFilter(AMOUNT_IN_EUROS, " euros price",
                        new PatternReplaceCharFilter(NUMBER_THEN_LETTER, " ", reader));
                return query ? new PatternReplaceCharFilter(ENGLISH_FRAMES, FRAME_KEPT, read) : read;
            }

            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                stream = new ASCIIFoldingFilter(stream);
                if (query) {
                    stream = new StopFilter(stream, ENGLISH_ASKING_WORDS);
                }
                return new TokenStreamComponents(source, new PorterStemFilter(stream));
            }
        };
    }

    private static StemmerOverrideFilter.StemmerOverrideMap stemOverrides(Map<String, String> stems) {
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        stems.forEach(builder::add);
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CharArraySet folded(CharArraySet words) {
        CharArraySet folded = new CharArraySet(words.size(), false);
        for (Object word : words) {
            char[] letters = (char[]) word;
            char[] out = new char[letters.length * 4];
            folded.add(new String(out, 0, ASCIIFoldingFilter.foldToASCII(letters, 0, out, 0, letters.length)));
        }
        return folded;
    }

    /** The analysis of the pages in {@code lang} ("fr" or "en"). */
    static Analyzer forLanguage(String lang) {
        return "en".equals(lang) ? ENGLISH : FRENCH;
    }

    /** The analysis of a query in {@code lang}: the pages' one, less the words that only ask. */
    static Analyzer forQuery(String lang) {
        return "en".equals(lang) ? ENGLISH_QUERY : FRENCH_QUERY;
    }

    /** Whether every one of {@code words} asks ("combien", "how", "much"): they say nothing a page could state. */
    static boolean asking(String lang, List<String> words) {
        CharArraySet asking = "en".equals(lang) ? ENGLISH_ASKING_WORDS : FRENCH_ASKING_WORDS;
        return words.stream().allMatch(asking::contains);
    }

    /**
     * The analysed words that say something of the answer: question words kept inside a glossary
     * term ("quand il pleut") are left out, since they stand in most pages.
     */
    static List<String> telling(String lang, List<String> words) {
        CharArraySet asking = "en".equals(lang) ? ENGLISH_ASKING_WORDS : FRENCH_ASKING_WORDS;
        List<String> telling = words.stream().filter(word -> !asking.contains(word)).toList();
        return telling.isEmpty() ? words : telling;
    }

    static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
