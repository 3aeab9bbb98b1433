package io.guichet.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.guichet.ChildService;
import io.guichet.TestService;
import io.guichet.channels.web.WidgetSocket;
import io.guichet.handoff.Passwords;
import io.guichet.store.Store;
import io.guichet.store.TestStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes, clustered on loopback, on one PostgreSQL: a visitor's widget on node A asks for a
 * person; the agent, logged in on node B, sees the conversation arrive in the console there,
 * claims it, and the two talk both ways, each on their own node. The console's session, made on
 * B, opens A too; the agent's console on B makes A say that someone will answer.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TwoNodesTest {
    private static final String PASSWORD = "claire-console-pass";
    private static final int VISITORS_UNDER_LOAD = 15;

    @Test
    void aVisitorOnOneNodeAndAnAgentOnTheOtherTalkBothWays(@TempDir Path folder) throws Exception {
        TestStores.Place place = TestStores.POSTGRESQL.fresh(folder);
        Path agents = Files.writeString(folder.resolve("agents.yml"), """
                agents:
                  - {id: claire, name: Claire, team: "*", password: "%s"}
                """.formatted(Passwords.hash(PASSWORD.toCharArray())));
        int hazelcastA = freePort();
        int hazelcastB = freePort();
        List<String> members = List.of("127.0.0.1:" + hazelcastA, "127.0.0.1:" + hazelcastB);
        Vertx clients = Vertx.vertx();
        List<Vertx> nodes = WidgetSocket.await(Future.all(
                new ClusterSettings(members, "127.0.0.1", hazelcastA).start(new VertxOptions()),
                new ClusterSettings(members, "127.0.0.1", hazelcastB).start(new VertxOptions()))).list();
        try {
            List<Integer> ports = Future.all(TestService.start(nodes.get(0), folder.resolve("a"), null, agents,
                            place.address()), TestService.start(nodes.get(1), folder.resolve("b"), null, agents,
                            place.address())).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS).list();
            int nodeA = ports.get(0);
            int nodeB = ports.get(1);
            WebClient onA = WebClient.create(clients, new WebClientOptions().setDefaultPort(nodeA));
            WebClient onB = WebClient.create(clients, new WebClientOptions().setDefaultPort(nodeB));

            HttpResponse<Buffer> loggedIn = WidgetSocket.await(onB.post("/agent/login")
                    .sendJsonObject(new JsonObject().put("id", "claire").put("password", PASSWORD)));
            assertEquals(200, loggedIn.statusCode(), loggedIn.bodyAsString());
            String cookie = loggedIn.getHeader("Set-Cookie").split(";")[0];
            assertEquals(200, WidgetSocket.await(onA.get("/api/v1/agent/me").putHeader("Cookie", cookie).send())
                    .statusCode(), "the session made on B opens A");

            try (WidgetSocket console = WidgetSocket.connect(clients, nodeB, "/ws/agent", null, cookie);
                 WidgetSocket widget = WidgetSocket.connect(clients, nodeA, "/ws/widget", null, null)) {
                console.next("ready");
                widget.send(new JsonObject().put("type", "hello").put("lang", "fr"));
                String id = widget.next("welcome").getString("id");
                widget.send(new JsonObject().put("type", "message").put("text", "je voudrais parler à un conseiller"));
                String handedOff = widget.next(frame -> "message".equals(frame.getString("type"))
                        && frame.getJsonObject("message").getString("text").contains("attente")).encode();
                assertTrue(handedOff.contains("Temps d'attente estimé"), "A knows B's agent is online: " + handedOff);
                console.next(frame -> "queue".equals(frame.getString("type")) && id.equals(frame.getString("id"))
                        && "waiting_agent".equals(frame.getString("status")));

                console.send(new JsonObject().put("type", "watch").put("id", id));
                assertEquals(200, WidgetSocket.await(onB.post("/api/v1/agent/conversations/" + id + "/claim")
                        .putHeader("Cookie", cookie).putHeader("X-Guichet-Console", "1").send()).statusCode());
                widget.next(frame -> "status".equals(frame.getString("type")) && "agent".equals(frame.getString("status")));

                assertEquals(200, WidgetSocket.await(onB.post("/api/v1/agent/conversations/" + id + "/messages")
                        .putHeader("Cookie", cookie).putHeader("X-Guichet-Console", "1")
                        .sendJsonObject(new JsonObject().put("text", "Bonjour, je suis Claire."))).statusCode());
                widget.next(frame -> "message".equals(frame.getString("type"))
                        && "agent".equals(frame.getJsonObject("message").getString("from"))
                        && "Bonjour, je suis Claire.".equals(frame.getJsonObject("message").getString("text")));

                widget.send(new JsonObject().put("type", "message").put("text", "Merci Claire !"));
                console.next(frame -> "message".equals(frame.getString("type")) && id.equals(frame.getString("id"))
                        && "user".equals(frame.getJsonObject("message").getString("from"))
                        && "Merci Claire !".equals(frame.getJsonObject("message").getString("text")));
            }
            assertTrue(newConversationsBeforeRefusal(onA, onB) <= 20, "an address's allowance of new widget"
                    + " conversations (20 in 100 s) holds across the nodes, not once per node");
        } finally {
            WidgetSocket.await(Future.all(nodes.get(0).close(), nodes.get(1).close(), clients.close()));
        }
    }

    /** New widget conversations opened from this address, on A and B in turn, until one is refused. */
    private static int newConversationsBeforeRefusal(WebClient onA, WebClient onB) throws InterruptedException {
        // Not across the edge of a 100-second window, where up to twice the allowance may pass.
        long intoWindow = System.currentTimeMillis() % 100_000;
        if (intoWindow > 90_000) {
            Thread.sleep(100_000 - intoWindow);
        }
        for (int opened = 0; opened < 60; opened++) {
            HttpResponse<Buffer> response = WidgetSocket.await((opened % 2 == 0 ? onA : onB)
                    .post("/api/v1/conversations").sendJsonObject(new JsonObject().put("channel", "widget")));
            if (response.statusCode() == 429) {
                return opened;
            }
            assertEquals(201, response.statusCode(), response.bodyAsString());
        }
        return 60;
    }

    /**
     * Node A a process of its own, killed with SIGKILL mid-conversation, and mid-load: node B, in this JVM, drops it
     * from the cluster, and the visitor's widget, reconnecting to B, finds every message A acknowledged and goes on
     * there. Meanwhile {@value #VISITORS_UNDER_LOAD} visitors on the REST channel were going through seminar
     * journeys on A; they finish them on B, each acknowledged message stored once, answered once, and one lead each.
     */
    @Test
    void visitorsWhoseNodeIsKilledUnderLoadGoOnOnTheOtherWithNothingLost(@TempDir Path folder) throws Exception {
        TestStores.Place place = TestStores.POSTGRESQL.fresh(folder);
        List<String> members = List.of("127.0.0.1:" + freePort(), "127.0.0.1:" + freePort());
        // One data folder for both, so that they sign widgets' secrets with one key.
        Path data = folder.resolve("data");
        Vertx clients = Vertx.vertx();
        Vertx nodeB = null;
        try (ChildService nodeA = ChildService.start(data, Map.of("GUICHET_STORE", place.address() + "?"
                + place.address().query(), "GUICHET_CLUSTER", String.join(",", members), "GUICHET_CLUSTER_PORT",
                members.get(0).split(":")[1]))) {
            nodeB = WidgetSocket.await(new ClusterSettings(members, "127.0.0.1",
                    Integer.parseInt(members.get(1).split(":")[1])).start(new VertxOptions()));
            int portB = TestService.start(nodeB, data, null, null, place.address()).toCompletionStage()
                    .toCompletableFuture().get(120, TimeUnit.SECONDS);
            HazelcastInstance survivor = Hazelcast.getAllHazelcastInstances().iterator().next();
            assertEquals(2, survivor.getCluster().getMembers().size(), "B joined A");

            String id;
            String secret;
            List<String> said = List.of("bonjour", "à quelle heure ouvre l'office de tourisme ?");
            try (WidgetSocket widget = WidgetSocket.connect(clients, nodeA.port(), "/ws/widget", null, null)) {
                widget.send(new JsonObject().put("type", "hello").put("lang", "fr"));
                JsonObject welcome = widget.next("welcome");
                id = welcome.getString("id");
                secret = welcome.getString("secret");
                for (String text : said) {
                    widget.send(new JsonObject().put("type", "message").put("text", text));
                    widget.next("turn_end");
                }
            }
            SeminarVisitors underLoad = SeminarVisitors.start(VISITORS_UNDER_LOAD, nodeA.port(), portB);
            // Well into the load: each visitor has messages acknowledged and more to send, some in flight.
            underLoad.awaitAcknowledged(0.3);
            System.out.printf("killing A after %d acknowledged messages%n", underLoad.acknowledged());
            long killed = System.nanoTime();
            nodeA.kill();
            while (survivor.getCluster().getMembers().size() > 1) {
                assertTrue(System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(30), "B still counts A");
                Thread.sleep(20);
            }
            System.out.printf("B dropped the killed node A from the cluster %d ms after its SIGKILL%n",
                    (System.nanoTime() - killed) / 1_000_000);

            try (WidgetSocket widget = WidgetSocket.connect(clients, portB, "/ws/widget", null, null)) {
                widget.send(new JsonObject().put("type", "hello").put("id", id).put("secret", secret));
                List<JsonObject> transcript = widget.next("welcome").getJsonArray("messages").stream()
                        .map(JsonObject.class::cast).toList();
                assertEquals(said, transcript.stream().filter(line -> "user".equals(line.getString("from")))
                        .map(line -> line.getString("text")).toList(), "what A acknowledged, all of it: " + transcript);
                assertEquals("bot", transcript.get(transcript.size() - 1).getString("from"), "with its answer");
                widget.send(new JsonObject().put("type", "message").put("text", "merci"));
                widget.next("turn_end");
            }
            underLoad.awaitFinished();
            try (Store store = place.open(Clock.systemUTC())) {
                System.out.println(underLoad.checkStoredIn(store));
            }
        } finally {
            WidgetSocket.await(nodeB == null ? clients.close() : Future.all(nodeB.close(), clients.close()).mapEmpty());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
