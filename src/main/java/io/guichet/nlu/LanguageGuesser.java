package io.guichet.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Tells French from English. OpenNLP's 103-language detector is unreliable on one or two words
 * ("merci" comes out Latin) and on chat French without accents ("slt on est 18 collegues" comes
 * out English), so the decision is restricted to fra/eng, and the words of the chat that belong
 * to one language only (greetings, pronouns, articles, auxiliaries) are counted first: a clear
 * lead decides ("we" after "le", "ce" or "bon" is French chat's week-end, not the pronoun), and
 * the verbs and nouns of a visitor's request in one language only ("rent a bike", "horaires
 * mairie"), which the detector cannot tell on so few letters. The
 * detector decides the rest; when it hesitates, the conversation's language stays, or French on a
 * conversation's first words.
 */
final class LanguageGuesser {
    private static final String MODEL = "/langdetect-183.bin";
    private static final Set<String> FRENCH_WORDS = Set.of(
            "bonjour", "bonsoir", "salut", "slt", "coucou", "merci", "oui", "non", "accord", "daccord",
            "au", "revoir", "bonne", "journee", "soiree", "je", "tu", "vous", "nous", "le", "la", "les",
            "un", "une", "des", "du", "de", "et", "ou", "est", "pour", "avec", "sans", "pas", "svp", "stp",
            "beaucoup", "bien", "tres", "ca", "quoi", "comment", "quand", "combien", "pourquoi", "aide",
            "conseiller", "humain", "personne", "rappeler", "parler", "cordialement", "adieu", "bisous",
            "sommes", "sera", "serons", "serait", "voudrait", "voudrions", "aimerait", "faut", "peut", "notre",
            "nos", "votre", "vos", "mon", "ma", "mes", "ce", "cette", "ces", "qui", "que", "dans", "sur", "chez",
            "mais", "donc", "aussi", "plus", "il", "elle", "ils", "encore", "deja", "jours", "nuits", "mois",
            "semaine", "personnes", "ai", "avons", "avez", "fait", "faire", "cherche", "cherchons", "alors",
            "quel", "quelle", "quels", "quelles", "louer", "acheter", "trouver", "aller", "ouvert", "ouverte",
            "horaires", "gratuit", "ville", "pres", "loin", "voiture", "velo", "chambre", "enfants", "famille");
    private static final Set<String> ENGLISH_WORDS = Set.of(
            "hello", "hi", "hey", "thanks", "thank", "you", "yes", "no", "bye", "goodbye", "good", "morning",
            "evening", "afternoon", "cheers", "the", "an", "and", "or", "is", "are", "for", "with",
            "without", "not", "please", "i", "we", "my", "our", "what", "how", "when", "where", "why", "help",
            "agent", "human", "someone", "talk", "call", "see", "later", "great", "much", "lot", "nice",
            "it", "this", "that", "be", "will", "would", "could", "should", "have", "has", "of", "to", "there",
            "they", "their", "your", "from", "about", "like", "need", "want", "looking", "days", "nights",
            "week", "people", "can", "do", "does", "was", "were", "just", "some", "any", "us", "me", "also",
            "which", "who", "rent", "hire", "bike", "buy", "book", "get", "find", "go", "stay", "near", "nearby",
            "open", "opening", "hours", "price", "cost", "cheap", "best", "town", "old", "room", "kids", "museum");
    private static final Set<String> WEEKEND_SHORTHAND_AFTER = Set.of("le", "ce", "un", "du", "au", "bon", "prochain",
            "chaque", "tout");
    /** Below this score gap the detector is guessing; French, the product's first language, wins. */
    private static final double MARGIN = 0.001;
    /**
     * The detector's scores are small (0.01 to 0.08 for either language on chat messages): one must
     * be this many times the other to change a conversation's language ("Total budget is 20k
     * euros" scores 1.5 times more English; "parking gratuit centre ville", 1.1).
     */
    private static final double SURE_RATIO = 1.4;

    private final LanguageDetectorME detector;

    LanguageGuesser() {
        try (InputStream in = LanguageGuesser.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("language model " + MODEL + " missing from the classpath");
            }
            detector = new LanguageDetectorME(new LanguageDetectorModel(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "le we", "ce we", "bon we": French chat's week-end, not the English pronoun. */
    private static boolean isFrenchWeekend(String previous, String token) {
        return token.equals("we") && WEEKEND_SHORTHAND_AFTER.contains(previous);
    }

    /** "fr" or "en"; {@code hint}, the conversation's language or null, decides when the text does not tell. */
    String guess(String text, String hint) {
        List<String> tokens = TextNormalizer.tokens(text);
        long fr = 0;
        long en = 0;
        for (int t = 0; t < tokens.size(); t++) {
            String token = tokens.get(t);
            if (FRENCH_WORDS.contains(token) || t > 0 && isFrenchWeekend(tokens.get(t - 1), token)) {
                fr++;
            } else if (ENGLISH_WORDS.contains(token)) {
                en++;
            }
        }
        if (Math.abs(fr - en) >= 2 || tokens.size() <= 3 && fr != en) {
            return fr > en ? "fr" : "en";
        }
        if (tokens.size() <= 3 && hint != null) {
            return hint;
        }
        // A word or two the detector scores within a few percent ("parking" 1.17 times more
        // English, "museum" 0.95): only a sure lead makes a first message English.
        String staying = hint != null ? hint : tokens.size() <= 3 ? "fr" : null;
        double fra = 0;
        double eng = 0;
        for (Language language : detector.predictLanguages(text)) {
            switch (language.getLang()) {
                case "fra" -> fra = language.getConfidence();
                case "eng" -> eng = language.getConfidence();
                default -> { }
            }
        }
        if (staying != null && Math.max(fra, eng) < SURE_RATIO * Math.min(fra, eng)) {
            return staying;
        }
        return eng > fra + MARGIN ? "en" : "fr";
    }
}
