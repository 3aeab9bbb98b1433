package io.guichet.nlu;

import io.guichet.embedding.SentenceEmbedder;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text in, {@link Parse} out: language, intent ranking and entities. Pure and thread-safe once
 * built; building trains the intent engine, which takes a second or two (embedding the examples).
 */
public final class Understanding {
    private static final Logger LOG = LoggerFactory.getLogger(Understanding.class);

    private final LanguageGuesser languages = new LanguageGuesser();
    private final EntityExtractor entities = new EntityExtractor();
    private final IntentClassifier intents;

    private Understanding(IntentClassifier intents) {
        this.intents = intents;
    }

    public static Understanding train(List<IntentFile> files, SentenceEmbedder embedder) {
        long started = System.nanoTime();
        IntentClassifier classifier = IntentClassifier.train(files, embedder);
        LOG.info("intent engine trained on {} in {} ms", classifier.exampleCounts(),
                (System.nanoTime() - started) / 1_000_000);
        return new Understanding(classifier);
    }

    /**
     * @param lang the caller's language if it knows it ("fr"/"en"), else null to detect
     * @param hint the conversation's language so far, deciding for messages too short to tell; may be null
     */
    public Parse parse(String text, String lang, String hint, LocalDate now) {
        String language = lang != null ? lang : languages.guess(text, hint);
        IntentClassifier.Understood understood = intents.understand(text, language);
        List<IntentScore> ranking = understood.ranking();
        return new Parse(text, language, ranking.get(0), ranking, entities.extract(text, now), understood.outOfScope());
    }

    public String detectLanguage(String text, String hint) {
        return languages.guess(text, hint);
    }
}
