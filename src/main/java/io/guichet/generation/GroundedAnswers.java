package io.guichet.generation;

import io.vertx.core.Vertx;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Short answers written by a language model from the knowledge base's passages only, each citing
 * the passages it uses. Whatever goes wrong (an error, the time limit, a reply that cites nothing
 * or a passage it was not given) comes back as {@link Outcome.Failed}, for the caller to quote
 * the pages as it does without a model. Blocking: call on a worker.
 */
public final class GroundedAnswers {
    /** What the model writes, alone, when the passages do not answer the question. */
    static final String NO_ANSWER = "NO_ANSWER";
    /** A citation as the model must write it: the id of a passage sent, in square brackets. */
    static final Pattern CITATION = Pattern.compile("\\[(p\\d+)]");
    /** Anything in brackets that looks like a citation, valid or not. */
    private static final Pattern CITATION_LIKE = Pattern.compile("\\[\\s*[pP]\\s*\\d+\\s*]");
    /** A figure, its thousands possibly spaced or dotted and its decimals after a comma or a point. */
    private static final Pattern FIGURE = Pattern.compile("(\\d+(?:[ .,\\u00a0\\u202f]\\d{3})*(?:[.,]\\d+)?)"
            + "(?:[ \\u00a0\\u202f]?(€|euros?|eur\\b|%|heures?|h\\b|km\\b|m²|m2\\b|min\\b|ans?\\b))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Longer than the quotes of an extractive answer would be no short answer. */
    static final int MAX_ANSWER_CHARS = 1200;
    /** Calls at once: more turns wait for nobody, they quote the pages. */
    static final int CONCURRENT_CALLS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(GroundedAnswers.class);

    private final ChatCompletions model;
    private final Semaphore calls = new Semaphore(CONCURRENT_CALLS);
    private final SlotProposals slotProposals;

    private GroundedAnswers(ChatCompletions model) {
        this.model = model;
        this.slotProposals = new SlotProposals(model, calls);
    }

    /** The same model read for a journey's facts, within the same bound on calls at once. */
    public SlotProposals slotProposals() {
        return slotProposals;
    }

    /** Answers from the model at {@code endpoint}. */
    public static GroundedAnswers at(Vertx vertx, ModelEndpoint endpoint) {
        return new GroundedAnswers(new ChatCompletions(vertx, endpoint));
    }

    /** A passage the model may use, under the id it cites it by ("p1"); masked before it is sent. */
    public record Passage(String id, String title, LocalDate updated, String text) {
    }

    /** One earlier line of the conversation: who said it ("user" or "bot") and what; masked before it is sent. */
    public record Line(String from, String text) {
    }

    /** What the model made of the question. */
    public sealed interface Outcome {
        /** An answer, without its citations, and the ids of the passages it cites, in order. */
        record Answered(String text, List<String> cited) implements Outcome {
        }

        /** The model says the passages do not answer the question. */
        record NotAnswered() implements Outcome {
        }

        /** No usable answer: the caller quotes the pages. */
        record Failed(String reason) implements Outcome {
        }
    }

    /**
     * The answer to {@code question} in {@code lang} ("fr" or "en") from {@code passages}, with
     * the conversation's {@code lastLines} for context. With {@code drafted}, the answer is
     * streamed and told to it while it is written ({@link Draft}); the outcome, checked whole,
     * decides what the person is finally shown.
     */
    public Outcome answer(String question, String lang, List<Line> lastLines, List<Passage> passages,
                          Consumer<String> drafted) {
        if (!calls.tryAcquire()) {
            return failed("already " + CONCURRENT_CALLS + " calls under way");
        }
        String system = GroundedPrompt.system(lang);
        String user = GroundedPrompt.user(question, lastLines, passages);
        Draft draft = drafted == null ? null : new Draft(passages, drafted);
        try {
            return read(draft == null ? model.complete(system, user) : model.stream(system, user, draft::add), passages);
        } catch (ChatCompletions.Failure e) {
            return failed(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted");
        } finally {
            if (draft != null) {
                draft.close();
            }
            calls.release();
        }
    }

    private static Outcome failed(String reason) {
        // The endpoint's address and key stay out of the log: the reason says what went wrong.
        LOG.warn("generated answer dropped, the pages are quoted instead: {}", reason);
        return new Outcome.Failed(reason);
    }

    /**
     * The model's reply checked: every citation one of the passages {@code sent}, at least one, a
     * short text, every figure it states (a price, an hour, a date, a count) found in the passages
     * it cites, and none of its own instructions repeated.
     */
    static Outcome read(String reply, List<Passage> passages) {
        List<String> sent = passages.stream().map(Passage::id).toList();
        String text = reply.strip();
        if (text.contains(NO_ANSWER)) {
            return new Outcome.NotAnswered();
        }
        Set<String> cited = new LinkedHashSet<>();
        Matcher citation = CITATION.matcher(text);
        while (citation.find()) {
            cited.add(citation.group(1));
        }
        if (cited.isEmpty()) {
            return failed("an answer that cites no passage");
        }
        if (!sent.containsAll(cited)) {
            return failed("an answer that cites a passage it was not given");
        }
        String shown = withoutCitations(text);
        if (shown.isEmpty() || shown.length() > MAX_ANSWER_CHARS) {
            return failed("an answer of " + shown.length() + " characters");
        }
        String citedText = passages.stream().filter(passage -> cited.contains(passage.id()))
                .map(passage -> passage.title() + " " + passage.text()).reduce("", (a, b) -> a + " " + b);
        if (!figures(citedText).containsAll(figures(shown))) {
            return failed("an answer stating a figure its passages do not");
        }
        if (GroundedPrompt.repeatsInstructions(shown)) {
            return failed("an answer repeating its instructions");
        }
        return new Outcome.Answered(shown, List.copyOf(cited));
    }

    /** The text as the person reads it: its citations out (the cards show the sources), spaces tidied. */
    static String withoutCitations(String text) {
        return CITATION_LIKE.matcher(text).replaceAll("").replaceAll("[ \\t]+([.,;:!?])", "$1")
                .replaceAll("[ \\t]{2,}", " ").strip();
    }

    /**
     * The figures of a text, by their digits ("1 500" and "1500" alike, "9 h 30" two figures), and
     * those with a unit also with it ("10€", "10h"): a model talked into promising "10 €" cites a
     * page that states 10 h, not 10 €.
     */
    static Set<String> figures(String text) {
        Set<String> figures = new LinkedHashSet<>();
        Matcher figure = FIGURE.matcher(text);
        while (figure.find()) {
            String digits = figure.group(1).replaceAll("\\D", "").replaceFirst("^0+(?=\\d)", "");
            figures.add(digits);
            if (figure.group(2) != null) {
                figures.add(digits + unit(figure.group(2)));
            }
        }
        return figures;
    }

    /** What a figure counts, one spelling for each: "€", "%", "h", "km", "m²", "min", "an". */
    private static String unit(String written) {
        String unit = written.toLowerCase(Locale.ROOT);
        if (unit.startsWith("eur") || unit.equals("€")) {
            return "€";
        }
        if (unit.startsWith("heure")) {
            return "h";
        }
        if (unit.equals("m2")) {
            return "m²";
        }
        return unit.startsWith("an") ? "an" : unit;
    }
}
