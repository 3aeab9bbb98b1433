package io.guichet.http;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.JourneyState;
import io.guichet.dialogue.Reply;
import io.guichet.dialogue.Turn;
import io.guichet.kb.SearchHit;
import io.guichet.realtime.LiveEvents;
import io.guichet.lead.Lead;
import io.guichet.nlu.DateRange;
import io.guichet.nlu.Entity;
import io.guichet.nlu.IntentScore;
import io.guichet.nlu.Parse;
import io.guichet.people.SamePerson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The contract's JSON shapes for what the capabilities return. */
final class JsonViews {
    private JsonViews() {
    }

    static JsonObject parse(Parse parse) {
        return new JsonObject()
                .put("text", parse.text())
                .put("lang", parse.lang())
                .put("intent", intent(parse.intent()))
                .put("ranking", new JsonArray(parse.ranking().stream().map(JsonViews::intent).toList()))
                .put("entities", new JsonArray(parse.entities().stream().map(JsonViews::entity).toList()));
    }

    static JsonObject intent(IntentScore score) {
        return new JsonObject().put("name", score.name()).put("confidence", score.confidence());
    }

    static JsonObject entity(Entity entity) {
        Object value = entity.value() instanceof DateRange range
                ? new JsonObject().put("start", range.start().toString()).put("end", range.end().toString())
                : entity.value();
        return new JsonObject().put("type", entity.type()).put("value", value)
                .put("start", entity.start()).put("end", entity.end()).put("text", entity.text());
    }

    static JsonObject hits(List<SearchHit> hits) {
        return new JsonObject().put("hits", new JsonArray(hits.stream().map(hit -> new JsonObject()
                .put("id", hit.id())
                .put("title", hit.document().title())
                .put("score", hit.score())
                .put("snippet", hit.snippet())
                .put("url", hit.document().url())).toList()));
    }

    /**
     * A turn as the contract writes it; an answer that can be rated also gives its {@code turn}, the
     * id a thumb refers to ({@code POST …/feedback}), outside the replies the contract lists.
     */
    static JsonObject turn(Turn turn) {
        JsonObject json = new JsonObject();
        turn.replies().stream().filter(Reply.Rating.class::isInstance).map(Reply.Rating.class::cast)
                .forEach(rating -> json.put("turn", rating.turn()));
        return json
                .put("replies", new JsonArray(turn.replies().stream().filter(reply -> !(reply instanceof Reply.Rating))
                        .map(LiveEvents::reply).toList()))
                .put("intent", intent(turn.intent()))
                .put("sources", new JsonArray(turn.sources().stream().map(card -> LiveEvents.updated(new JsonObject()
                        .put("id", card.sourceId()).put("title", card.title()).put("url", card.url()), card)).toList()))
                .put("fallback", turn.fallback())
                .put("status", turn.status().wireName());
    }

    static JsonObject lead(Lead lead) {
        return new JsonObject().put("id", lead.id()).put("createdAt", lead.createdAt().toString())
                .put("journey", lead.journey()).put("team", lead.team()).put("lang", lead.lang())
                .put("name", lead.name()).put("email", lead.email()).put("phone", lead.phone())
                .put("conversationId", lead.conversationId()).put("request", new JsonObject(lead.slots()));
    }

    /** Who else a conversation's person is: their contact details, and their other conversations. */
    static JsonObject samePerson(SamePerson person) {
        return new JsonObject()
                .put("contacts", new JsonArray(person.contacts().stream().map(contact -> new JsonObject()
                        .put("type", contact.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .put("value", contact.value())).toList()))
                .put("conversations", new JsonArray(person.otherConversations().stream().map(other -> new JsonObject()
                        .put("id", other.id())
                        .put("channel", other.channel())
                        .put("createdAt", other.createdAt().toString())
                        .put("updatedAt", other.updatedAt().toString())
                        .put("status", other.status().wireName())
                        .put("agent", other.agent())
                        .put("journey", journey(other.journey()))
                        .put("leads", new JsonArray(other.leads().stream().map(JsonViews::lead).toList()))).toList()));
    }

    private static JsonObject journey(JourneyState state) {
        return state == null ? null : new JsonObject().put("name", state.name())
                .put("slots", new JsonObject(new java.util.LinkedHashMap<>(state.slots())))
                .put("complete", state.complete())
                .put("notes", new JsonArray(state.notes()))
                .put("stage", state.stage().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The conversation as its user may read it: every line but the agents' notes. */
    static JsonObject conversation(Conversation conversation) {
        return conversation(conversation, false);
    }

    /** The conversation as agents read it: the notes too, and since when it waits. */
    static JsonObject forAgents(Conversation conversation, Instant now) {
        JsonObject view = conversation(conversation, true);
        Instant since = conversation.waitingSince();
        return since == null ? view : view.put("waitingSince", since.toString())
                .put("waitingSeconds", Math.max(0, Duration.between(since, now).toSeconds()));
    }

    private static JsonObject conversation(Conversation conversation, boolean withNotes) {
        return new JsonObject()
                .put("id", conversation.id())
                .put("channel", conversation.channel())
                .put("lang", conversation.lang())
                .put("status", conversation.status().wireName())
                .put("team", conversation.team())
                .put("agent", conversation.agent())
                .put("createdAt", conversation.createdAt().toString())
                .put("messages", new JsonArray(conversation.messages().stream()
                        .filter(m -> withNotes || m.visibleToUser()).map(LiveEvents::message).toList()))
                .put("journey", journey(conversation.journey()));
    }
}
