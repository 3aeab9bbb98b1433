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
 * ("merci" comes out Latin), so the decision is restricted to fra/eng, and short messages are
 * first looked up in a list of the chat's most common words.
 */
final class LanguageGuesser {
    private static final String MODEL = "/langdetect-183.bin";
    private static final Set<String> FRENCH_WORDS = Set.of(
            "bonjour", "bonsoir", "salut", "coucou", "merci", "oui", "non", "accord", "daccord",
            "au", "revoir", "bonne", "journee", "soiree", "je", "tu", "vous", "nous", "le", "la", "les",
            "un", "une", "des", "du", "de", "et", "ou", "est", "pour", "avec", "sans", "pas", "svp", "stp",
            "beaucoup", "bien", "tres", "ca", "quoi", "comment", "quand", "combien", "pourquoi", "aide",
            "conseiller", "humain", "personne", "rappeler", "parler", "cordialement", "adieu", "bisous");
    private static final Set<String> ENGLISH_WORDS = Set.of(
            "hello", "hi", "hey", "thanks", "thank", "you", "yes", "no", "bye", "goodbye", "good", "morning",
            "evening", "afternoon", "cheers", "the", "an", "and", "or", "is", "are", "for", "with",
            "without", "not", "please", "i", "we", "my", "our", "what", "how", "when", "where", "why", "help",
            "agent", "human", "someone", "talk", "call", "see", "later", "great", "much", "lot", "nice");
    /** Below this score gap the detector is guessing; French, the product's first language, wins. */
    private static final double MARGIN = 0.001;

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

    /** "fr" or "en"; {@code hint} (the conversation's language, or null) decides ties on short messages. */
    String guess(String text, String hint) {
        List<String> tokens = TextNormalizer.tokens(text);
        if (tokens.size() <= 3) {
            long fr = tokens.stream().filter(FRENCH_WORDS::contains).count();
            long en = tokens.stream().filter(ENGLISH_WORDS::contains).count();
            if (fr != en) {
                return fr > en ? "fr" : "en";
            }
            if (hint != null) {
                return hint;
            }
        }
        double fra = 0;
        double eng = 0;
        for (Language language : detector.predictLanguages(text)) {
            switch (language.getLang()) {
                case "fra" -> fra = language.getConfidence();
                case "eng" -> eng = language.getConfidence();
                default -> { }
            }
        }
        if (Math.abs(fra - eng) < MARGIN && hint != null) {
            return hint;
        }
        return eng > fra + MARGIN ? "en" : "fr";
    }
}
