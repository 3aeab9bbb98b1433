package io.guichet.channels.rest;

import io.guichet.channels.ChannelReplies;
import io.guichet.dialogue.Turn;
import io.guichet.turn.InvalidMessage;
import io.guichet.turn.TurnGateway;
import io.guichet.edge.RawBody;
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
 * {@code POST /webhooks/rest/webhook} with {@code {"sender", "message"}} (and, beyond Rasa, an
 * optional {@code "message_id"}: a message sent again under its id gets its first answer again,
 * without a second turn, so that a client may retry safely) answers
 * {@code [{"recipient_id", "text", "buttons": [{"title", "payload"}]}]}. Each sender has its own
 * conversation. Rasa messages carry text and buttons only: the replies are fitted to that by
 * {@link ChannelReplies} (a card becomes a text with its link, quick replies the buttons of the
 * last text).
 */
public final class RestChannel {
    public static final String CHANNEL = "rest";
    /** Rasa front ends send short ids; anything longer is not a sender id. */
    private static final int MAX_SENDER = 200;
    private static final int BODY_LIMIT = 64 * 1024;

    /** Rasa's front ends show whatever they are sent. */
    private static final ChannelReplies.Limits LIMITS = new ChannelReplies.Limits(Integer.MAX_VALUE, Integer.MAX_VALUE);

    private final TurnGateway gateway;
    private final Clock clock;

    public RestChannel(TurnGateway gateway, Clock clock) {
        this.gateway = gateway;
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
        String message = body != null && body.getValue("message") instanceof String m ? m.strip() : "";
        String messageId = null;
        boolean wellNamed = true;
        try {
            messageId = TurnGateway.messageId(body == null ? null : body.getValue("message_id"));
        } catch (InvalidMessage e) {
            wellNamed = false;
        }
        if (body == null || !wellNamed || !(body.getValue("sender") instanceof String sender) || sender.isBlank()
                || sender.length() > MAX_SENDER || message.isEmpty() || message.length() > TurnGateway.MAX_TEXT) {
            ctx.response().setStatusCode(400);
            ctx.json(new JsonObject().put("error", "bad_request").put("message", "expected {\"sender\": \"<id of up to "
                    + MAX_SENDER + " characters>\", \"message\": \"<text of up to " + TurnGateway.MAX_TEXT
                    + " characters>\"}, and optionally \"message_id\": \"<the message's own id, of up to "
                    + TurnGateway.MAX_MESSAGE_ID + " characters>\""));
            return;
        }
        gateway.postFromChannelUser(CHANNEL, sender, message, messageId, LocalDate.now(clock), null)
                .onSuccess(turn -> ctx.json(render(sender, turn))).onFailure(ctx::fail);
    }

    static JsonArray render(String recipient, Turn turn) {
        JsonArray messages = new JsonArray();
        for (ChannelReplies.Bubble bubble : ChannelReplies.fit(turn.replies(), LIMITS)) {
            JsonObject message = new JsonObject().put("recipient_id", recipient).put("text", bubble.text());
            if (!bubble.choices().isEmpty()) {
                message.put("buttons", new JsonArray(bubble.choices().stream()
                        .map(option -> new JsonObject().put("title", option).put("payload", option)).toList()));
            }
            messages.add(message);
        }
        return messages;
    }
}
