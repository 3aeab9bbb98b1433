package io.guichet.channels.web;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.Status;
import io.guichet.dialogue.ConversationService;
import io.guichet.edge.Origins;
import io.guichet.edge.RateLimiter;
import io.guichet.edge.SharedRateLimit;
import io.guichet.realtime.LiveEvents;
import io.guichet.realtime.LiveFanOut;
import io.guichet.realtime.SocketFailures;
import io.guichet.turn.InvalidMessage;
import io.guichet.turn.TurnGateway;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web widget's real-time channel, a WebSocket at {@code /ws/widget}. The page says hello
 * (with the id and secret of its conversation when it has one), then sends the user's messages;
 * everything said in the conversation, by the bot, an agent or the user in another tab, comes
 * back as the live frames of {@link LiveEvents}, agents' notes excepted, from whichever node said it.
 * <pre>
 * → {"type":"hello","lang":"fr"}  or  {"type":"hello","id":"…","secret":"…"}
 * ← {"type":"welcome","id":"…","secret":"…","status":"bot","messages":[…]}
 * → {"type":"message","text":"…"}   → {"type":"typing"}   → {"type":"ping"}
 * ← message / draft / turn_end / status / typing frames; {"type":"error","error":"…","message":"…"}; {"type":"pong"}
 * </pre>
 */
public final class WidgetChannel {
    public static final String CHANNEL = "widget";
    private static final Logger LOG = LoggerFactory.getLogger(WidgetChannel.class);
    private static final Set<String> LANGUAGES = Set.of("fr", "en");

    private final Vertx vertx;
    private final LiveFanOut live;
    private final ConversationService conversations;
    private final TurnGateway gateway;
    private final WidgetSecrets secrets;
    private final Origins origins;
    private final SharedRateLimit newConversations;
    private final RateLimiter messages;
    private final Clock clock;

    /**
     * @param newConversations conversations a client address may open
     * @param messages         messages a conversation may send
     */
    public WidgetChannel(Vertx vertx, LiveFanOut live, ConversationService conversations, TurnGateway gateway, WidgetSecrets secrets,
                         Origins origins, SharedRateLimit newConversations, RateLimiter messages, Clock clock) {
        this.vertx = vertx;
        this.live = live;
        this.conversations = conversations;
        this.gateway = gateway;
        this.secrets = secrets;
        this.origins = origins;
        this.newConversations = newConversations;
        this.messages = messages;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/ws/widget").handler(this::upgrade);
    }

    private void upgrade(RoutingContext ctx) {
        if (!origins.allows(ctx.request())) {
            ctx.response().setStatusCode(403).end("this site is not allowed to embed the widget");
            return;
        }
        String client = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
        ctx.request().toWebSocket().onSuccess(socket -> new Session(socket, client).start())
                .onFailure(e -> LOG.debug("widget upgrade refused: {}", e.getMessage()));
    }

    /** One open widget: its conversation once it said hello, and its subscription to it. */
    private final class Session {
        private final ServerWebSocket socket;
        private final String client;
        /** The conversation's id, once the widget said hello. */
        private String conversation;
        /** The conversation's status as the last frames told it, so the event loop never waits on its lock. */
        private String status;
        private LiveFanOut.Listener subscription;

        Session(ServerWebSocket socket, String client) {
            this.socket = socket;
            this.client = client;
        }

        void start() {
            socket.textMessageHandler(this::received);
            socket.binaryMessageHandler(b -> error("bad_frame", "frames are JSON text"));
            SocketFailures.closeOnFailure(socket);
            socket.closeHandler(v -> {
                if (subscription != null) {
                    subscription.close();
                }
            });
        }

        private void received(String frame) {
            JsonObject json;
            try {
                json = new JsonObject(frame);
            } catch (DecodeException | ClassCastException e) {
                error("bad_frame", "a frame is a JSON object");
                return;
            }
            String type = json.getValue("type") instanceof String t ? t : "";
            switch (type) {
                case "hello" -> hello(json);
                case "message" -> message(json);
                case "typing" -> {
                    if (conversation != null) {
                        live.publish(LiveEvents.conversationAddress(conversation),
                                new JsonObject().put("type", "typing").put("from", "user"));
                    }
                }
                case "ping" -> socket.writeTextMessage(new JsonObject().put("type", "pong").encode());
                default -> error("bad_frame", "unknown frame type '" + type + "'");
            }
        }

        private void hello(JsonObject json) {
            if (conversation != null) {
                error("bad_frame", "hello was already said");
                return;
            }
            String id = json.getValue("id") instanceof String s ? s : null;
            String secret = json.getValue("secret") instanceof String s ? s : null;
            String lang = json.getValue("lang") instanceof String s && LANGUAGES.contains(s) ? s : null;
            if (id != null) {
                if (!secrets.matches(id, secret)) {
                    error("unknown_conversation", "no conversation with this id and secret");
                    return;
                }
                vertx.executeBlocking(() -> conversations.find(id).filter(c -> CHANNEL.equals(c.channel()))
                        .map(Session::welcomeFrame), false).onSuccess(found -> {
                    if (found.isEmpty()) {
                        error("unknown_conversation", "no conversation with this id and secret");
                    } else {
                        welcome(found.get());
                    }
                }).onFailure(this::failed);
                return;
            }
            newConversations.tryAcquire(client).onSuccess(granted -> {
                if (!granted) {
                    error("rate_limited", "too many new conversations from this address; try again in a minute");
                    return;
                }
                vertx.executeBlocking(() -> welcomeFrame(conversations.open(CHANNEL, lang)), false)
                        .onSuccess(this::welcome).onFailure(this::failed);
            }).onFailure(this::failed);
        }

        /** What the widget is told of its conversation when it says hello. */
        private static JsonObject welcomeFrame(Conversation opened) {
            JsonArray transcript = new JsonArray(opened.messages().stream().filter(m -> m.visibleToUser())
                    .map(LiveEvents::message).toList());
            return new JsonObject().put("type", "welcome").put("id", opened.id())
                    .put("status", opened.status().wireName()).put("lang", opened.lang()).put("messages", transcript);
        }

        private void welcome(JsonObject frame) {
            if (socket.isClosed()) {
                return;
            }
            conversation = frame.getString("id");
            status = frame.getString("status");
            subscription = live.subscribe(LiveEvents.conversationAddress(conversation), this::forward);
            socket.writeTextMessage(frame.put("secret", secrets.of(conversation)).encode());
        }

        /** Passes on what the user may see: not the agents' notes, not the user's own typing. */
        private void forward(JsonObject event) {
            String type = event.getString("type");
            if ("message".equals(type) && !"note".equals(event.getJsonObject("message").getString("from"))
                    || "typing".equals(type) && !"user".equals(event.getString("from"))
                    || "draft".equals(type) || "turn_end".equals(type) || "status".equals(type)) {
                if ("status".equals(type)) {
                    status = event.getString("status");
                }
                JsonObject visible = "status".equals(type) ? event.copy().put("agent", null) : event;
                socket.writeTextMessage(visible.encode());
            }
        }

        private void message(JsonObject json) {
            if (conversation == null) {
                error("bad_frame", "say hello first");
                return;
            }
            String text;
            try {
                text = TurnGateway.text(json.getValue("text") instanceof String s ? s : null);
            } catch (InvalidMessage e) {
                error("bad_message", e.getMessage());
                return;
            }
            if (!messages.tryAcquire(conversation)) {
                error("rate_limited", "you are sending messages too fast; wait a few seconds");
                return;
            }
            if (!Status.AGENT.wireName().equals(status)) {
                live.publish(LiveEvents.conversationAddress(conversation),
                        new JsonObject().put("type", "typing").put("from", "bot"));
            }
            // The answer comes back as the conversation's live events, like everything said in it.
            gateway.post(conversation, text, LocalDate.now(clock)).onFailure(this::failed);
        }

        private void failed(Throwable e) {
            LOG.error("widget: a request failed", e);
            error("internal_error", "something went wrong on our side; please try again");
        }

        private void error(String code, String message) {
            if (!socket.isClosed()) {
                socket.writeTextMessage(new JsonObject().put("type", "error").put("error", code)
                        .put("message", message).encode());
            }
        }
    }
}
