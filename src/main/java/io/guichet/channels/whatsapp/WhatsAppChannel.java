package io.guichet.channels.whatsapp;

import static io.guichet.channels.ChannelText.cut;

import io.guichet.channels.ChannelReplies;
import io.guichet.channels.meta.GraphSender;
import io.guichet.channels.meta.MetaInbox;
import io.guichet.channels.meta.MetaReplier;
import io.guichet.channels.meta.MetaWebhook;
import io.guichet.conversation.Conversation;
import io.guichet.conversation.Inbox;
import io.guichet.conversation.InboxEntry;
import io.guichet.conversation.Message;
import io.guichet.dialogue.Outbox;
import io.guichet.dialogue.Reply;
import io.guichet.turn.TurnGateway;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WhatsApp Cloud API, on the {@link MetaWebhook} at
 * {@code /webhooks/whatsapp}: text messages and interactive button or list replies, one
 * conversation per number; delivery statuses are ignored. Replies use WhatsApp's interactive
 * messages where they fit (3 buttons, 10 list rows) and numbered text beyond. WhatsApp lets a
 * business answer freely only within 24 hours of the person's last message: a message older
 * than that (a late redelivery) is logged, not answered.
 */
public final class WhatsAppChannel implements Outbox {
    public static final String CHANNEL = "whatsapp";
    static final int MAX_BUTTONS = 3;
    /** A list shows at most 10 rows; a text holds 4,096 characters. */
    static final ChannelReplies.Limits LIMITS = new ChannelReplies.Limits(4096, 10);
    static final int MAX_BUTTON_TITLE = 20;
    static final int MAX_ROW_TITLE = 24;
    static final int MAX_BODY = 1024;
    static final Duration SERVICE_WINDOW = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppChannel.class);

    private final WhatsAppSettings settings;
    private final MetaReplier replier;
    private final MetaInbox inbox;
    private final Clock clock;

    public WhatsAppChannel(Vertx vertx, TurnGateway gateway, Inbox inbox, WhatsAppSettings settings, Clock clock) {
        this.settings = settings;
        GraphSender sender = new GraphSender(vertx, settings.graphUrl() + "/" + settings.phoneNumberId() + "/messages",
                settings.accessToken(), CHANNEL);
        this.replier = new MetaReplier(sender);
        this.clock = clock;
        this.inbox = new MetaInbox(vertx, CHANNEL, inbox, gateway,
                entry -> withinServiceWindow(entry.sentAt(), clock.instant()), entry -> { }, clock);
    }

    public void mount(Router router) {
        MetaWebhook.mount(router, "/webhooks/whatsapp", settings.verifyToken(), settings.appSecret(),
                payload -> inbox.receive(inbound(payload)));
    }

    /** Takes up the messages a previous run stored but did not answer. */
    public MetaInbox inbox() {
        return inbox;
    }

    /**
     * WhatsApp lets a business write freely only within 24 hours of the person's last message;
     * outside that window it refuses free-form messages, so none is sent.
     */
    @Override
    public boolean reaches(Conversation conversation) {
        Instant lastInbound = conversation.messages().stream().filter(m -> m.from().equals("user"))
                .map(Message::at).reduce((a, b) -> b).orElse(Instant.EPOCH);
        return withinServiceWindow(lastInbound, clock.instant());
    }

    @Override
    public void deliver(Conversation conversation, List<Reply> replies) {
        if (!reaches(conversation)) {
            LOG.warn("whatsapp: conversation {} is outside the 24-hour window; message not sent", conversation.id());
            return;
        }
        replier.send(conversation.channelUser(), render(conversation.channelUser(), replies));
    }

    /** Counted back from now: a timestamp near the last instant Java can hold must not overflow. */
    static boolean withinServiceWindow(Instant lastInbound, Instant now) {
        return !lastInbound.isBefore(now.minus(SERVICE_WINDOW));
    }

    /** The messages of a webhook payload, as inbox entries not yet numbered; delivery statuses are left out. */
    static List<InboxEntry> inbound(JsonObject payload) {
        List<InboxEntry> out = new ArrayList<>();
        if (!"whatsapp_business_account".equals(payload.getString("object"))
                || !(payload.getValue("entry") instanceof JsonArray entries)) {
            return out;
        }
        for (Object entry : entries) {
            if (!(entry instanceof JsonObject account) || !(account.getValue("changes") instanceof JsonArray changes)) {
                continue;
            }
            for (Object change : changes) {
                if (change instanceof JsonObject c && c.getValue("value") instanceof JsonObject value
                        && value.getValue("messages") instanceof JsonArray messages) {
                    messages.forEach(m -> read(m).ifPresent(out::add));
                }
            }
        }
        return out;
    }

    private static java.util.Optional<InboxEntry> read(Object value) {
        if (!(value instanceof JsonObject message) || !(message.getValue("from") instanceof String from)
                || !(message.getValue("id") instanceof String id)) {
            return java.util.Optional.empty();
        }
        String text = switch (message.getString("type", "")) {
            case "text" -> message.getJsonObject("text", new JsonObject()).getString("body");
            case "interactive" -> {
                JsonObject interactive = message.getJsonObject("interactive", new JsonObject());
                JsonObject reply = interactive.getJsonObject("button_reply", interactive.getJsonObject("list_reply"));
                yield reply == null ? null : reply.getString("id", reply.getString("title"));
            }
            case "button" -> message.getJsonObject("button", new JsonObject()).getString("payload");
            default -> null;
        };
        Instant sentAt;
        try {
            sentAt = Instant.ofEpochSecond(Long.parseLong(message.getString("timestamp", "")));
        } catch (NumberFormatException | DateTimeException e) {
            // Not a number, or seconds no instant can hold: as if it had no timestamp.
            sentAt = Instant.now();
        }
        return text == null || text.isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(new InboxEntry(0, CHANNEL, id, from, text, sentAt));
    }

    /** Cloud API calls for replies: texts, with their choices as buttons (3 at most) or a list (10 at most). */
    static List<JsonObject> render(String number, List<Reply> replies) {
        return ChannelReplies.fit(replies, LIMITS).stream().map(bubble -> bubble.choices().isEmpty()
                ? text(number, bubble.text()) : choices(number, bubble.text(), bubble.choices())).toList();
    }

    private static JsonObject choices(String number, String body, List<String> options) {
        JsonObject interactive = new JsonObject().put("body", new JsonObject().put("text", cut(body, MAX_BODY)));
        if (options.size() <= MAX_BUTTONS) {
            interactive.put("type", "button").put("action", new JsonObject().put("buttons", new JsonArray(options.stream()
                    .map(o -> new JsonObject().put("type", "reply").put("reply",
                            new JsonObject().put("id", o).put("title", cut(o, MAX_BUTTON_TITLE)))).toList())));
        } else {
            interactive.put("type", "list").put("action", new JsonObject().put("button", "Choisir / Choose")
                    .put("sections", new JsonArray().add(new JsonObject().put("title", "Options")
                            .put("rows", new JsonArray(options.stream().map(o -> new JsonObject().put("id", o)
                                    .put("title", cut(o, MAX_ROW_TITLE))).toList())))));
        }
        return envelope(number).put("type", "interactive").put("interactive", interactive);
    }

    private static JsonObject text(String number, String body) {
        return envelope(number).put("type", "text").put("text", new JsonObject().put("body", body));
    }

    private static JsonObject envelope(String number) {
        return new JsonObject().put("messaging_product", "whatsapp").put("recipient_type", "individual").put("to", number);
    }
}
