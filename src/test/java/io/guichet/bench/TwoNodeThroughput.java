package io.guichet.bench;

import io.guichet.SeminarJourney;
import io.guichet.TestHttp;
import io.guichet.TestService;
import io.guichet.channels.web.WidgetSocket;
import io.guichet.cluster.ClusterSettings;
import io.guichet.store.PostgresAddress;
import io.guichet.store.TestStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Messages per second and their latency through Rasa's REST channel, one node against two clustered on loopback,
 * both on one embedded PostgreSQL (a fresh schema each). Simulated users, each on a thread of its own, go through
 * seminar journeys to a lead one after another, a message as soon as the previous one is answered; a journey's
 * conversation goes to the nodes in turn, as a load balancer would spread them. A warm-up, then a measured window:
 * the rate is the messages answered in the window over its length, the latency that of each of them.
 *
 * <p>Everything runs on one machine, the nodes in this JVM: on 2 cores, two nodes share the same cores and add the
 * cluster's work (Hazelcast, the clustered event bus), so the figures show that overhead, not the speed-up separate
 * machines would give; on a machine busy with other work, its noise can be larger than either. A benchmark that
 * prints figures, not a test:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) io.guichet.bench.TwoNodeThroughput [users] [seconds]}.
 * Each node opens the default pool of {@value PostgresAddress#DEFAULT_POOL_SIZE} connections. One node is measured
 * first and once more last, since the first run also pays for the JIT's compiling.
 */
public final class TwoNodeThroughput {
    private static final int WARM_UP_SECONDS = 5;

    private TwoNodeThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path folder = Files.createTempDirectory("guichet-two-nodes");

        measureOneNode("one node       ", folder.resolve("one"), users, seconds);
        measureTwoNodes(folder.resolve("two"), users, seconds);
        // Again, now that the JIT has compiled what the first runs used: the first run paid for it alone.
        measureOneNode("one node again ", folder.resolve("one-again"), users, seconds);
        System.exit(0);
    }

    private static void measureOneNode(String label, Path data, int users, int seconds) throws Exception {
        Vertx alone = Vertx.vertx();
        try {
            int port = TestService.start(alone, data, null, null, freshStore(data)).toCompletionStage()
                    .toCompletableFuture().get(120, TimeUnit.SECONDS);
            report(label, drive(List.of(port), users, seconds), users, seconds);
        } finally {
            WidgetSocket.await(alone.close());
        }
    }

    private static void measureTwoNodes(Path data, int users, int seconds) throws Exception {
        List<String> members = List.of("127.0.0.1:" + freePort(), "127.0.0.1:" + freePort());
        List<Vertx> nodes = WidgetSocket.await(Future.all(members.stream().map(member -> new ClusterSettings(members,
                "127.0.0.1", Integer.parseInt(member.substring(member.indexOf(':') + 1))).start(new VertxOptions()))
                .toList())).list();
        try {
            // One data folder and one schema for both, as two instances of one deployment.
            PostgresAddress store = freshStore(data);
            List<Integer> ports = new ArrayList<>();
            for (Vertx node : nodes) {
                ports.add(TestService.start(node, data, null, null, store).toCompletionStage().toCompletableFuture()
                        .get(120, TimeUnit.SECONDS));
            }
            report("two nodes      ", drive(ports, users, seconds), users, seconds);
        } finally {
            WidgetSocket.await(Future.all(nodes.stream().map(Vertx::close).toList()));
        }
    }

    /** A schema of its own, with the pool a node opens by default (tests' schemas come with a smaller one). */
    private static PostgresAddress freshStore(Path folder) {
        PostgresAddress schema = TestStores.POSTGRESQL.fresh(folder).address();
        return new PostgresAddress(schema.host(), schema.port(), schema.database(), schema.user(), schema.password(),
                schema.query(), PostgresAddress.DEFAULT_POOL_SIZE);
    }

    /** Latencies in microseconds of the messages answered in the measured window, sorted. */
    private static long[] drive(List<Integer> ports, int users, int seconds) throws InterruptedException {
        long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
        long stopAt = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger journeys = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            Thread user = new Thread(() -> {
                while (System.nanoTime() < stopAt) {
                    int journey = journeys.getAndIncrement();
                    int port = ports.get(journey % ports.size());
                    String sender = "user-" + journey;
                    for (String text : SeminarJourney.to(sender + "@example.org")) {
                        long sent = System.nanoTime();
                        if (!answered(port, sender, text)) {
                            failures.incrementAndGet();
                        }
                        long answered = System.nanoTime();
                        if (sent >= measureFrom && answered <= stopAt) {
                            latencies.add((answered - sent) / 1_000);
                        }
                    }
                }
            });
            user.start();
            threads.add(user);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failures.get() > 0) {
            System.out.printf("%d messages not answered with a 200%n", failures.get());
        }
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static boolean answered(int port, String sender, String text) {
        try {
            HttpResponse<String> reply = TestHttp.send(port, "POST", "/webhooks/rest/webhook",
                    new JsonObject().put("sender", sender).put("message", text).encode(), null);
            return reply.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void report(String where, long[] micros, int users, int seconds) {
        System.out.printf("%s: %d users, %,d messages in %d s = %.1f messages/s; latency p50 %d ms, p99 %d ms%n",
                where, users, micros.length, seconds, micros.length / (double) seconds,
                micros[micros.length / 2] / 1_000, micros[micros.length * 99 / 100] / 1_000);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
