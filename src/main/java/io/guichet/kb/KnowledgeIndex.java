package io.guichet.kb;

import dev.langchain4j.data.embedding.Embedding;
import io.guichet.embedding.SentenceEmbedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;

/**
 * One immutable version of the knowledge base, searchable from any thread. Each passage is
 * indexed twice: lexically ({@link LexicalRetriever}, BM25 in its document's language) and
 * densely ({@link DenseRetriever}, a sentence vector). A query is first transformed
 * ({@link RetrievalQuery}: its own language and, through the glossary, the other one), runs
 * through both retrievers, and the two scores are fused ({@link ScoreFusion}) and
 * folded into documents, each scored by how far its best passage answers ({@link Answerability}),
 * which is the passage quoted.
 */
final class KnowledgeIndex {
    private static final int CANDIDATES = 100;
    private static final int SNIPPET_CHARS = 280;
    /** What a passage's heading states counts this much more than its text does, on the confidence's scale. */
    private static final double HEADING_WEIGHT = 0.5;
    /**
     * What a passage states in the question's narrower words counts this much more, on the same
     * scale: of the passages on the markets, the one on "le marché couvert" is quoted for its hours.
     */
    private static final double NARROWER_WEIGHT = 0.5;
    /**
     * A passage with a sentence or heading about the thing whose hours, prices or address are asked,
     * which gives them, counts this much more: the cathedral's section for its hours, not the
     * summer light show projected on its façade at 22 h 30.
     */
    private static final double WHOSE_WEIGHT = 0.5;
    /**
     * A number of one or two digits names nothing by itself: an hour, a house number, a count. Rare
     * as "14" may be in the pages, "bonjour 14" is no question on the house at number 14.
     */
    private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,2}");
    /** A query that says no more than this many pages' titles names them; said by more, it names none. */
    private static final int MOST_NAMED = 3;
    /**
     * A name is a few words ("le marché", "l'office de tourisme"): a longer query asks something,
     * and a long name said in full is covered by its own words. Every page is not scanned for it.
     */
    private static final int MOST_NAME_CONCEPTS = 3;
    /** How far short of being about a thing falls a page none of whose sentences is about it, asked for its hours. */
    private static final int NOT_WHOSE = 2;
    /** Where a title's subject ends and the aspects it lists begin. */
    private static final Pattern TITLE_ASPECTS = Pattern.compile("\\s*[,:;]\\s+|\\s+[—–-]\\s+");

    private final List<KbDocument> documents;
    private final List<Passage> passages;
    /**
     * Each passage's analysed heading and text, without its page's title: analysed once rather
     * than per query. With {@link #titleWords}, what the passage states.
     */
    private final List<Set<String>> passageWords;
    /**
     * {@link #passageWords} with the words of what the passage states by its form ({@link
     * StatedForms}): for the choice of the passage to quote, not for the page's confidence. The
     * same set as {@link #passageWords} for a passage that writes no form.
     */
    private final List<Set<String>> passageWordsAndForms;
    /** Each document's sentence windows ({@link PassageSplitter#windows}), analysed with its title and heading. */
    private final List<List<Set<String>>> windowWords;
    /** Each document's title and tags, analysed: what every one of its passages states. */
    private final List<Set<String>> titleWords;
    /**
     * The runs of analysed words in which each document may name a thing: its title, each tag,
     * each passage with its heading. A name of several words is named by them in a row: "hôtels
     * particuliers" and "vieille ville" are no "hôtel de ville".
     */
    private final List<List<List<String>>> namingRuns;
    /**
     * What each document's sentences are about: its title (first), its headings and its sentences'
     * leads ({@link PassageSplitter#lead}), each with what its sentence or section says.
     */
    private final List<List<Lead>> leads;
    /** Each document's title alone, analysed: what names it. */
    private final List<Set<String>> nameWords;
    /** What each document writes by its form ({@link StatedForms}): the hours, an address, a phone number. */
    private final List<Set<String>> formWords;
    /** The documents whose title or forms state each word: those a query may name, without a scan of all. */
    private final Map<String, List<Integer>> namingDocuments = new HashMap<>();
    /** Each passage's analysed heading (empty for a lead). */
    private final List<Set<String>> headingWords;
    /** Each document's subject: its title's head, before the aspects listed after a comma or colon. */
    private final List<Set<String>> subjectWords;
    /** Passages are stored document after document: those of document d are [firstPassage[d], firstPassage[d+1]). */
    private final int[] firstPassage;
    private final Map<String, Integer> documentIndex = new HashMap<>();
    private final LexicalRetriever lexical;
    private final DenseRetriever dense;
    private final Glossary glossary;

    private KnowledgeIndex(List<KbDocument> documents, List<Passage> passages, LexicalRetriever lexical,
                           DenseRetriever dense, Glossary glossary) {
        this.documents = documents;
        this.passages = passages;
        List<List<String>> passageTerms = passages.stream()
                .map(p -> Answerability.ownTerms(documents.get(p.document()), p)).toList();
        this.passageWords = passageTerms.stream().<Set<String>>map(HashSet::new).toList();
        this.passageWordsAndForms = new ArrayList<>();
        this.formWords = documents.stream().map(d -> new HashSet<String>()).collect(Collectors.toList());
        for (int p = 0; p < passages.size(); p++) {
            Set<String> forms = StatedForms.words(passages.get(p).text(), documents.get(passages.get(p).document()).lang());
            formWords.get(passages.get(p).document()).addAll(forms);
            Set<String> words = passageWords.get(p);
            if (!forms.isEmpty()) {
                words = new HashSet<>(words);
                words.addAll(forms);
            }
            passageWordsAndForms.add(words);
        }
        this.windowWords = documents.stream().map(d -> new ArrayList<Set<String>>()).collect(Collectors.toList());
        for (Passage passage : passages) {
            KbDocument document = documents.get(passage.document());
            for (String window : PassageSplitter.windows(passage.text())) {
                windowWords.get(passage.document()).add(Answerability.statedWords(document,
                        new Passage(passage.document(), passage.heading(), window)));
            }
        }
        this.titleWords = documents.stream()
                .map(d -> Answerability.statedWords(d, new Passage(0, null, ""))).toList();
        this.nameWords = documents.stream()
                .map(d -> Set.copyOf(KbAnalyzers.terms(KbAnalyzers.forLanguage(d.lang()), d.title()))).toList();
        for (int d = 0; d < documents.size(); d++) {
            Set<String> naming = new HashSet<>(nameWords.get(d));
            naming.addAll(formWords.get(d));
            for (String word : naming) {
                namingDocuments.computeIfAbsent(word, w -> new ArrayList<>()).add(d);
            }
        }
        this.subjectWords = documents.stream().map(KnowledgeIndex::subjectWords).toList();
        this.namingRuns = new ArrayList<>();
        this.leads = new ArrayList<>();
        for (KbDocument document : documents) {
            Analyzer analyzer = KbAnalyzers.forLanguage(document.lang());
            List<String> title = KbAnalyzers.terms(analyzer, document.title());
            List<List<String>> naming = new ArrayList<>(List.of(title));
            document.tags().forEach(tag -> naming.add(KbAnalyzers.terms(analyzer, tag)));
            namingRuns.add(naming);
            leads.add(new ArrayList<>(List.of(new Lead(title, List.of(), -1))));
        }
        for (int p = 0; p < passages.size(); p++) {
            Passage passage = passages.get(p);
            Analyzer analyzer = KbAnalyzers.forLanguage(documents.get(passage.document()).lang());
            namingRuns.get(passage.document()).add(passageTerms.get(p));
            String lang = documents.get(passage.document()).lang();
            // A paragraph or a list item goes on about what its sentence names: "Le marché couvert
            // réunit 42 commerçants. Il est ouvert de 7 h à 13 h."
            for (String line : passage.text().split("\n")) {
                List<String> sentences = PassageSplitter.sentences(line);
                List<Set<String>> said = new ArrayList<>();
                for (String sentence : sentences) {
                    Set<String> words = new HashSet<>(KbAnalyzers.terms(analyzer, sentence));
                    words.addAll(StatedForms.words(sentence, lang));
                    said.add(words);
                }
                for (int i = 0; i < sentences.size(); i++) {
                    leads.get(passage.document()).add(new Lead(KbAnalyzers.terms(analyzer,
                            PassageSplitter.lead(sentences.get(i))), said.subList(i, said.size()), p));
                }
            }
            if (passage.heading() != null) {
                leads.get(passage.document()).add(new Lead(KbAnalyzers.terms(analyzer, passage.heading()),
                        List.of(passageWordsAndForms.get(p)), p));
            }
        }
        this.headingWords = passages.stream().map(p -> p.heading() == null ? Set.<String>of()
                : Set.copyOf(KbAnalyzers.terms(KbAnalyzers.forLanguage(documents.get(p.document()).lang()), p.heading())))
                .toList();
        this.firstPassage = new int[documents.size() + 1];
        for (int p = passages.size() - 1; p >= 0; p--) {
            firstPassage[passages.get(p).document()] = p;
        }
        firstPassage[documents.size()] = passages.size();
        for (int d = 0; d < documents.size(); d++) {
            documentIndex.put(documents.get(d).id(), d);
        }
        this.lexical = lexical;
        this.dense = dense;
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
        return new KnowledgeIndex(documents, passages, LexicalRetriever.build(documents, passages),
                new DenseRetriever(store, embedder), glossary);
    }

    private static String embeddingText(List<KbDocument> documents, Passage passage) {
        String title = documents.get(passage.document()).title();
        return passage.heading() == null ? title + ". " + passage.text()
                : title + " — " + passage.heading() + ". " + passage.text();
    }

    int documentCount() {
        return documents.size();
    }

    List<KbDocument> documents() {
        return documents;
    }

    int passageCount() {
        return passages.size();
    }

    List<SearchHit> search(String query, int k, String lang, Predicate<KbDocument> filter) {
        RetrievalQuery transformed = RetrievalQuery.of(query, lang, glossary);
        Answerability.Asked asked = asked(transformed);
        Map<Integer, Double> passageCosines = dense.passageCosines(transformed, CANDIDATES);
        Set<Integer> names = transformed.concepts().size() <= MOST_NAME_CONCEPTS ? named(asked) : Set.of();
        IntUnaryOperator shortOfIt = document -> shortOfWhatIsAsked(asked, document);
        // A page named states all that is asked, in its every window ("the museum opening hours" of
        // the museum's page, whose hours no window calls so; the tourist office's says "horaires").
        List<Integer> ranked = ScoreFusion.top(lexical.documents(transformed, CANDIDATES),
                documentCosines(passageCosines),
                document -> names.contains(document) ? 1 : bestWindowCoverage(asked, document), k,
                document -> filter.test(documents.get(document)), shortOfIt);
        List<SearchHit> hits = new ArrayList<>();
        double ceiling = 1;
        for (int documentIndex : ranked) {
            KbDocument document = documents.get(documentIndex);
            // The document answers as well as its best passage, judged on both kinds of evidence: the
            // passage closest in meaning may not be the one that states what was asked.
            double confidence = -1;
            double mostStated = 0;
            // The passage quoted is the one that answers best in its own words, beyond the page's
            // subject: every passage states its page's title, so on the title's words ("parkings et
            // tarifs") they would tie, and the closest in meaning would be quoted rather than the one
            // that names what was asked (the table's row "Gare"); a lead that names the hotel would
            // outweigh the section on pets. A heading says what its whole passage is about, so what
            // it states counts once more. Only a passage that states something beyond the subject
            // is quoted over the lead: between passages of one page, the cosine alone is noise.
            Set<String> subject = subjectWords.get(documentIndex);
            double subjectCoverage = asked.coverage(document.lang(), subject);
            // A passage that states what the whole title does not comes first: the lead's "a day
            // spa" repeats the title's aspect, the hours' "children are welcome" answers "le spa
            // accepte les enfants ?". Only when none does, one that states an aspect the title
            // lists ("horaires" of "Office de tourisme, horaires et services").
            Set<String> title = titleWords.get(documentIndex);
            double titleCoverage = asked.coverage(document.lang(), title);
            int passageIndex = firstPassage[documentIndex];
            double answersInOwnWords = -1;
            int beyondTitleIndex = -1;
            double answersBeyondTitle = -1;
            boolean named = names.contains(documentIndex);
            Set<Integer> answeringWhose = passagesAnsweringWhose(asked, documentIndex);
            for (int p = firstPassage[documentIndex]; p < firstPassage[documentIndex + 1]; p++) {
                double cosine = passageCosines.getOrDefault(p, Answerability.COSINE_FLOOR);
                // The hours asked are stated by "de 10 h à 18 h": in the choice of the passage, not in the confidence.
                Set<String> own = passageWordsAndForms.get(p);
                double stated = asked.coverage(document.lang(), own, titleWords.get(documentIndex));
                double coverage = named ? 1 : own == passageWords.get(p) ? stated
                        : asked.coverage(document.lang(), passageWords.get(p), titleWords.get(documentIndex));
                confidence = Math.max(confidence, Answerability.confidence(cosine, coverage));
                mostStated = Math.max(mostStated, stated);
                double whose = answeringWhose.contains(p) ? WHOSE_WEIGHT : 0;
                double inOwnWords = answersBeyond(asked, document.lang(), cosine, own, headingWords.get(p), subject,
                        subjectCoverage) + whose;
                if (inOwnWords > answersInOwnWords) {
                    answersInOwnWords = inOwnWords;
                    passageIndex = p;
                }
                double inWordsBeyondTitle = answersBeyond(asked, document.lang(), cosine, own, headingWords.get(p),
                        title, titleCoverage) + whose;
                if (inWordsBeyondTitle > answersBeyondTitle) {
                    answersBeyondTitle = inWordsBeyondTitle;
                    beyondTitleIndex = p;
                }
            }
            if (beyondTitleIndex >= 0) {
                passageIndex = beyondTitleIndex;
            }
            // A question that says no more than the page's subject ("quelles aides financières
            // existent ?") asks about the page as a whole: its lead answers it, not the section closest
            // in meaning. One that names an aspect the title lists after its subject ("Office de
            // tourisme, horaires et services") asks for the section on it.
            if (mostStated <= subjectCoverage) {
                passageIndex = firstPassage[documentIndex];
            }
            if (asked.asksWhose() && shortOfIt.applyAsInt(documentIndex) == NOT_WHOSE) {
                confidence = Math.min(confidence, Answerability.NOT_WHOSE_ASKED);
            }
            Passage passage = passages.get(passageIndex);
            // Scores follow the ranking down, so that a client can cut the list at a threshold.
            ceiling = Math.min(ceiling, confidence);
            hits.add(new SearchHit(document, Math.round(ceiling * 1000) / 1000.0, passage.text(),
                    snippet(passage.text())));
        }
        return hits;
    }

    /**
     * Whether the form of {@code question} names a thing it asks about ({@link AskedAbout}) and a
     * page names that thing: "adresse du conservatoire" where a page lists the conservatoire.
     */
    boolean namesWhatIsAskedAbout(String question, String lang) {
        RetrievalQuery query = RetrievalQuery.of(question, lang, glossary);
        if (!query.askedAbout().namesSomething()) {
            return false;
        }
        Answerability.Asked asked = asked(query);
        for (int d = 0; d < documents.size(); d++) {
            String documentLang = documents.get(d).lang();
            if (namingRuns.get(d).stream().anyMatch(run -> asked.namesWhatIsAskedAbout(documentLang, run))) {
                return true;
            }
        }
        return false;
    }

    /**
     * How far the document falls short of being about what the question asks about: 0 when it
     * names it anywhere, 1 when it never does. Asked for a thing's hours, prices or address: 0
     * when its title names the thing, the page about it ("Se déplacer en tram…" for the tram's
     * hours), 1 when one of its sentences is about it and says more of what is asked (the hours of
     * "Centre aquatique, avenue des Sports : … ouvert de 10 h à 20 h"), {@link #NOT_WHOSE} when
     * none does: the tourist office's "Tram T1, arrêt Cathédrale" gives no hours of the tram, the
     * line on the media libraries' lending card none of theirs.
     */
    private int shortOfWhatIsAsked(Answerability.Asked asked, int document) {
        String lang = documents.get(document).lang();
        List<Lead> about = leads.get(document);
        if (!asked.asksWhose()) {
            return namingRuns.get(document).stream().anyMatch(run -> asked.namesWhatIsAskedAbout(lang, run))
                    ? 0 : 1;
        }
        if (asked.namesWhatIsAskedAbout(lang, about.get(0).run())) {
            return 0;
        }
        return about.stream().anyMatch(lead -> lead.answersWhose(asked, lang)) ? 1 : NOT_WHOSE;
    }

    /**
     * What a sentence is about, as a run of analysed words, and what it says with the sentences
     * after it in its paragraph or list item (a heading: its section), each as a set of analysed
     * words with those of the forms it writes ({@link StatedForms}); the passage it is in, -1 for
     * the page's title.
     */
    private record Lead(List<String> run, List<Set<String>> says, int passage) {
        /** Whether it is about what the question asks about and says more of what is asked: its hours, its prices. */
        boolean answersWhose(Answerability.Asked asked, String lang) {
            return asked.namesWhatIsAskedAbout(lang, run) && asked.saysMoreThanWhatItIsAbout(lang, says);
        }
    }

    /**
     * The passages of {@code document} with a sentence or heading about what the question asks
     * about that gives what is asked of it ({@link Lead#answersWhose}); none when the question
     * asks for no facet of a thing.
     */
    private Set<Integer> passagesAnsweringWhose(Answerability.Asked asked, int document) {
        if (!asked.asksWhose()) {
            return Set.of();
        }
        String lang = documents.get(document).lang();
        Set<Integer> answering = new HashSet<>();
        leads.get(document).stream().filter(lead -> lead.passage() >= 0 && lead.answersWhose(asked, lang))
                .forEach(lead -> answering.add(lead.passage()));
        return answering;
    }

    /**
     * How well a passage answers in its own words ({@code own}, its heading counting once more, and
     * the question's narrower words as much again) what {@code known}, part of its page's title,
     * does not state; -1 when it states nothing more.
     */
    private static double answersBeyond(Answerability.Asked asked, String lang, double cosine, Set<String> own,
                                        Set<String> heading, Set<String> known, double knownCoverage) {
        double beyond = asked.coverage(lang, own, known) - knownCoverage;
        return beyond <= 0 ? -1 : Answerability.confidence(cosine, beyond)
                + HEADING_WEIGHT * (asked.coverage(lang, heading, known) - knownCoverage)
                + NARROWER_WEIGHT * (asked.narrowerCoverage(lang, own, known)
                        - asked.narrowerCoverage(lang, known, Set.of()));
    }

    /**
     * The pages a query names, when it says no more than their titles and only a few titles say it
     * all ("le marché", "les restaurants", "le tram"): it asks about such a page as a whole, which
     * states all of it, though a name alone carries too little information for its coverage to
     * count fully. What the page writes by its form counts with its name: "les horaires du musée"
     * asks the museum's page for the hours its "de 10 h à 18 h" gives. A word many titles hold
     * ("Valmoreau") names no page, nor do the hours alone.
     */
    private Set<Integer> named(Answerability.Asked asked) {
        // A page that states a concept holds the first word of one of its statements: the pages of the
        // concept that the fewest pages may state are checked ("musée" rather than the hours, which many write).
        Set<Integer> candidates = null;
        for (int c = 0; c < asked.concepts(); c++) {
            Set<Integer> stating = new TreeSet<>();
            asked.leadingWords(c).forEach(word -> stating.addAll(namingDocuments.getOrDefault(word, List.of())));
            if (candidates == null || stating.size() < candidates.size()) {
                candidates = stating;
            }
        }
        if (candidates == null) {
            return Set.of();
        }
        Set<Integer> named = new HashSet<>();
        for (int d : candidates) {
            if (named.size() > MOST_NAMED) {
                break;
            }
            String lang = documents.get(d).lang();
            if (asked.statedWhollyBy(lang, nameWords.get(d), formWords.get(d)) && asked.coverage(lang, nameWords.get(d)) > 0) {
                named.add(d);
            }
        }
        return named.size() <= MOST_NAMED ? named : Set.of();
    }

    /**
     * The analysed words of the title's head: territory pages title a subject, then the aspects they
     * cover ("Stationner à Valmoreau, parkings et tarifs", "Office de tourisme : horaires et services").
     */
    private static Set<String> subjectWords(KbDocument document) {
        String subject = TITLE_ASPECTS.split(document.title(), 2)[0];
        return new HashSet<>(KbAnalyzers.terms(KbAnalyzers.forLanguage(document.lang()), subject));
    }

    /** The share of the query's information that the document's best sentence window states. */
    private double bestWindowCoverage(Answerability.Asked asked, int document) {
        String lang = documents.get(document).lang();
        double best = 0;
        for (Set<String> window : windowWords.get(document)) {
            best = Math.max(best, asked.coverage(lang, window));
        }
        return best;
    }

    /** The query's information, each concept weighed by its rarity in the pages. */
    private Answerability.Asked asked(RetrievalQuery query) {
        List<Glossary.Concept> concepts = query.concepts();
        double[] weights = concepts.stream().mapToDouble(c -> c.words().stream()
                .mapToDouble(w -> SMALL_NUMBER.matcher(w).matches() ? lexical.commonWordIdf()
                        : lexical.idf(query.lang(), w)).max().orElse(0)).toArray();
        return new Answerability.Asked(concepts, weights, Answerability.ENOUGH_RARE_WORDS * lexical.rareWordIdf(),
                query.lang(), query.askedAbout());
    }

    /**
     * Whether a passage of {@code document} states some of what {@code text} says, in its words, a
     * synonym or a translation, or all of it with what it states by its form ("et le téléphone ?" of
     * "04 65 71 27 10"; not "et la piscine, elle ouvre à quelle heure ?" of a concert "à 20 h 30"):
     * lexical evidence only, without the search's embedding and scans.
     */
    boolean mentions(KbDocument document, String text, String lang) {
        Integer index = documentIndex.get(document.id());
        if (index == null) {
            return false;
        }
        Answerability.Asked asked = asked(RetrievalQuery.of(text, lang, glossary));
        for (int p = firstPassage[index]; p < firstPassage[index + 1]; p++) {
            if (asked.coverage(document.lang(), passageWords.get(p), titleWords.get(index)) > 0
                    || asked.statedWhollyBy(document.lang(), passageWordsAndForms.get(p), titleWords.get(index))) {
                return true;
            }
        }
        return false;
    }

    /** See {@link KnowledgeBase#shareStated}. */
    double shareStated(KbDocument document, String text, String lang) {
        Integer index = documentIndex.get(document.id());
        if (index == null) {
            return 0;
        }
        Answerability.Asked asked = asked(RetrievalQuery.of(text, lang, glossary));
        double most = 0;
        for (int p = firstPassage[index]; p < firstPassage[index + 1]; p++) {
            most = Math.max(most, asked.coverage(document.lang(), passageWordsAndForms.get(p), titleWords.get(index)));
        }
        return most;
    }

    /** See {@link KnowledgeBase#onlyAsks}. */
    boolean onlyAsks(String text, String lang) {
        return RetrievalQuery.of(text, lang, glossary).concepts().stream()
                .allMatch(concept -> KbAnalyzers.asking(lang, concept.words()));
    }

    /** See {@link KnowledgeBase#statedShare}. */
    ToDoubleFunction<List<String>> statedShare(String question, String lang, KbDocument page) {
        return new StatedShare(question, lang, page);
    }

    /**
     * The question weighed on the first run measured, since a short passage is quoted whole
     * without any; each sentence analysed once, however many runs hold it.
     */
    private final class StatedShare implements ToDoubleFunction<List<String>> {
        private final String question;
        private final String lang;
        private final KbDocument page;
        private final Analyzer analyzer;
        private final Map<String, List<String>> analysed = new HashMap<>();
        private Answerability.Asked asked;
        private Set<String> title;

        StatedShare(String question, String lang, KbDocument page) {
            this.question = question;
            this.lang = lang;
            this.page = page;
            this.analyzer = KbAnalyzers.forLanguage(page.lang());
        }

        @Override
        public double applyAsDouble(List<String> sentences) {
            if (asked == null) {
                asked = asked(RetrievalQuery.of(question, lang, glossary));
                title = Answerability.statedWords(page, new Passage(0, null, ""));
            }
            Set<String> stated = new HashSet<>();
            for (String sentence : sentences) {
                stated.addAll(analysed.computeIfAbsent(sentence, this::statedWords));
            }
            return asked.coverage(page.lang(), stated, title);
        }

        private List<String> statedWords(String sentence) {
            List<String> words = new ArrayList<>(KbAnalyzers.terms(analyzer, sentence));
            words.addAll(StatedForms.words(sentence, page.lang()));
            return words;
        }
    }

    /** Each document's cosine: that of its closest passage. */
    private Map<Integer, Double> documentCosines(Map<Integer, Double> passageCosines) {
        Map<Integer, Double> cosines = new HashMap<>();
        passageCosines.forEach((passage, cosine) -> cosines.merge(passages.get(passage).document(), cosine, Math::max));
        return cosines;
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
