package io.guichet.channels.messenger;

import static io.guichet.channels.ChannelText.cut;

import io.guichet.channels.ChannelReplies;
import io.guichet.channels.meta.GraphSender;
import io.guichet.channels.meta.MetaInbox;
import io.guichet.channels.meta.MetaReplier;
import io.guichet.channels.meta.MetaWebhook;
import io.guichet.conversation.Conversation;
import io.guichet.conversation.Inbox;
import io.guichet.conversation.InboxEntry;
import io.guichet.dialogue.Outbox;
import io.guichet.dialogue.Reply;
import io.guichet.turn.TurnGateway;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Facebook Messenger, on the {@link MetaWebhook} at {@code /webhooks/messenger}: texts,
 * quick-reply payloads and postbacks, each sender in a conversation of its own, the page's own
 * echoes dropped; messages go through the {@link MetaInbox}, which drops redeliveries. Replies go
 * out through the Send API in order, within Messenger's limits.
 */
public final class MessengerChannel implements Outbox {
    public static final String CHANNEL = "messenger";
    /** Messenger shows at most 13 quick replies, with titles of 20 characters, and texts of 2,000. */
    static final ChannelReplies.Limits LIMITS = new ChannelReplies.Limits(2000, 13);
    static final int MAX_TITLE = 20;

    private final MessengerSettings settings;
    private final GraphSender sender;
    private final MetaReplier replier;
    private final MetaInbox inbox;

    public MessengerChannel(Vertx vertx, TurnGateway gateway, Inbox inbox, MessengerSettings settings, Clock clock) {
        this.settings = settings;
        this.sender = new GraphSender(vertx, settings.graphUrl() + "/me/messages", settings.pageToken(), CHANNEL);
        this.replier = new MetaReplier(sender);
        this.inbox = new MetaInbox(vertx, CHANNEL, inbox, gateway, entry -> true, this::typing, clock);
    }

    public void mount(Router router) {
        MetaWebhook.mount(router, "/webhooks/messenger", settings.verifyToken(), settings.appSecret(),
                payload -> inbox.receive(inbound(payload)));
    }

    /** Takes up the messages a previous run stored but did not answer. */
    public MetaInbox inbox() {
        return inbox;
    }

    /** The messages and postbacks of a webhook payload, as inbox entries not yet numbered. */
    static List<InboxEntry> inbound(JsonObject payload) {
        List<InboxEntry> out = new ArrayList<>();
        if (!"page".equals(payload.getString("object")) || !(payload.getValue("entry") instanceof JsonArray entries)) {
            return out;
        }
        for (Object entry : entries) {
            if (!(entry instanceof JsonObject page) || !(page.getValue("messaging") instanceof JsonArray events)) {
                continue;
            }
            for (Object value : events) {
                if (!(value instanceof JsonObject event) || !(event.getValue("sender") instanceof JsonObject from)
                        || !(from.getValue("id") instanceof String psid)) {
                    continue;
                }
                if (event.getValue("message") instanceof JsonObject message && !message.getBoolean("is_echo", false)
                        && message.getValue("mid") instanceof String mid) {
                    String text = message.getValue("quick_reply") instanceof JsonObject quick
                            && quick.getValue("payload") instanceof String payloadText ? payloadText
                            : message.getValue("text") instanceof String typed ? typed : null;
                    if (text != null && !text.isBlank()) {
                        out.add(new InboxEntry(0, CHANNEL, mid, psid, text, null));
                    }
                } else if (event.getValue("postback") instanceof JsonObject postback
                        && postback.getValue("payload") instanceof String payloadText && !payloadText.isBlank()) {
                    String id = postback.getString("mid", psid + ":" + event.getValue("timestamp"));
                    out.add(new InboxEntry(0, CHANNEL, id, psid, payloadText, null));
                }
            }
        }
        return out;
    }

    private void typing(InboxEntry entry) {
        sender.send(new JsonObject().put("recipient", new JsonObject().put("id", entry.sender()))
                .put("sender_action", "typing_on"));
    }

    @Override
    public void deliver(Conversation conversation, List<Reply> replies) {
        replier.send(conversation.channelUser(), render(conversation.channelUser(), replies));
    }

    /** Send API calls for replies, fitted to what Messenger shows; a button's payload keeps the whole option. */
    static List<JsonObject> render(String psid, List<Reply> replies) {
        List<JsonObject> messages = new ArrayList<>();
        for (ChannelReplies.Bubble bubble : ChannelReplies.fit(replies, LIMITS)) {
            JsonObject message = new JsonObject().put("text", bubble.text());
            if (!bubble.choices().isEmpty()) {
                message.put("quick_replies", new JsonArray(bubble.choices().stream()
                        .map(option -> new JsonObject().put("content_type", "text")
                                .put("title", cut(option, MAX_TITLE)).put("payload", option)).toList()));
            }
            messages.add(new JsonObject().put("recipient", new JsonObject().put("id", psid))
                    .put("messaging_type", "RESPONSE").put("message", message));
        }
        return messages;
    }
}
