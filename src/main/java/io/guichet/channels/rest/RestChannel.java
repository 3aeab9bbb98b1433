package io.guichet.channels.rest;

import io.guichet.dialogue.ConversationService;
import io.guichet.dialogue.Reply;
import io.guichet.dialogue.Turn;
import io.guichet.http.RawBody;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Rasa's REST channel, so that chat front ends written for Rasa talk to Guichet unchanged:
 * {@code POST /webhooks/rest/webhook} with {@code {"sender", "message"}} answers
 * {@code [{"recipient_id", "text", "buttons": [{"title", "payload"}]}]}. Each sender has its own
 * conversation. Rasa messages carry text and buttons only, so a card becomes a text with its
 * link, and quick replies become the buttons of the last text.
 */
public final class RestChannel {
    public static final String CHANNEL = "rest";
    /** Rasa front ends send short ids; anything longer is not a sender id. */
    private static final int MAX_SENDER = 200;
    private static final int BODY_LIMIT = 64 * 1024;

    private final Vertx vertx;
    private final ConversationService conversations;
    private final Clock clock;

    public RestChannel(Vertx vertx, ConversationService conversations, Clock clock) {
        this.vertx = vertx;
        this.conversations = conversations;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.post("/webhooks/rest/webhook").handler(RawBody.limitedTo(BODY_LIMIT))
                .handler(this::webhook);
    }

    private void webhook(RoutingContext ctx) {
        JsonObject body;
        try {
            Buffer raw = RawBody.of(ctx);
            body = raw.length() == 0 ? null : raw.toJsonObject();
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        if (body == null || !(body.getValue("sender") instanceof String sender) || sender.isBlank()
                || sender.length() > MAX_SENDER || !(body.getValue("message") instanceof String message)
                || message.isBlank()) {
            ctx.response().setStatusCode(400);
            ctx.json(new JsonObject().put("error", "bad_request").put("message",
                    "expected {\"sender\": \"<id of up to " + MAX_SENDER + " characters>\", \"message\": \"<text>\"}"));
            return;
        }
        LocalDate today = LocalDate.now(clock);
        vertx.executeBlocking(() -> render(sender,
                        conversations.post(conversations.forChannelUser(CHANNEL, sender), message, today)), false)
                .onSuccess(ctx::json).onFailure(ctx::fail);
    }

    static JsonArray render(String recipient, Turn turn) {
        JsonArray messages = new JsonArray();
        for (Reply reply : turn.replies()) {
            if (reply instanceof Reply.Text text) {
                messages.add(new JsonObject().put("recipient_id", recipient).put("text", text.text()));
            } else if (reply instanceof Reply.Cards cards) {
                cards.items().forEach(card -> messages.add(new JsonObject().put("recipient_id", recipient)
                        .put("text", card.url() == null ? card.title() : card.title() + " : " + card.url())));
            } else if (reply instanceof Reply.QuickReplies quick) {
                JsonArray buttons = new JsonArray(quick.options().stream()
                        .map(option -> new JsonObject().put("title", option).put("payload", option)).toList());
                if (messages.isEmpty()) {
                    messages.add(new JsonObject().put("recipient_id", recipient).put("text", ""));
                }
                messages.getJsonObject(messages.size() - 1).put("buttons", buttons);
            }
        }
        return messages;
    }
}
