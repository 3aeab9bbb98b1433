package io.guichet.kb;

import dev.langchain4j.data.embedding.Embedding;
import io.guichet.embedding.SentenceEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * One immutable version of the knowledge base, searchable from any thread. Each passage is
 * indexed twice: lexically (Lucene BM25, in its document's language) and densely (a sentence
 * vector). A query runs both, in its own language and, through the glossary, in the other one;
 * the two rankings are fused by reciprocal rank and folded into documents.
 */
final class KnowledgeIndex {
    /** Reciprocal-rank-fusion constant (the usual 60). */
    private static final int RRF_K = 60;
    private static final int CANDIDATES = 100;
    /** Weight of a glossary translation against the query's own words: a translation may miss the sense. */
    private static final float TRANSLATION_BOOST = 0.8f;
    /** Weight of a glossary synonym against the query's own words. */
    private static final float SYNONYM_BOOST = 0.5f;
    private static final int SNIPPET_CHARS = 280;
    /**
     * Distinct words a lexical query keeps, the first ones of the text: Lucene refuses a query of
     * more than 1,024 clauses (TooManyClauses), and a pasted page has hundreds of words. A word
     * makes two clauses (title and text) in each language, and a typo's fuzzy match up to 50
     * more, hence fewer typos: 2 × 100 + 8 × 50 + 2 × 100 stays under the limit. A question has a
     * few dozen words.
     */
    private static final int MAX_QUERY_TERMS = 100;
    private static final int MAX_TYPO_TERMS = 8;
    /** e5 squeezes cosines together: below FLOOR is unrelated text, above CEILING a close paraphrase. */
    private static final double COSINE_FLOOR = 0.75;
    private static final double COSINE_CEILING = 0.90;

    private final List<KbDocument> documents;
    private final List<Passage> passages;
    /** Passages are stored document after document: those of document d are [firstPassage[d], firstPassage[d+1]). */
    private final int[] firstPassage;
    private final FlatEmbeddingStore<Integer> vectors;
    private final IndexSearcher searcher;
    /** The knowledge-base document of each Lucene document id, read once rather than from stored fields per hit. */
    private final int[] documentOfLuceneDoc;
    private final SentenceEmbedder embedder;
    private final Glossary glossary;

    private KnowledgeIndex(List<KbDocument> documents, List<Passage> passages, FlatEmbeddingStore<Integer> vectors,
                           IndexSearcher searcher, SentenceEmbedder embedder, Glossary glossary) {
        this.documents = documents;
        this.passages = passages;
        this.firstPassage = new int[documents.size() + 1];
        for (int p = passages.size() - 1; p >= 0; p--) {
            firstPassage[passages.get(p).document()] = p;
        }
        firstPassage[documents.size()] = passages.size();
        this.vectors = vectors;
        this.searcher = searcher;
        this.documentOfLuceneDoc = documentOfLuceneDoc(searcher);
        this.embedder = embedder;
        this.glossary = glossary;
    }

    /** Builds a new version; passages embedded before (same text) take their vectors from {@code cache}. */
    static KnowledgeIndex build(List<KbDocument> documents, SentenceEmbedder embedder, Glossary glossary,
                                PassageVectors cache) {
        List<Passage> passages = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            List<Passage> split = PassageSplitter.split(d, documents.get(d).body());
            passages.addAll(split.isEmpty() ? List.of(new Passage(d, null, documents.get(d).title())) : split);
        }
        List<float[]> embedded = cache.vectors(passages.stream().map(p -> embeddingText(documents, p)).toList());
        FlatEmbeddingStore<Integer> store = new FlatEmbeddingStore<>(embedder.dimension());
        for (int p = 0; p < passages.size(); p++) {
            store.add(Embedding.from(embedded.get(p)), p);
        }
        store.partition();
        return new KnowledgeIndex(documents, passages, store, lexicalIndex(documents, passages), embedder, glossary);
    }

    private static String embeddingText(List<KbDocument> documents, Passage passage) {
        String title = documents.get(passage.document()).title();
        return passage.heading() == null ? title + ". " + passage.text()
                : title + " — " + passage.heading() + ". " + passage.text();
    }

    private static IndexSearcher lexicalIndex(List<KbDocument> documents, List<Passage> passages) {
        Analyzer analyzer = new PerFieldAnalyzerWrapper(KbAnalyzers.FRENCH,
                Map.of("title_en", KbAnalyzers.ENGLISH, "text_en", KbAnalyzers.ENGLISH));
        StringBuilder[] texts = new StringBuilder[documents.size()];
        for (Passage passage : passages) {
            StringBuilder text = texts[passage.document()] == null
                    ? texts[passage.document()] = new StringBuilder() : texts[passage.document()];
            text.append(passage.heading() == null ? "" : passage.heading()).append('\n').append(passage.text())
                    .append('\n');
        }
        // An in-memory directory holds no file or OS resource: a replaced version is simply
        // garbage-collected once the last search in flight on it has returned.
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (int d = 0; d < documents.size(); d++) {
                KbDocument document = documents.get(d);
                String lang = document.lang();
                Document entry = new Document();
                entry.add(new StoredField("document", d));
                entry.add(new TextField("title_" + lang, document.title() + " " + String.join(" ", document.tags()),
                        Field.Store.NO));
                entry.add(new TextField("text_" + lang, texts[d] == null ? "" : texts[d].toString(), Field.Store.NO));
                writer.addDocument(entry);
            }
            writer.commit();
            return new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] documentOfLuceneDoc(IndexSearcher searcher) {
        try {
            int[] out = new int[searcher.getIndexReader().maxDoc()];
            for (int doc = 0; doc < out.length; doc++) {
                out[doc] = searcher.storedFields().document(doc).getField("document").numericValue().intValue();
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int documentCount() {
        return documents.size();
    }

    int passageCount() {
        return passages.size();
    }

    List<SearchHit> search(String query, int k, String lang, Predicate<KbDocument> filter) {
        String other = "en".equals(lang) ? "fr" : "en";
        List<Glossary.Concept> concepts = glossary.concepts(query, lang);
        double[] weights = concepts.stream()
                .mapToDouble(c -> c.words().stream().mapToDouble(w -> idf(lang, w)).max().orElse(0)).toArray();
        Map<Integer, Double> passageCosines = denseCosines(query, concepts);
        Map<Integer, Double> fused = new HashMap<>();
        fuse(documentsByBestPassage(passageCosines), fused);
        fuse(lexicalRanking(new BooleanQuery.Builder()
                .add(ownLanguageQuery(lang, concepts), BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(translatedQuery(query, other, concepts), TRANSLATION_BOOST), BooleanClause.Occur.SHOULD)
                .build()), fused);

        List<Integer> ranked = fused.entrySet().stream()
                .filter(e -> filter.test(documents.get(e.getKey())))
                .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
                .limit(k).map(Map.Entry::getKey).toList();
        List<SearchHit> hits = new ArrayList<>();
        double ceiling = 1;
        for (int documentIndex : ranked) {
            KbDocument document = documents.get(documentIndex);
            int passageIndex = bestPassage(documentIndex, passageCosines);
            Passage passage = passages.get(passageIndex);
            double cosine = passageCosines.getOrDefault(passageIndex, COSINE_FLOOR);
            double confidence = confidence(cosine, coverage(concepts, weights, lang, document, passage));
            // Scores follow the ranking down, so that a client can cut the list at a threshold.
            ceiling = Math.min(ceiling, confidence);
            hits.add(new SearchHit(document, Math.round(ceiling * 1000) / 1000.0, passage.text(),
                    snippet(passage.text())));
        }
        return hits;
    }

    /** Adds each document's reciprocal rank in {@code ranking} (best first) to its fused score. */
    private static void fuse(List<Integer> ranking, Map<Integer, Double> fused) {
        for (int rank = 0; rank < ranking.size(); rank++) {
            fused.merge(ranking.get(rank), 1.0 / (RRF_K + rank + 1), Double::sum);
        }
    }

    /** Documents in the order of their closest passage. */
    private List<Integer> documentsByBestPassage(Map<Integer, Double> passageCosines) {
        return passageCosines.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
                .map(e -> passages.get(e.getKey()).document()).distinct().toList();
    }

    /** The document's passage closest to the query, which is quoted as its snippet. */
    private int bestPassage(int document, Map<Integer, Double> passageCosines) {
        int best = firstPassage[document];
        for (int p = best + 1; p < firstPassage[document + 1]; p++) {
            if (passageCosines.getOrDefault(p, -1.0) > passageCosines.getOrDefault(best, -1.0)) {
                best = p;
            }
        }
        return best;
    }

    /** The query's words against the documents of its language; unknown words also match loosely (typos). */
    private BooleanQuery ownLanguageQuery(String lang, List<Glossary.Concept> concepts) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        Set<String> words = new LinkedHashSet<>();
        concepts.forEach(c -> words.addAll(c.words()));
        Set<String> synonyms = new LinkedHashSet<>();
        Analyzer analyzer = KbAnalyzers.forLanguage(lang);
        concepts.forEach(c -> c.synonyms().forEach(t -> synonyms.addAll(KbAnalyzers.terms(analyzer, t))));
        synonyms.removeAll(words);
        List<String> kept = words.stream().limit(MAX_QUERY_TERMS).toList();
        synonyms.stream().limit(MAX_QUERY_TERMS - kept.size())
                .forEach(term -> addTerm(builder, lang, term, SYNONYM_BOOST));
        int typos = 0;
        for (String term : kept) {
            addTerm(builder, lang, term, 1f);
            if (typos < MAX_TYPO_TERMS && isUnknown(lang, term) && term.length() >= 4) {
                typos++;
                int edits = term.length() >= 7 ? 2 : 1;
                builder.add(new BoostQuery(new FuzzyQuery(new Term("text_" + lang, term), edits, 1), 0.6f),
                        BooleanClause.Occur.SHOULD);
            }
        }
        return builder.build();
    }

    /**
     * The query's glossary translation, plus its words as they are (names do not translate),
     * against the other language's documents. Ranked on its own, so that the best document of
     * the other language is not buried under same-language ones sharing a common word.
     */
    private static BooleanQuery translatedQuery(String query, String other, List<Glossary.Concept> concepts) {
        Set<String> terms = new LinkedHashSet<>();
        Analyzer analyzer = KbAnalyzers.forLanguage(other);
        concepts.forEach(c -> c.translations().forEach(t -> terms.addAll(KbAnalyzers.terms(analyzer, t))));
        terms.addAll(KbAnalyzers.terms(analyzer, query));
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        terms.stream().limit(MAX_QUERY_TERMS).forEach(term -> addTerm(builder, other, term, 1f));
        return builder.build();
    }

    /** Documents in BM25 order; the index holds one entry per whole document. */
    private List<Integer> lexicalRanking(BooleanQuery query) {
        if (query.clauses().isEmpty()) {
            return List.of();
        }
        try {
            List<Integer> ranking = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, CANDIDATES).scoreDocs) {
                ranking.add(documentOfLuceneDoc[hit.doc]);
            }
            return ranking;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addTerm(BooleanQuery.Builder builder, String lang, String term, float boost) {
        builder.add(new BoostQuery(new TermQuery(new Term("title_" + lang, term)), 1.5f * boost),
                BooleanClause.Occur.SHOULD);
        builder.add(new BoostQuery(new TermQuery(new Term("text_" + lang, term)), boost), BooleanClause.Occur.SHOULD);
    }

    private boolean isUnknown(String lang, String term) {
        try {
            return searcher.getIndexReader().docFreq(new Term("text_" + lang, term)) == 0
                    && searcher.getIndexReader().docFreq(new Term("title_" + lang, term)) == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cosine of every close passage to the query or, when the glossary knows some of its terms, to its translation. */
    private Map<Integer, Double> denseCosines(String query, List<Glossary.Concept> concepts) {
        List<String> queries = new ArrayList<>(List.of(query));
        List<String> translation = concepts.stream().filter(c -> !c.translations().isEmpty())
                .map(c -> c.translations().iterator().next()).toList();
        if (!translation.isEmpty()) {
            queries.add(String.join(" ", translation));
        }
        Map<Integer, Double> cosines = new HashMap<>();
        for (List<FlatEmbeddingStore.Nearest<Integer>> matches : vectors.nearest(embedder.embedQueries(queries),
                CANDIDATES)) {
            for (FlatEmbeddingStore.Nearest<Integer> match : matches) {
                cosines.merge(match.item(), match.score(), Math::max);
            }
        }
        return cosines;
    }

    /**
     * Share of the query's information (concepts weighted by rarity) that the passage states, in
     * its own words or in the glossary's translation: a query about something the base never
     * mentions keeps a low coverage however well its common words match.
     */
    private static double coverage(List<Glossary.Concept> concepts, double[] weights, String lang,
                                   KbDocument document, Passage passage) {
        if (concepts.isEmpty()) {
            return 0;
        }
        Analyzer analyzer = KbAnalyzers.forLanguage(document.lang());
        Set<String> present = new HashSet<>(KbAnalyzers.terms(analyzer,
                document.title() + " " + String.join(" ", document.tags()) + " "
                        + (passage.heading() == null ? "" : passage.heading()) + " " + passage.text()));
        boolean sameLanguage = document.lang().equals(lang);
        double total = 0;
        double covered = 0;
        for (int c = 0; c < concepts.size(); c++) {
            Glossary.Concept concept = concepts.get(c);
            double weight = weights[c];
            total += weight;
            boolean stated = present.containsAll(concept.words()) || !sameLanguage && concept.translations().stream()
                    .anyMatch(t -> present.containsAll(KbAnalyzers.terms(analyzer, t)));
            if (stated) {
                covered += weight;
            }
        }
        return total == 0 ? 0 : covered / total;
    }

    private double idf(String lang, String term) {
        try {
            int n = Math.max(1, searcher.getIndexReader().numDocs());
            int df = searcher.getIndexReader().docFreq(new Term("text_" + lang, term));
            return Math.log(1 + (n - df + 0.5) / (df + 0.5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double confidence(double cosine, double coverage) {
        double semantic = Math.max(0, Math.min(1, (cosine - COSINE_FLOOR) / (COSINE_CEILING - COSINE_FLOOR)));
        return 0.5 * semantic + 0.5 * coverage;
    }

    static String snippet(String text) {
        String flat = text.replace('\n', ' ');
        if (flat.length() <= SNIPPET_CHARS) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', SNIPPET_CHARS);
        return flat.substring(0, cut > SNIPPET_CHARS / 2 ? cut : SNIPPET_CHARS) + "…";
    }
}
