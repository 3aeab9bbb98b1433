package io.guichet.realtime;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.Message;
import io.guichet.dialogue.ConversationEvents;
import io.guichet.dialogue.Drafts;
import io.guichet.dialogue.Reply;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversations' events published on the Vert.x event bus, where the widget and the console
 * listen: {@code conversation.<id>} carries the lines of one conversation and its status
 * changes, {@code queue.<team>} tells a team's consoles that their queue changed. They go through
 * the {@link LiveFanOut}, so they reach the sockets of every node once the bus is clustered.
 *
 * <p>Frames, as the widget and the console receive them:
 * <pre>
 * {"type":"message","message":{"from":"bot","text":"…","at":"…"},"replies":[…quick replies, cards…]}
 * {"type":"draft","text":"…"}           the next words of an answer a model is writing, to append
 *                                        to a provisional line until the answer's own message frame
 *                                        (or turn_end, or an error) replaces it
 * {"type":"turn_end"}                    after the bot's answer to a user's message
 * {"type":"status","status":"agent","team":"…","agent":"claire"}
 * {"type":"queue","id":"…","team":"…","status":"waiting_agent"}
 * </pre>
 */
public final class LiveEvents implements ConversationEvents, Drafts {
    private final LiveFanOut fanOut;
    private final Context context;

    /**
     * Events are told from worker threads at the end of a turn; they are published from one
     * event-loop context instead, so that consumers are only ever called on their own event loop
     * (a consumer called from a worker thread at the same time as from its loop was seen to lose
     * frames) and the events of a conversation keep their order.
     */
    public LiveEvents(Vertx vertx, LiveFanOut fanOut) {
        this.fanOut = fanOut;
        this.context = vertx.getOrCreateContext();
    }

    private void publish(String address, JsonObject frame) {
        context.runOnContext(v -> fanOut.publish(address, frame));
    }

    public static String conversationAddress(String id) {
        return "conversation." + id;
    }

    public static String queueAddress(String team) {
        return "queue." + team;
    }

    @Override
    public void committed(Committed committed) {
        Conversation conversation = committed.conversation();
        String address = conversationAddress(conversation.id());
        List<Message> lines = committed.lines();
        List<List<Reply>> shownWith = shownWith(lines.size(), committed.replies());
        for (int i = 0; i < lines.size(); i++) {
            JsonObject frame = new JsonObject().put("type", "message").put("message", message(lines.get(i)));
            if (!shownWith.get(i).isEmpty() || i == lines.size() - 1) {
                frame.put("replies", new JsonArray(shownWith.get(i).stream().map(LiveEvents::reply).toList()));
            }
            publish(address, frame);
        }
        if (committed.personsTurn()) {
            publish(address, new JsonObject().put("type", "turn_end"));
        }
        if (committed.statusChanged()) {
            changed(conversation);
        }
    }

    @Override
    public void drafted(String conversationId, String piece) {
        publish(conversationAddress(conversationId), new JsonObject().put("type", "draft").put("text", piece));
    }

    /**
     * The quick replies and cards that go with each line: those that follow a text in the replies
     * go with the line that says it ("Voici ce que je vous recommande :" and its cards, then the
     * question and its buttons), the texts being the turn's last lines; when the replies do not
     * match the lines so, all go with the last line.
     */
    static List<List<Reply>> shownWith(int lineCount, List<Reply> replies) {
        List<List<Reply>> shown = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            shown.add(new ArrayList<>());
        }
        if (lineCount == 0) {
            return shown;
        }
        long texts = replies.stream().filter(r -> r instanceof Reply.Text).count();
        int line = texts <= lineCount ? (int) (lineCount - texts) - 1 : lineCount - 1;
        for (Reply reply : replies) {
            if (reply instanceof Reply.Text) {
                line = Math.min(line + 1, lineCount - 1);
            } else {
                shown.get(Math.max(line, 0)).add(reply);
            }
        }
        return shown;
    }

    private void changed(Conversation conversation) {
        JsonObject status = new JsonObject().put("type", "status").put("status", conversation.status().wireName())
                .put("team", conversation.team()).put("agent", conversation.agent());
        publish(conversationAddress(conversation.id()), status);
        if (conversation.team() != null) {
            publish(queueAddress(conversation.team()), new JsonObject().put("type", "queue")
                    .put("id", conversation.id()).put("team", conversation.team())
                    .put("status", conversation.status().wireName()));
        }
    }

    public static JsonObject message(Message message) {
        return new JsonObject().put("from", message.from()).put("text", message.text()).put("at", message.at().toString());
    }

    /**
     * A reply as the contract writes it: {@code text}, {@code quick_replies} with options, {@code cards} with
     * items; and for the widget, {@code rating} with the turn its thumbs rate.
     */
    public static JsonObject reply(Reply reply) {
        // Java 17 has no pattern matching in switch (a preview there), hence the chain.
        if (reply instanceof Reply.Text text) {
            return new JsonObject().put("type", "text").put("text", text.text());
        }
        if (reply instanceof Reply.QuickReplies quick) {
            return new JsonObject().put("type", "quick_replies").put("options", new JsonArray(quick.options()));
        }
        if (reply instanceof Reply.Rating rating) {
            return new JsonObject().put("type", "rating").put("turn", rating.turn());
        }
        Reply.Cards cards = (Reply.Cards) reply;
        return new JsonObject().put("type", "cards").put("items", new JsonArray(cards.items().stream()
                .map(card -> updated(new JsonObject().put("title", card.title()).put("url", card.url())
                        .put("sourceId", card.sourceId()), card))
                .toList()));
    }

    /** The card's JSON with its page's {@code updated} date (ISO), when the page gives one. */
    public static JsonObject updated(JsonObject json, Reply.Card card) {
        return card.updated() == null ? json : json.put("updated", card.updated().toString());
    }
}
