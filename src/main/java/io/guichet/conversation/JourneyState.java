package io.guichet.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a conversation stands in a journey: the slots filled so far (JSON-friendly values:
 * numbers, strings, booleans, dates as {@code {"start","end"}}), the slots skipped, the question
 * awaiting an answer and how often it was asked, and the stage after the questions.
 */
public final class JourneyState {
    /** After the questions: recommend and ask consent, then take a name and a contact. */
    public enum Stage { COLLECTING, CONSENT, CONTACT_NAME, CONTACT_DETAILS, DONE, CANCELLED }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Map<String, Object> slots = new LinkedHashMap<>();
    private final Set<String> skipped = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();
    private Stage stage = Stage.COLLECTING;
    private String awaiting;
    private int attempts;
    private boolean askedAgain;
    private String contactName;
    private String contactEmail;
    private String contactPhone;
    private boolean complete;

    public JourneyState(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Map<String, Object> slots() {
        return slots;
    }

    public Set<String> skipped() {
        return skipped;
    }

    public Stage stage() {
        return stage;
    }

    public void stage(Stage stage) {
        this.stage = stage;
    }

    /** The slot whose question was asked last, or null. */
    public String awaiting() {
        return awaiting;
    }

    /** Asks {@code slot}: a new question resets the count of attempts, the same one adds to it. */
    public void ask(String slot) {
        attempts = slot.equals(awaiting) ? attempts + 1 : 1;
        awaiting = slot;
    }

    /** Whether the awaited question was last put in its second wording, so the next ask takes the other. */
    public boolean askedAgain() {
        return askedAgain;
    }

    public void askedAgain(boolean askedAgain) {
        this.askedAgain = askedAgain;
    }

    public void answered() {
        awaiting = null;
        attempts = 0;
        askedAgain = false;
    }

    /** What the person said that fits no slot, kept for the team, in the order said. */
    public List<String> notes() {
        return notes;
    }

    /** How many times the awaited question has been asked. */
    public int attempts() {
        return attempts;
    }

    public String contactName() {
        return contactName;
    }

    public void contactName(String contactName) {
        this.contactName = contactName;
    }

    /** The e-mail the person gave for the team to answer, or null. */
    public String contactEmail() {
        return contactEmail;
    }

    /** The phone the person gave for the team to call, or null. */
    public String contactPhone() {
        return contactPhone;
    }

    /** Keeps a contact the person gave on their own; null leaves what was there. */
    public void contact(String email, String phone) {
        if (email != null) {
            contactEmail = email;
        }
        if (phone != null) {
            contactPhone = phone;
        }
    }

    /** Forgets the name and contact: the person did not want the request passed on. */
    public void forgetContact() {
        contactName = null;
        contactEmail = null;
        contactPhone = null;
    }

    /** Whether the person gave a way to reach them. */
    public boolean reachable() {
        return contactEmail != null || contactPhone != null;
    }

    /** Whether every required slot was known once the questions ended. */
    public boolean complete() {
        return complete;
    }

    public void complete(boolean complete) {
        this.complete = complete;
    }

    public boolean active() {
        return stage != Stage.DONE && stage != Stage.CANCELLED;
    }

    /** A copy that shares nothing mutable with this one. */
    public JourneyState copy() {
        JourneyState copy = new JourneyState(name);
        copy.slots.putAll(slots);
        copy.skipped.addAll(skipped);
        copy.notes.addAll(notes);
        copy.askedAgain = askedAgain;
        copy.stage = stage;
        copy.awaiting = awaiting;
        copy.attempts = attempts;
        copy.contactName = contactName;
        copy.contactEmail = contactEmail;
        copy.contactPhone = contactPhone;
        copy.complete = complete;
        return copy;
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", name);
        node.set("slots", JSON.valueToTree(slots));
        node.set("skipped", JSON.valueToTree(skipped));
        node.put("stage", stage.name());
        node.put("awaiting", awaiting);
        node.put("attempts", attempts);
        node.put("askedAgain", askedAgain);
        node.set("notes", JSON.valueToTree(notes));
        node.put("contactName", contactName);
        node.put("contactEmail", contactEmail);
        node.put("contactPhone", contactPhone);
        node.put("complete", complete);
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JourneyState fromJson(String json) {
        try {
            var node = JSON.readTree(json);
            JourneyState state = new JourneyState(node.path("name").asText());
            node.path("slots").fields().forEachRemaining(f ->
                    state.slots.put(f.getKey(), JSON.convertValue(f.getValue(), Object.class)));
            node.path("skipped").forEach(s -> state.skipped.add(s.asText()));
            state.stage = Stage.valueOf(node.path("stage").asText(Stage.COLLECTING.name()));
            state.awaiting = node.path("awaiting").isTextual() ? node.path("awaiting").asText() : null;
            state.attempts = node.path("attempts").asInt();
            state.askedAgain = node.path("askedAgain").asBoolean();
            node.path("notes").forEach(n -> state.notes.add(n.asText()));
            state.contactName = node.path("contactName").isTextual() ? node.path("contactName").asText() : null;
            state.contactEmail = node.path("contactEmail").isTextual() ? node.path("contactEmail").asText() : null;
            state.contactPhone = node.path("contactPhone").isTextual() ? node.path("contactPhone").asText() : null;
            state.complete = node.path("complete").asBoolean();
            return state;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a journey state: " + json, e);
        }
    }
}
