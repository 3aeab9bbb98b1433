package io.guichet.nlu;

import io.guichet.embedding.SentenceEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.ml.maxent.GISTrainer;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Two views of an utterance vote on its intent: a maxent classifier over stemmed words and word
 * pairs (precise on the domain's vocabulary), and the nearest training examples in embedding
 * space (robust to paraphrase). Neither one's confidence says whether the text is in scope at
 * all, so a third signal gates out-of-scope text to {@code none}: how close the utterance comes
 * to any in-scope example, and how much of its vocabulary the engine knows.
 */
final class IntentClassifier {
    /** Share of the maxent vote; the rest is the nearest-neighbour vote. */
    static final double LEXICAL_WEIGHT = 0.5;
    /** Neighbours per intent averaged into its similarity. */
    private static final int NEIGHBOURS = 3;
    /** Softmax temperature over per-intent similarities: e5's cosines differ by hundredths. */
    private static final double TEMPERATURE = 0.0075;
    /**
     * Below this cosine to every in-scope example an utterance is out of scope, whatever the
     * votes say. Only a coarse net: in-scope and out-of-scope cosines overlap (the model is
     * English-trained), and the trained {@code none} class does the rest.
     */
    static final double MIN_SIMILARITY = 0.75;
    /** A winning in-scope intent below this combined confidence yields {@code none}. */
    static final double MIN_CONFIDENCE = 0.40;
    /**
     * A greeting, thanks or goodbye is a set phrase, recognised with confidence when it is one;
     * below even odds the text is something else that only looks short and social ("parle plus
     * fort" read as "à plus", "supprimer tous les événements" as a greeting), and an honest "I
     * did not understand" serves better than a farewell.
     */
    static final double MIN_FORMULA_CONFIDENCE = 0.50;
    private static final Set<String> FORMULAS = Set.of(Intents.GREETING, Intents.THANKS, Intents.GOODBYE);
    /**
     * What a request for a person names, folded: the person (a human, an advisor, someone of the
     * team), the means (a call, the phone, a meeting) or the bot it wants to leave. A question on
     * the pages' subjects that shares other words with those requests ("quel lien entretient
     * Roger avec sa mère ?", "qu'est-ce qui est rendu possible par…") names none of them, and
     * handing it to the team would leave it unanswered.
     */
    private static final Pattern NAMES_A_PERSON_OR_A_CALL = Pattern.compile("\\b(?:conseill|humain|human|person"
            + "|people|quelqu.?un|someone|somebody|anyone|agent|operat|collaborat|charge.? d|membre|member|staff"
            + "|equipe|team|interlocut|expert|advis|consultant|rappel|recontact|contact|joindre|appel|call|phone"
            + "|telephon|transfer|robot|bot\\b|chatbot|rdv|rendez|appointment|vive voix|parler|speak|talk)");

    private final DocumentCategorizerME maxent;
    private final SentenceEmbedder embedder;
    private final Vocabulary vocabulary;
    private final List<String> labels;
    private final float[][] exampleVectors;
    private final int[] exampleLabels;
    /** Whether each example is one of the {@code none} file's requests out of the territory's scope. */
    private final boolean[] outOfScopeExamples;
    /** Share of the training examples per intent. */
    private final double[] prior;

    private IntentClassifier(DocumentCategorizerME maxent, SentenceEmbedder embedder, Vocabulary vocabulary,
                             List<String> labels, float[][] exampleVectors, int[] exampleLabels,
                             boolean[] outOfScopeExamples) {
        this.outOfScopeExamples = outOfScopeExamples;
        this.maxent = maxent;
        this.embedder = embedder;
        this.vocabulary = vocabulary;
        this.labels = labels;
        this.exampleVectors = exampleVectors;
        this.exampleLabels = exampleLabels;
        this.prior = new double[labels.size()];
        for (int label : exampleLabels) {
            prior[label] += 1.0 / exampleLabels.length;
        }
    }

    static IntentClassifier train(List<IntentFile> files, SentenceEmbedder embedder) {
        Vocabulary vocabulary = new Vocabulary();
        List<String> texts = new ArrayList<>();
        List<String> textLabels = new ArrayList<>();
        List<DocumentSample> samples = new ArrayList<>();
        List<Boolean> outOfScope = new ArrayList<>();
        for (IntentFile file : files) {
            for (boolean out : new boolean[] {false, true}) {
                (out ? file.outOfScope() : file.examples()).forEach((lang, examples) -> examples.forEach(example -> {
                    List<String> tokens = TextNormalizer.tokens(example);
                    vocabulary.addAll(tokens);
                    texts.add(example);
                    textLabels.add(file.intent());
                    outOfScope.add(out);
                    samples.add(new DocumentSample(file.intent(), features(tokens, lang)));
                }));
            }
        }
        if (samples.isEmpty()) {
            throw new IllegalStateException("no intent examples to train on");
        }
        List<String> labels = textLabels.stream().distinct().sorted().toList();
        float[][] vectors = embedder.embedQueries(texts).toArray(float[][]::new);
        int[] vectorLabels = textLabels.stream().mapToInt(labels::indexOf).toArray();
        boolean[] outOfScopeExamples = new boolean[outOfScope.size()];
        for (int e = 0; e < outOfScopeExamples.length; e++) {
            outOfScopeExamples[e] = outOfScope.get(e);
        }
        return new IntentClassifier(trainMaxent(samples), embedder, vocabulary, labels, vectors, vectorLabels,
                outOfScopeExamples);
    }

    private static DocumentCategorizerME trainMaxent(List<DocumentSample> samples) {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, GISTrainer.MAXENT_VALUE);
        params.put(TrainingParameters.ITERATIONS_PARAM, 200);
        // The default cutoff of 5 would discard nearly every feature of a corpus this small.
        params.put(TrainingParameters.CUTOFF_PARAM, 0);
        try {
            FeatureGenerator[] generators = {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)};
            DoccatModel model = DocumentCategorizerME.train("mul", new CollectionObjectStream<>(samples), params,
                    new DoccatFactory(generators));
            return new DocumentCategorizerME(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stemmed words with numbers generalised, so "40 personnes" and "12 personnes" look alike. */
    private static String[] features(List<String> tokens, String lang) {
        return tokens.stream()
                .map(t -> Character.isDigit(t.charAt(0)) ? "#num" : Stemmers.stem(t, lang))
                .toArray(String[]::new);
    }

    /** Every known intent with its confidence, best first; the first is the decision. */
    List<IntentScore> rank(String text, String lang) {
        return understand(text, lang).ranking();
    }

    /**
     * The ranking of the intents, and whether the message, taken as {@code none}, is closest to
     * a request the territory does not deal with at all.
     */
    record Understood(List<IntentScore> ranking, boolean outOfScope) {
    }

    Understood understand(String text, String lang) {
        List<String> tokens = TextNormalizer.tokens(text).stream().map(vocabulary::correct).toList();
        if (tokens.isEmpty()) {
            return new Understood(List.of(new IntentScore(Intents.NONE, 1.0)), false);
        }
        double[] lexical = alignedMaxent(features(tokens, lang));
        float[] query = embedder.embedQuery(text);
        double[] similarity = similarityPerIntent(query);
        double[] neighbours = softmax(similarity);
        int none = labels.indexOf(Intents.NONE);
        double[] combined = new double[labels.size()];
        for (int i = 0; i < combined.length; i++) {
            combined[i] = LEXICAL_WEIGHT * lexical[i] + (1 - LEXICAL_WEIGHT) * neighbours[i];
        }

        double bestInScope = 0;
        for (int i = 0; i < labels.size(); i++) {
            if (i != none) {
                bestInScope = Math.max(bestInScope, similarity[i]);
            }
        }
        List<IntentScore> ranking = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            ranking.add(new IntentScore(labels.get(i), round(combined[i])));
        }
        ranking.sort(Comparator.comparingDouble(IntentScore::confidence).reversed());
        IntentScore top = ranking.get(0);
        // Not one word the engine was trained on, even after mending typos: another language,
        // gibberish, or a subject the territory never deals with.
        boolean outOfScope = bestInScope < MIN_SIMILARITY || tokens.stream().noneMatch(vocabulary::contains);
        double floor = FORMULAS.contains(top.name()) ? MIN_FORMULA_CONFIDENCE : MIN_CONFIDENCE;
        boolean unfounded = top.name().equals(Intents.HUMAN_HANDOFF)
                && !NAMES_A_PERSON_OR_A_CALL.matcher(TextNormalizer.fold(text)).find();
        if (!top.name().equals(Intents.NONE) && (outOfScope || unfounded || top.confidence() < floor)) {
            double noneConfidence = round(Math.max(1 - top.confidence(), none >= 0 ? combined[none] : 0));
            ranking.removeIf(s -> s.name().equals(Intents.NONE));
            ranking.add(0, new IntentScore(Intents.NONE, noneConfidence));
        }
        // Words the engine never saw are not understood, rather than understood and out of scope.
        return new Understood(ranking, ranking.get(0).name().equals(Intents.NONE)
                && tokens.stream().anyMatch(vocabulary::contains) && outOfScopeExamples[nearestExample(query)]);
    }

    private int nearestExample(float[] query) {
        int nearest = 0;
        double best = -2;
        for (int e = 0; e < exampleVectors.length; e++) {
            double cos = SentenceEmbedder.dot(query, exampleVectors[e]);
            if (cos > best) {
                best = cos;
                nearest = e;
            }
        }
        return nearest;
    }

    /**
     * Maxent probabilities in the order of {@link #labels}, with the class priors it learned from
     * the files' sizes divided out: an intent is not likelier because its file has more examples
     * ({@code none}, which gathers every kind of question, is the largest by far).
     */
    private double[] alignedMaxent(String[] features) {
        double[] raw = maxent.categorize(features);
        double[] out = new double[labels.size()];
        double sum = 0;
        for (int i = 0; i < raw.length; i++) {
            int index = labels.indexOf(maxent.getCategory(i));
            out[index] = raw[i] / prior[index];
            sum += out[index];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    /** Mean cosine of the few nearest examples of each intent. */
    private double[] similarityPerIntent(float[] query) {
        int intents = labels.size();
        double[][] best = new double[intents][NEIGHBOURS];
        for (double[] row : best) {
            Arrays.fill(row, -1);
        }
        for (int e = 0; e < exampleVectors.length; e++) {
            double cos = SentenceEmbedder.dot(query, exampleVectors[e]);
            double[] row = best[exampleLabels[e]];
            int weakest = 0;
            for (int k = 1; k < NEIGHBOURS; k++) {
                if (row[k] < row[weakest]) {
                    weakest = k;
                }
            }
            if (cos > row[weakest]) {
                row[weakest] = cos;
            }
        }
        double[] out = new double[intents];
        for (int i = 0; i < intents; i++) {
            out[i] = Arrays.stream(best[i]).filter(v -> v > -1).average().orElse(0);
        }
        return out;
    }

    private static double[] softmax(double[] scores) {
        double max = Arrays.stream(scores).max().orElse(0);
        double[] out = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            out[i] = Math.exp((scores[i] - max) / TEMPERATURE);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    Map<String, Integer> exampleCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (int label : exampleLabels) {
            counts.merge(labels.get(label), 1, Integer::sum);
        }
        return counts;
    }
}
