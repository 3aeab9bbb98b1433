package io.guichet.generation;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * A streamed answer as the person sees it while the model writes it: whole words only, its
 * citations taken out, and only while what is written passes the checks its whole text will
 * face (figures the passages state, no passage cited that was not sent, none of the model's
 * own instructions). The first failure stops the stream: the answer would be dropped anyway,
 * and the quote comes sooner. The committed answer, checked whole, replaces the draft.
 */
final class Draft {
    private final Consumer<String> told;
    private final Set<String> sentIds;
    private final Set<String> sentFigures;
    private final StringBuilder written = new StringBuilder();
    /** What the person was told so far, citations out. */
    private String shown = "";
    /** Once the answer is complete or given up, nothing more is told. */
    private boolean closed;
    /** The model says the passages do not answer: the rest is read whole, and nothing is told. */
    private boolean silent;

    /** A draft of an answer written from {@code passages}, told piece by piece to {@code told}. */
    Draft(List<GroundedAnswers.Passage> passages, Consumer<String> told) {
        this.told = told;
        this.sentIds = Set.copyOf(passages.stream().map(GroundedAnswers.Passage::id).toList());
        this.sentFigures = GroundedAnswers.figures(String.join(" ", passages.stream()
                .map(passage -> passage.title() + " " + passage.text()).toList()));
    }

    /** Takes the next piece the model wrote; false when the answer fails a check and the stream must stop. */
    synchronized boolean add(String piece) {
        if (closed) {
            return false;
        }
        written.append(piece);
        String settled = settled(written.toString());
        Matcher citation = GroundedAnswers.CITATION.matcher(settled);
        while (citation.find()) {
            if (!sentIds.contains(citation.group(1))) {
                return stop();
            }
        }
        String clean = GroundedAnswers.withoutCitations(settled);
        if (clean.contains(GroundedAnswers.NO_ANSWER)) {
            silent = true;
        }
        if (silent || GroundedAnswers.NO_ANSWER.startsWith(clean)) {
            return true;
        }
        if (clean.length() > GroundedAnswers.MAX_ANSWER_CHARS || GroundedPrompt.repeatsInstructions(clean)
                || !sentFigures.containsAll(GroundedAnswers.figures(clean))) {
            return stop();
        }
        if (clean.length() > shown.length() && clean.startsWith(shown)) {
            told.accept(clean.substring(shown.length()));
            shown = clean;
        }
        return true;
    }

    private boolean stop() {
        closed = true;
        return false;
    }

    /** Nothing more is told: called before the turn commits, so that no piece comes after its answer. */
    synchronized void close() {
        closed = true;
    }

    /**
     * What is written up to its last whole word: not into a citation still open ("[p"), and not
     * between the groups of a figure ("1" of "1 500 €"), whose check would fail on a part.
     */
    static String settled(String written) {
        int open = written.lastIndexOf('[');
        String text = open > written.lastIndexOf(']') ? written.substring(0, open) : written;
        for (int end = text.length() - 1; end > 0; end--) {
            if (Character.isWhitespace(text.charAt(end)) && !Character.isDigit(text.charAt(end - 1))
                    && !Character.isWhitespace(text.charAt(end - 1))) {
                return text.substring(0, end);
            }
        }
        return "";
    }
}
