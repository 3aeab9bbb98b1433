package io.guichet.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The lexical half of the search: Lucene BM25 over whole documents, each in its own language's
 * analysis, the title read as part of the text and once more in a field of its own, with the
 * page's tags. A title field weighed alone, or boosted above the text, let one title word outweigh
 * a paragraph that states the question's other words ("hauteur des flammes" → "Haut fourneau"):
 * on real questions 0.713 first right against 0.743 with the title in the text. A query runs in
 * its own language (its words, the glossary's synonyms, a loose match for unknown words, which are
 * typos more often than not) and, through the glossary's translation, against the other
 * language's documents.
 */
final class LexicalRetriever {
    /** Weight of a glossary translation against the query's own words: a translation may miss the sense. */
    private static final float TRANSLATION_BOOST = 0.8f;
    /** Weight of a glossary synonym against the query's own words. */
    private static final float SYNONYM_BOOST = 0.5f;
    /**
     * Distinct words a lexical query keeps, the first ones of the text: Lucene refuses a query of
     * more than 1,024 clauses (TooManyClauses), and a pasted page has hundreds of words. A word
     * makes two clauses (title and text) in each language, and a typo's fuzzy match up to 50
     * more, hence fewer typos: 2 × 100 + 8 × 50 + 2 × 100 stays under the limit. A question has a
     * few dozen words.
     */
    private static final int MAX_QUERY_TERMS = 100;
    private static final int MAX_TYPO_TERMS = 8;

    private final IndexSearcher searcher;
    /** The knowledge-base document of each Lucene document id, read once rather than from stored fields per hit. */
    private final int[] documentOfLuceneDoc;

    private LexicalRetriever(IndexSearcher searcher) {
        this.searcher = searcher;
        this.documentOfLuceneDoc = documentOfLuceneDoc(searcher);
    }

    static LexicalRetriever build(List<KbDocument> documents, List<Passage> passages) {
        Analyzer analyzer = new PerFieldAnalyzerWrapper(KbAnalyzers.FRENCH,
                Map.of("title_en", KbAnalyzers.ENGLISH, "text_en", KbAnalyzers.ENGLISH));
        StringBuilder[] texts = new StringBuilder[documents.size()];
        for (int d = 0; d < documents.size(); d++) {
            texts[d] = new StringBuilder(documents.get(d).title()).append('\n');
        }
        for (Passage passage : passages) {
            texts[passage.document()].append(passage.heading() == null ? "" : passage.heading()).append('\n')
                    .append(passage.text()).append('\n');
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
                entry.add(new TextField("text_" + lang, texts[d].toString(), Field.Store.NO));
                writer.addDocument(entry);
            }
            writer.commit();
            return new LexicalRetriever(new IndexSearcher(DirectoryReader.open(directory)));
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

    /** A document and its BM25 score for a query. */
    record Scored(int document, double score) {
    }

    /** Documents in BM25 order, the query in its own language and translated, at most {@code candidates}. */
    List<Scored> documents(RetrievalQuery query, int candidates) {
        BooleanQuery both = new BooleanQuery.Builder()
                .add(ownLanguageQuery(query.lang(), query.concepts()), BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(translatedQuery(query.text(), query.otherLang(), query.concepts()),
                        TRANSLATION_BOOST), BooleanClause.Occur.SHOULD)
                .build();
        if (both.clauses().isEmpty()) {
            return List.of();
        }
        try {
            List<Scored> ranking = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(both, candidates).scoreDocs) {
                ranking.add(new Scored(documentOfLuceneDoc[hit.doc], hit.score));
            }
            return ranking;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query's words against the documents of its language; unknown words also match loosely (typos). */
    private BooleanQuery ownLanguageQuery(String lang, List<Glossary.Concept> concepts) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        Set<String> words = new LinkedHashSet<>();
        concepts.forEach(c -> words.addAll(KbAnalyzers.telling(lang, c.words())));
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
        Analyzer analyzer = KbAnalyzers.forQuery(other);
        concepts.forEach(c -> c.translations().forEach(t -> terms.addAll(KbAnalyzers.terms(analyzer, t))));
        terms.addAll(KbAnalyzers.terms(analyzer, query));
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        terms.stream().limit(MAX_QUERY_TERMS).forEach(term -> addTerm(builder, other, term, 1f));
        return builder.build();
    }

    private static void addTerm(BooleanQuery.Builder builder, String lang, String term, float boost) {
        builder.add(new BoostQuery(new TermQuery(new Term("title_" + lang, term)), boost),
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

    /** The idf of a word found in half the passages: one that tells little of what is asked. */
    double commonWordIdf() {
        int n = Math.max(1, searcher.getIndexReader().numDocs());
        return Math.log(1 + (n - n / 2.0 + 0.5) / (n / 2.0 + 0.5));
    }

    /** The idf of a word that a single text holds: the information of one rare word. */
    double rareWordIdf() {
        int n = Math.max(1, searcher.getIndexReader().numDocs());
        return Math.log(1 + (n - 1 + 0.5) / (1 + 0.5));
    }

    /** How rare the term is in the texts of its language (BM25's idf): rare words carry the query's information. */
    double idf(String lang, String term) {
        try {
            int n = Math.max(1, searcher.getIndexReader().numDocs());
            int df = searcher.getIndexReader().docFreq(new Term("text_" + lang, term));
            return Math.log(1 + (n - df + 0.5) / (df + 0.5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
