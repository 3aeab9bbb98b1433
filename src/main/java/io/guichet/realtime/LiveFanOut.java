package io.guichet.realtime;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live frames from any node to the sockets this node holds. Every node registers one consumer, on
 * {@value #ADDRESS}, whatever the number of its sockets, and hands each frame to the sockets
 * listening to its topic ({@code conversation.<id>}, {@code queue.<team>}). A consumer per socket
 * would cost a registration per open widget, and on a clustered bus each registration is a
 * cluster-wide write (seconds per thousand): here it is one per node.
 *
 * <p>A frame carries its topic in a header, so its body is the frame the sockets receive. Each
 * listener is called on the context it subscribed from (its socket's event loop), in the order
 * the frames came, so a socket's state is only ever touched from its own loop.
 */
public final class LiveFanOut {
    public static final String ADDRESS = "guichet.live";
    private static final String TOPIC = "topic";

    private final Vertx vertx;
    private final EventBus bus;
    private final MessageConsumer<JsonObject> consumer;
    private final Map<String, Set<Listener>> listeners = new ConcurrentHashMap<>();

    /** A socket's interest in a topic, until it closes. */
    public final class Listener {
        private final String topic;
        private final Context context;
        private final Handler<JsonObject> handler;

        private Listener(String topic, Context context, Handler<JsonObject> handler) {
            this.topic = topic;
            this.context = context;
            this.handler = handler;
        }

        public void close() {
            listeners.computeIfPresent(topic, (t, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
        }
    }

    public LiveFanOut(Vertx vertx) {
        this.vertx = vertx;
        this.bus = vertx.eventBus();
        this.consumer = bus.<JsonObject>consumer(ADDRESS).handler(this::deliver);
    }

    /** Completes once the node's consumer is registered (on a clustered bus, known to the other nodes). */
    public Future<Void> ready() {
        return consumer.completion();
    }

    /** Tells the frame to every socket, on any node, listening to the topic. */
    public void publish(String topic, JsonObject frame) {
        bus.publish(ADDRESS, frame, new DeliveryOptions().addHeader(TOPIC, topic));
    }

    /** Calls the handler with the topic's frames, on the caller's context, until the listener is closed. */
    public Listener subscribe(String topic, Handler<JsonObject> handler) {
        Listener listener = new Listener(topic, vertx.getOrCreateContext(), handler);
        listeners.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(listener);
        return listener;
    }

    /** How many sockets' subscriptions this node holds, all behind its one consumer. */
    public int listeners() {
        return listeners.values().stream().mapToInt(Set::size).sum();
    }

    private void deliver(Message<JsonObject> message) {
        Set<Listener> listening = listeners.get(message.headers().get(TOPIC));
        if (listening == null) {
            return;
        }
        JsonObject frame = message.body();
        for (Listener listener : listening) {
            listener.context.runOnContext(v -> listener.handler.handle(frame));
        }
    }
}
