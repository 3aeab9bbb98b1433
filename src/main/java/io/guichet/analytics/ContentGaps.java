package io.guichet.analytics;

import io.guichet.embedding.SentenceEmbedder;
import io.guichet.nlu.Entity;
import io.guichet.nlu.EntityExtractor;
import io.guichet.nlu.TextNormalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the questions the bot could not answer by meaning, so that the dashboard shows which
 * content is missing, most asked first: "plage où les chiens sont acceptés ?" and "est-ce que je
 * peux emmener mon chien à la plage" are one gap, not two. Questions equal once folded (case,
 * accents, punctuation) are merged first, so a question asked a thousand times costs one
 * embedding. The distinct wordings are then grouped by average-linkage agglomerative clustering
 * of their cosines: two groups merge only if their members are, on average, as close as
 * paraphrases are, where single linkage would chain neighbours of neighbours into one group
 * about everything.
 * E-mails and phone numbers are masked before anything else: what reaches the dashboard, and the
 * embedder's cache, carries no one's contact details.
 */
public final class ContentGaps {
    /**
     * A question the bot could not answer, as it was typed, {@code asked} times, last at
     * {@code at}. Its language is not read: one topic asked in two languages should be one gap,
     * though the model seldom sees it ({@link #SAME_TOPIC}).
     */
    public record Question(String text, String lang, Instant at, int asked) {
        /** A question asked once. */
        public Question(String text, String lang, Instant at) {
            this(text, lang, at, 1);
        }
    }

    /**
     * One missing topic: how many questions asked it, the medoid of the group (the wording
     * closest to all the others), up to the requested number of distinct wordings, newest
     * first, when it was last asked, and the {@link #key}s of all its wordings. Texts are masked.
     */
    public record Gap(int count, String representative, List<String> examples, Instant lastAsked, List<String> keys) {
    }

    /**
     * What identifies a wording across reads, whatever the group it falls in: the SHA-256 of the
     * text masked and folded (case, accents, spacing, punctuation). A status given to a gap is kept
     * under its wordings' keys, so it holds when the groups are made again with new questions.
     */
    public static String key(String text) {
        return sha256(folded(mask(text)));
    }

    private static String folded(String masked) {
        return String.join(" ", TextNormalizer.tokens(masked));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Two groups whose average cosine reaches this are one topic. e5-small's cosines are high
     * between any two sentences (0.7 to 1.0), so the line sits far above thresholds borrowed
     * from other models. Measured on the development sets, pairs of questions on one topic
     * against pairs on different ones:
     * <ul>
     * <li>real French questions on Wikipedia paragraphs (300; same paragraph = same topic):
     * same-topic pairs median 0.831, different 0.799; at 0.86 pairwise precision 0.23, recall
     * 0.27, and 75% of the pairs grouped are about the same article;</li>
     * <li>chat-style questions on the territory (90; same pages answer): same 0.788, different
     * 0.778; at 0.86 precision 0.43, recall 0.05 (3 of 7 pairs grouped). A French and an
     * English wording of one topic sit at 0.761, no closer than unrelated pairs across languages
     * (0.753): the model is English-trained, so the two languages of one gap make two groups;</li>
     * <li>real out-of-scope requests (216, same intent = same topic): same 0.831, different
     * 0.803; at 0.86 precision 0.41, recall 0.16;</li>
     * <li>all 606 together: at 0.86 precision 0.33, recall 0.17, the best precision-weighted
     * F-measure (F0.5 0.275) of 0.80 to 0.95; at 0.83 precision falls to 0.15, at 0.80 one group
     * takes 321 of the 606.</li>
     * </ul>
     * Precision weighs more than recall: a wrong merge hides a gap inside another, a missed one
     * only shows a gap as two rows, and the counts say which rows are worth reading.
     */
    static final double SAME_TOPIC = 0.86;
    /**
     * Distinct wordings clustered at most, the most recent ones. Clustering keeps one cosine per
     * pair (3,000 → 4.5 million floats, 18 MB) and its time grows with their number, and every
     * wording costs one embedding; the dashboard is about what is missing now, and a gap still
     * asked has recent wordings. Older wordings beyond the bound are left out of the counts.
     * Measured on two cores: 3,000 wordings grouped in 8.6 s, 0.7 s of it clustering, the rest
     * embedding.
     */
    static final int MAX_CLUSTERED = 3_000;

    private static final String EMAIL_MASK = "[e-mail]";
    private static final String PHONE_MASK = "[téléphone]";
    /** The contact details the bot reads in a message, found the same way here: what it takes as one is masked. */
    private static final EntityExtractor CONTACTS = new EntityExtractor();
    /** Contact details do not depend on the day; entity extraction needs one for the dates it also reads. */
    private static final LocalDate ANY_DAY = LocalDate.of(2000, 1, 1);

    private final SentenceEmbedder embedder;

    public ContentGaps(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    /**
     * Groups by meaning, largest first (ties: most recent first). Questions without a word or a
     * digit ("?", "...") say nothing to group and are left out.
     */
    public List<Gap> group(List<Question> questions, int examples) {
        if (examples < 0) {
            throw new IllegalArgumentException("examples must not be negative: " + examples);
        }
        List<Wording> wordings = recentWordings(questions);
        if (wordings.isEmpty()) {
            return List.of();
        }
        float[][] vectors = embedder.embedQueries(wordings.stream().map(w -> w.text).toList())
                .toArray(float[][]::new);
        List<Gap> gaps = new ArrayList<>();
        for (int[] members : cluster(vectors, SAME_TOPIC)) {
            gaps.add(gap(members, wordings, vectors, examples));
        }
        gaps.sort(Comparator.comparingInt(Gap::count).reversed()
                .thenComparing(Gap::lastAsked, Comparator.reverseOrder()));
        return gaps;
    }

    /** E-mails become "[e-mail]" and phone numbers "[téléphone]". */
    public static String mask(String text) {
        StringBuilder masked = new StringBuilder(text);
        CONTACTS.extract(text, ANY_DAY).stream()
                .filter(entity -> entity.type().equals("email") || entity.type().equals("phone"))
                .sorted(Comparator.comparingInt(Entity::start).reversed())
                .forEach(entity -> masked.replace(entity.start(), entity.end(),
                        entity.type().equals("email") ? EMAIL_MASK : PHONE_MASK));
        return masked.toString();
    }

    /** The questions equal once folded, merged: the newest wording stands for them all. */
    private static final class Wording {
        final String folded;
        String text;
        Instant lastAsked;
        int count;

        Wording(String folded, String text, Instant at) {
            this.folded = folded;
            this.text = text;
            this.lastAsked = at;
        }

        void add(String text, Instant at, int asked) {
            count += asked;
            if (at.isAfter(lastAsked)) {
                this.text = text;
                this.lastAsked = at;
            }
        }
    }

    /** The distinct wordings, masked, the {@link #MAX_CLUSTERED} most recent. */
    private static List<Wording> recentWordings(List<Question> questions) {
        Map<String, Wording> byFolded = new LinkedHashMap<>();
        for (Question question : questions) {
            // Masked before folding: the same question with two different phone numbers is one wording.
            String masked = mask(question.text());
            String folded = folded(masked);
            if (!folded.isEmpty()) {
                byFolded.computeIfAbsent(folded, k -> new Wording(k, masked, question.at()))
                        .add(masked, question.at(), question.asked());
            }
        }
        return byFolded.values().stream()
                .sorted(Comparator.comparing((Wording w) -> w.lastAsked).reversed())
                .limit(MAX_CLUSTERED)
                .toList();
    }

    private static Gap gap(int[] members, List<Wording> wordings, float[][] vectors, int examples) {
        int count = 0;
        float[] weightedSum = new float[vectors[0].length];
        for (int member : members) {
            int asked = wordings.get(member).count;
            count += asked;
            for (int d = 0; d < weightedSum.length; d++) {
                weightedSum[d] += asked * vectors[member][d];
            }
        }
        // The medoid maximises the summed cosine to every question of the group, duplicates
        // included; that sum is the dot product with the group's count-weighted vector sum.
        int medoid = members[0];
        float closest = Float.NEGATIVE_INFINITY;
        for (int member : members) {
            float closeness = SentenceEmbedder.dot(vectors[member], weightedSum);
            if (closeness > closest) {
                closest = closeness;
                medoid = member;
            }
        }
        List<Wording> newestFirst = Arrays.stream(members).mapToObj(wordings::get)
                .sorted(Comparator.comparing((Wording w) -> w.lastAsked).reversed())
                .toList();
        return new Gap(count, wordings.get(medoid).text,
                newestFirst.stream().limit(examples).map(w -> w.text).toList(),
                newestFirst.get(0).lastAsked, newestFirst.stream().map(w -> sha256(w.folded)).toList());
    }

    /**
     * Average-linkage clustering of unit vectors, stopped where the average cosine between two
     * groups falls below {@code threshold}; returns the members of each group. Uses the
     * nearest-neighbour chain, whose time grows with the number of pairs and which needs no
     * priority queue: follow each group to its most similar one until two groups are each
     * other's most similar, and merge them. Average linkage never makes a merged group more
     * similar to a third than the closer of its two parts was, so a group whose best cosine is
     * below the threshold will never merge again, nor will the chain that led to it (its
     * cosines only rise towards the top): they are final as they stand.
     */
    static List<int[]> cluster(float[][] vectors, double threshold) {
        int n = vectors.length;
        float[] similarity = new float[n * (n - 1) / 2];
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                similarity[pair(i, j)] = SentenceEmbedder.dot(vectors[i], vectors[j]);
            }
        }
        List<List<Integer>> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            members.add(new ArrayList<>(List.of(i)));
        }
        boolean[] open = new boolean[n];
        Arrays.fill(open, true);
        int stillOpen = n;
        int nextStart = 0;
        Deque<Integer> chain = new ArrayDeque<>();
        while (stillOpen > 0) {
            if (chain.isEmpty()) {
                while (!open[nextStart]) {
                    nextStart++;
                }
                chain.push(nextStart);
            }
            int top = chain.pop();
            Integer previous = chain.peek();
            // On a tie the previous group wins, or the chain could circle between equals forever.
            int nearest = previous == null ? -1 : previous;
            float best = previous == null ? Float.NEGATIVE_INFINITY : similarity[pair(top, previous)];
            for (int other = 0; other < n; other++) {
                if (open[other] && other != top && similarity[pair(top, other)] > best) {
                    best = similarity[pair(top, other)];
                    nearest = other;
                }
            }
            if (nearest < 0 || best < threshold) {
                open[top] = false;
                stillOpen--;
                for (int linked : chain) {
                    open[linked] = false;
                    stillOpen--;
                }
                chain.clear();
            } else if (previous != null && nearest == previous) {
                chain.pop();
                merge(top, nearest, similarity, members, open);
                stillOpen--;
            } else {
                chain.push(top);
                chain.push(nearest);
            }
        }
        return members.stream().filter(group -> !group.isEmpty())
                .map(group -> group.stream().mapToInt(Integer::intValue).toArray())
                .toList();
    }

    /** Folds group {@code from} into {@code into}: its cosine to any other is the size-weighted mean of theirs. */
    private static void merge(int into, int from, float[] similarity, List<List<Integer>> members, boolean[] open) {
        int intoSize = members.get(into).size();
        int fromSize = members.get(from).size();
        for (int other = 0; other < open.length; other++) {
            if (open[other] && other != into && other != from) {
                similarity[pair(into, other)] = (intoSize * similarity[pair(into, other)]
                        + fromSize * similarity[pair(from, other)]) / (intoSize + fromSize);
            }
        }
        members.get(into).addAll(members.get(from));
        members.get(from).clear();
        open[from] = false;
    }

    /** Index of the pair {i, j}, i ≠ j, in the lower triangle stored row after row. */
    private static int pair(int i, int j) {
        return i > j ? i * (i - 1) / 2 + j : j * (j - 1) / 2 + i;
    }
}
