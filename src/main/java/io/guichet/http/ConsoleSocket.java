package io.guichet.http;

import io.guichet.edge.Origins;
import io.guichet.dialogue.ConversationService;
import io.guichet.handoff.Agent;
import io.guichet.handoff.Handoff;
import io.guichet.realtime.LiveEvents;
import io.guichet.realtime.LiveFanOut;
import io.guichet.realtime.SocketFailures;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One open agent console, a WebSocket at {@code /ws/agent}: it hears its teams' queue events
 * and every event of the conversation it has open (notes and the user's typing included), and
 * tells the user when the agent types. While it is open, its agent counts as online.
 * <pre>
 * → {"type":"watch","id":"…"}   → {"type":"typing","id":"…"}   → {"type":"ping"}
 * ← {"type":"ready"}, then queue / message / turn_end / status / typing frames; {"type":"pong"}
 * </pre>
 */
final class ConsoleSocket {
    private final Vertx vertx;
    private final LiveFanOut live;
    private final Handoff handoff;
    private final ConversationService conversations;
    private final List<LiveFanOut.Listener> queues = new ArrayList<>();
    private LiveFanOut.Listener watched;
    private String watchedId;

    ConsoleSocket(Vertx vertx, LiveFanOut live, Handoff handoff, ConversationService conversations) {
        this.vertx = vertx;
        this.live = live;
        this.handoff = handoff;
        this.conversations = conversations;
    }

    void accept(RoutingContext ctx, Agent agent) {
        if (!Origins.sameOrigin(ctx.request())) {
            throw new ApiError(403, "forbidden", "the console socket is open to the console's own page only");
        }
        ctx.request().toWebSocket().onSuccess(socket -> open(socket, agent));
    }

    private void open(ServerWebSocket socket, Agent agent) {
        handoff.consoleOpened(agent);
        conversations.teams("fr").keySet().stream().filter(agent::serves).forEach(team -> queues.add(
                live.subscribe(LiveEvents.queueAddress(team), event -> socket.writeTextMessage(event.encode()))));
        socket.closeHandler(v -> {
            handoff.consoleClosed(agent);
            queues.forEach(LiveFanOut.Listener::close);
            if (watched != null) {
                watched.close();
            }
        });
        socket.textMessageHandler(frame -> received(socket, agent, frame));
        SocketFailures.closeOnFailure(socket);
        socket.writeTextMessage(new JsonObject().put("type", "ready").put("agent", agent.id()).encode());
    }

    private void received(ServerWebSocket socket, Agent agent, String frame) {
        JsonObject json;
        try {
            json = new JsonObject(frame);
        } catch (DecodeException | ClassCastException e) {
            return;
        }
        String id = json.getValue("id") instanceof String s ? s : null;
        String type = json.getValue("type") instanceof String s ? s : "";
        if (type.equals("ping")) {
            socket.writeTextMessage(new JsonObject().put("type", "pong").encode());
        } else if (type.equals("watch") && id != null) {
            vertx.executeBlocking(() -> handoff.open(id, agent), false).onSuccess(conversation -> {
                if (watched != null) {
                    watched.close();
                }
                watchedId = id;
                // Not the drafts of a model's answer: the agent reads the answer once it is committed.
                watched = live.subscribe(LiveEvents.conversationAddress(id), event -> {
                    if (!"draft".equals(event.getString("type"))) {
                        socket.writeTextMessage(event.copy().put("id", id).encode());
                    }
                });
            });
        } else if (type.equals("typing") && id != null && id.equals(watchedId)) {
            live.publish(LiveEvents.conversationAddress(id),
                    new JsonObject().put("type", "typing").put("from", "agent"));
        }
    }
}
