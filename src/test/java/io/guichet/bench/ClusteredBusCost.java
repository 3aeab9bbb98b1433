package io.guichet.bench;

import com.hazelcast.core.Hazelcast;
import io.guichet.channels.web.WidgetSocket;
import io.guichet.cluster.ClusterSettings;
import io.guichet.realtime.LiveEvents;
import io.guichet.realtime.LiveFanOut;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the clustered event bus costs the live frames, on loopback: frames published on one node
 * and received by a socket's listener on the other, against the same on one unclustered node
 * (throughput of a burst, then the latency of one frame at a time); and the event-bus
 * registrations a node makes for 1,000 open sockets with the node-level fan-out, against a
 * consumer per socket, with the time each takes to register. A benchmark that prints figures, not
 * a test: {@code java -cp target/test-classes:target/classes:$(cat cp.txt) io.guichet.bench.ClusteredBusCost [frames] [sockets]}.
 */
public final class ClusteredBusCost {
    private static final JsonObject FRAME = new JsonObject().put("type", "message").put("message", new JsonObject()
            .put("from", "bot").put("text", "L'office de tourisme est ouvert de 9 h à 18 h, du lundi au samedi.")
            .put("at", "2026-12-06T09:00:00Z"));
    private static final String TOPIC = LiveEvents.conversationAddress("bench");

    private ClusteredBusCost() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int sockets = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Vertx alone = Vertx.vertx();
        List<String> members = List.of("127.0.0.1:" + freePort(), "127.0.0.1:" + freePort());
        long joining = System.nanoTime();
        List<Vertx> nodes = WidgetSocket.await(Future.all(members.stream().map(member -> new ClusterSettings(members,
                "127.0.0.1", Integer.parseInt(member.substring(member.indexOf(':') + 1))).start(new VertxOptions()))
                .toList())).list();
        System.out.printf("two-node cluster formed in %d ms%n", (System.nanoTime() - joining) / 1_000_000);
        try {
            LiveFanOut local = ready(new LiveFanOut(alone));
            LiveFanOut publisher = ready(new LiveFanOut(nodes.get(0)));
            LiveFanOut receiver = ready(new LiveFanOut(nodes.get(1)));
            // Warm both paths up (JIT, connections) before measuring.
            burst(local, local, alone, frames);
            burst(publisher, receiver, nodes.get(1), frames);
            report("one node ", burst(local, local, alone, frames), latencies(local, local, alone, 1_000), frames);
            report("two nodes", burst(publisher, receiver, nodes.get(1), frames),
                    latencies(publisher, receiver, nodes.get(1), 1_000), frames);
            registrations(nodes.get(1), receiver, sockets);
        } finally {
            WidgetSocket.await(Future.all(nodes.get(0).close(), nodes.get(1).close(), alone.close()));
        }
    }

    private static LiveFanOut ready(LiveFanOut fanOut) {
        WidgetSocket.await(fanOut.ready());
        return fanOut;
    }

    /** Nanoseconds from the first of {@code count} frames published to the last received. */
    private static long burst(LiveFanOut from, LiveFanOut to, Vertx receiving, int count) throws Exception {
        CompletableFuture<Long> all = new CompletableFuture<>();
        AtomicInteger received = new AtomicInteger();
        LiveFanOut.Listener listener = onContext(receiving, () -> to.subscribe(TOPIC, frame -> {
            if (received.incrementAndGet() == count) {
                all.complete(System.nanoTime());
            }
        }));
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            from.publish(TOPIC, FRAME);
        }
        long elapsed = all.get() - start;
        listener.close();
        return elapsed;
    }

    /** Microseconds from publication to receipt, one frame at a time. */
    private static long[] latencies(LiveFanOut from, LiveFanOut to, Vertx receiving, int count) throws Exception {
        long[] micros = new long[count];
        for (int i = 0; i < count; i++) {
            CompletableFuture<Long> one = new CompletableFuture<>();
            LiveFanOut.Listener listener = onContext(receiving, () -> to.subscribe(TOPIC,
                    frame -> one.complete(System.nanoTime())));
            long start = System.nanoTime();
            from.publish(TOPIC, FRAME);
            micros[i] = (one.get() - start) / 1_000;
            listener.close();
        }
        Arrays.sort(micros);
        return micros;
    }

    private static void report(String where, long burstNanos, long[] micros, int frames) {
        System.out.printf("%s: %,d frames in %d ms (%,.0f frames/s); one frame: median %d µs, p99 %d µs%n", where,
                frames, burstNanos / 1_000_000, frames / (burstNanos / 1e9), micros[micros.length / 2],
                micros[micros.length * 99 / 100]);
    }

    /**
     * The cluster's event-bus registrations (Vert.x keeps them in Hazelcast's {@code __vertx.subs}) and
     * the time to make them: {@code sockets} listeners behind the node's one consumer, then one consumer each.
     */
    private static void registrations(Vertx node, LiveFanOut fanOut, int sockets) throws Exception {
        int before = subscriptions();
        long start = System.nanoTime();
        List<LiveFanOut.Listener> listeners = onContext(node, () -> {
            List<LiveFanOut.Listener> made = new ArrayList<>();
            for (int i = 0; i < sockets; i++) {
                made.add(fanOut.subscribe(LiveEvents.conversationAddress("socket-" + i), frame -> { }));
            }
            return made;
        });
        long fanOutMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%,d sockets behind the node's fan-out: %d ms, cluster registrations %d -> %d%n", sockets,
                fanOutMs, before, subscriptions());
        listeners.forEach(LiveFanOut.Listener::close);
        start = System.nanoTime();
        List<MessageConsumer<Object>> consumers = new ArrayList<>();
        for (int i = 0; i < sockets; i++) {
            consumers.add(node.eventBus().consumer(LiveEvents.conversationAddress("socket-" + i), message -> { }));
        }
        WidgetSocket.await(Future.all(consumers.stream().map(MessageConsumer::completion).toList()));
        System.out.printf("%,d sockets with a consumer each: %d ms, cluster registrations %d -> %d%n", sockets,
                (System.nanoTime() - start) / 1_000_000, before, subscriptions());
        WidgetSocket.await(Future.all(consumers.stream().map(MessageConsumer::unregister).toList()));
    }

    private static int subscriptions() {
        return Hazelcast.getAllHazelcastInstances().iterator().next().getMultiMap("__vertx.subs").size();
    }

    /** Runs on one of the node's event loops, as a socket's subscription would. */
    private static <T> T onContext(Vertx node, java.util.function.Supplier<T> work) {
        Promise<T> done = Promise.promise();
        node.runOnContext(v -> done.complete(work.get()));
        return WidgetSocket.await(done.future());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
