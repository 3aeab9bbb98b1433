package io.guichet.kb;

import io.guichet.embedding.SentenceEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The territory's content, searchable. Loading and reloading block (reading files, embedding
 * passages) and belong on a worker thread; searching is safe from any thread. A reload builds a
 * whole new version and swaps it in at once, so a search in flight finishes on the version it
 * started with.
 */
public final class KnowledgeBase {
    /**
     * A hit scoring at least this answers the question well enough to be quoted as the answer.
     * Chosen on the project's held-out queries, where keeping answerable questions and
     * rejecting unanswerable ones balance best between 0.40 and 0.44 (0.90 to 0.94 balanced
     * accuracy); the low end keeps more answers, each quoted with its source.
     */
    public static final double TRUSTED = 0.40;
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);

    private final Path folder;
    private final SentenceEmbedder embedder;
    private final PassageVectors cache;
    private final Glossary glossary = Glossary.shipped();
    private volatile KnowledgeIndex index;
    private volatile String fingerprint;

    private KnowledgeBase(Path folder, SentenceEmbedder embedder, PassageVectors cache) {
        this.folder = folder;
        this.embedder = embedder;
        this.cache = cache;
    }

    /** Loads the folder; its passage vectors live as long as the knowledge base, in memory. */
    public static KnowledgeBase load(Path folder, SentenceEmbedder embedder) throws IOException {
        return load(folder, embedder, PassageVectors.inMemory(embedder));
    }

    /** Loads the folder, taking the vectors of passages already embedded from {@code cache}. */
    public static KnowledgeBase load(Path folder, SentenceEmbedder embedder, PassageVectors cache) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("knowledge-base folder " + folder.toAbsolutePath() + " does not exist");
        }
        KnowledgeBase base = new KnowledgeBase(folder, embedder, cache);
        base.reloadIfChanged();
        return base;
    }

    /** Rebuilds the index when a Markdown file was added, removed or modified; true when it did. */
    public synchronized boolean reloadIfChanged() throws IOException {
        String current = fingerprint();
        if (current.equals(fingerprint)) {
            return false;
        }
        long started = System.nanoTime();
        KnowledgeIndex next = KnowledgeIndex.build(KbLoader.load(folder), embedder, glossary, cache);
        index = next;
        fingerprint = current;
        LOG.info("knowledge base {}: {} documents, {} passages indexed in {} ms, {} passages embedded", folder,
                next.documentCount(), next.passageCount(), (System.nanoTime() - started) / 1_000_000,
                cache.lastEmbedded());
        return true;
    }

    /** Paths, sizes and modification times of every Markdown file: cheap to compute, changes with any edit. */
    private String fingerprint() throws IOException {
        StringBuilder out = new StringBuilder();
        for (Path path : KbLoader.markdownFiles(folder)) {
            out.append(path).append(':').append(Files.size(path)).append(':')
                    .append(Files.getLastModifiedTime(path).toMillis()).append('\n');
        }
        return out.toString();
    }

    public int size() {
        return index.documentCount();
    }

    /** Every page, in the order they were loaded. */
    public List<KbDocument> documents() {
        return index.documents();
    }

    /** The best documents for a query in {@code lang} ("fr" or "en"), best first. Blocks a few ms. */
    public List<SearchHit> search(String query, int k, String lang) {
        return search(query, k, lang, d -> true);
    }

    /**
     * Whether {@code document} states some of what {@code text} says (in its words, a synonym, a
     * translation, or all of it with what it writes by its form: "04 65 71 27 10" for "et le
     * téléphone ?"): a page that states none of it cannot answer it. Cheaper than a search.
     */
    public boolean mentions(KbDocument document, String text, String lang) {
        return index.mentions(document, text, lang);
    }

    /**
     * The largest share of {@code text}'s information (its concepts weighed by rarity) that one
     * passage of {@code document} states, with its page's title and what it writes by its form: of
     * two pages, the one that says more of a question is the one it is about. Cheaper than a search.
     */
    public double shareStated(KbDocument document, String text, String lang) {
        return index.shareStated(document, text, lang);
    }

    /**
     * Whether {@code question} asks about a thing that a page names, by its form: its hours, prices
     * or address, whether there is one, what is allowed there ("adresse du conservatoire" where a
     * page lists the conservatoire). A question on the territory, though no page may answer it.
     */
    public boolean namesWhatIsAskedAbout(String question, String lang) {
        return index.namesWhatIsAskedAbout(question, lang);
    }

    /**
     * Whether {@code text} names nothing a page could state, only asks ("how much is it?", "c'est
     * où ?"): what it asks about is what was said before it.
     */
    public boolean onlyAsks(String text, String lang) {
        return index.onlyAsks(text, lang);
    }

    /**
     * How much of {@code question} a run of {@code page}'s sentences states, weighed as the search
     * weighs it (rare words most; synonyms and translations count), from 0 to 1, the page's title
     * taken as said in every run: for quoting, of a long passage, the sentences that answer ("Plein
     * tarif 8 €" for "ça coûte combien l'entrée ?") rather than its first lines. The function
     * remembers the sentences it has analysed: one per quote, on one thread.
     */
    public ToDoubleFunction<List<String>> statedShare(String question, String lang, KbDocument page) {
        return index.statedShare(question, lang, page);
    }

    /** As {@link #search(String, int, String)}, among the documents {@code filter} accepts. */
    public List<SearchHit> search(String query, int k, String lang, Predicate<KbDocument> filter) {
        return index.search(query, k, lang, filter);
    }
}
