package io.guichet.channels.messenger;

import static io.guichet.channels.meta.ChannelText.cut;

import io.guichet.channels.meta.ChannelText;
import io.guichet.channels.meta.GraphSender;
import io.guichet.channels.meta.MetaReplier;
import io.guichet.channels.meta.MetaWebhook;
import io.guichet.channels.meta.RecentIds;
import io.guichet.conversation.Conversation;
import io.guichet.dialogue.ConversationService;
import io.guichet.dialogue.Outbox;
import io.guichet.dialogue.Reply;
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
 * echoes and redeliveries dropped. Replies go out through the Send API in order, within
 * Messenger's limits.
 */
public final class MessengerChannel implements Outbox {
    public static final String CHANNEL = "messenger";
    /** Messenger shows at most 13 quick replies, with titles of 20 characters. */
    static final int MAX_QUICK_REPLIES = 13;
    static final int MAX_TITLE = 20;
    static final int MAX_TEXT = 2000;

    private final MessengerSettings settings;
    private final GraphSender sender;
    private final MetaReplier replier;
    private final RecentIds recent = new RecentIds(10_000);

    public MessengerChannel(Vertx vertx, ConversationService conversations, MessengerSettings settings, Clock clock) {
        this.settings = settings;
        this.sender = new GraphSender(vertx, settings.graphUrl() + "/me/messages", settings.pageToken(), CHANNEL);
        this.replier = new MetaReplier(vertx, conversations, CHANNEL, sender, clock);
    }

    public void mount(Router router) {
        MetaWebhook.mount(router, "/webhooks/messenger", settings.verifyToken(), settings.appSecret(), payload -> {
            for (Inbound inbound : inbound(payload)) {
                if (recent.firstTime(inbound.id())) {
                    handle(inbound);
                }
            }
        });
    }

    /** A message or postback from a person, as this channel reads it. */
    record Inbound(String id, String psid, String text) {
    }

    static List<Inbound> inbound(JsonObject payload) {
        List<Inbound> out = new ArrayList<>();
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
                        out.add(new Inbound(mid, psid, text));
                    }
                } else if (event.getValue("postback") instanceof JsonObject postback
                        && postback.getValue("payload") instanceof String payloadText) {
                    String id = postback.getString("mid", psid + ":" + event.getValue("timestamp"));
                    out.add(new Inbound(id, psid, payloadText));
                }
            }
        }
        return out;
    }

    private void handle(Inbound inbound) {
        sender.send(new JsonObject().put("recipient", new JsonObject().put("id", inbound.psid()))
                .put("sender_action", "typing_on"));
        replier.answer(inbound.psid(), inbound.text(), turn -> render(inbound.psid(), turn.replies()));
    }

    @Override
    public boolean deliver(Conversation conversation, List<Reply> replies) {
        replier.send(render(conversation.channelUser(), replies));
        return true;
    }

    /**
     * Send API calls for replies. What Messenger cannot show is folded into what it can: cards
     * become texts with their link, more than 13 quick replies become a numbered list in the
     * text, titles and texts are cut to Messenger's lengths (the payload keeps the whole option).
     */
    static List<JsonObject> render(String psid, List<Reply> replies) {
        List<JsonObject> messages = new ArrayList<>();
        for (Reply reply : replies) {
            if (reply instanceof Reply.Text text) {
                messages.add(message(psid, new JsonObject().put("text", cut(text.text(), MAX_TEXT))));
            } else if (reply instanceof Reply.Cards cards) {
                cards.items().forEach(card -> messages.add(message(psid, new JsonObject().put("text",
                        cut(card.url() == null ? card.title() : card.title() + "\n" + card.url(), MAX_TEXT)))));
            } else if (reply instanceof Reply.QuickReplies quick) {
                if (messages.isEmpty()) {
                    messages.add(message(psid, new JsonObject().put("text", "…")));
                }
                JsonObject last = messages.get(messages.size() - 1).getJsonObject("message");
                if (quick.options().size() > MAX_QUICK_REPLIES) {
                    // More choices than Messenger shows as buttons: a numbered list to answer in words.
                    last.put("text", cut(ChannelText.numbered(last.getString("text"), quick.options()), MAX_TEXT));
                } else {
                    last.put("quick_replies", new JsonArray(quick.options().stream()
                            .map(option -> new JsonObject().put("content_type", "text")
                                    .put("title", cut(option, MAX_TITLE)).put("payload", option)).toList()));
                }
            }
        }
        return messages;
    }

    private static JsonObject message(String psid, JsonObject message) {
        return new JsonObject().put("recipient", new JsonObject().put("id", psid)).put("messaging_type", "RESPONSE")
                .put("message", message);
    }
}
