package io.guichet.generation;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The values a language model reads in a message that the journey's rules did not understand
 * ("on sera une bonne quarantaine, à la louche"), proposed as text for each field of the
 * journey's form. They are proposals: the caller reads each one with its own rules, as the answer
 * to that field's question, and keeps only what they accept. Blocking: call on a worker.
 */
public final class SlotProposals {
    /** A proposal longer than this is no value of a form's field. */
    private static final int MAX_VALUE_CHARS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(SlotProposals.class);

    private final ChatCompletions model;
    private final Semaphore calls;

    SlotProposals(ChatCompletions model, Semaphore calls) {
        this.model = model;
        this.calls = calls;
    }

    /**
     * A field of the form: its name, its type ("people_count", "date", "choice", "yes_no"…), its
     * label in the person's language, and for a choice the labels of its options.
     */
    public record Field(String name, String type, String label, List<String> options) {
    }

    /**
     * The values {@code message} states for {@code fields}, by field name, as text; empty when it
     * states none, or when the model fails, is busy or is slow: the rules' reading then stands.
     */
    public Map<String, String> propose(String message, String lang, List<GroundedAnswers.Line> lastLines,
                                       List<Field> fields) {
        if (fields.isEmpty() || !calls.tryAcquire()) {
            return Map.of();
        }
        try {
            return read(model.complete(GroundedPrompt.slotsSystem(lang), GroundedPrompt.slotsUser(message, lastLines,
                    fields)), fields);
        } catch (ChatCompletions.Failure e) {
            LOG.warn("no slot values proposed: {}", e.getMessage());
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } finally {
            calls.release();
        }
    }

    /** The reply's JSON object, its first one: the fields asked for, each a short text, a number or a yes/no. */
    static Map<String, String> read(String reply, List<Field> fields) {
        int start = reply.indexOf('{');
        int end = reply.lastIndexOf('}');
        if (start < 0 || end < start) {
            return Map.of();
        }
        JsonObject proposed;
        try {
            proposed = new JsonObject(reply.substring(start, end + 1));
        } catch (DecodeException | ClassCastException e) {
            return Map.of();
        }
        Set<String> names = fields.stream().map(Field::name).collect(Collectors.toSet());
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : proposed.fieldNames()) {
            Object value = proposed.getValue(name);
            String text = value instanceof String s ? s.strip()
                    : value instanceof Number || value instanceof Boolean ? String.valueOf(value) : "";
            if (names.contains(name) && !text.isEmpty() && text.length() <= MAX_VALUE_CHARS
                    && !PlantedInstructions.planted(text)) {
                values.put(name, text);
            }
        }
        return values;
    }
}
