package io.guichet.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.guichet.ChildService;
import io.guichet.TestHttp;
import io.guichet.TestService;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The knowledge base is reloaded (documents added and rewritten on disk) while clients search and
 * converse without pause: not one request may fail, and the new documents become searchable.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class KbReloadUnderLoadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RELOADS = 4;

    @Test
    void reloadingTheKnowledgeBaseFailsNoRequest() throws Exception {
        Path kb = Files.createTempDirectory("guichet-reload-kb");
        Path data = Files.createTempDirectory("guichet-reload-data");
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/service-kb"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = kb.resolve(Path.of("src/test/resources/service-kb").relativize(file));
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Vertx vertx = Vertx.vertx();
        try {
            int port = TestService.start(vertx, kb, data, null, null, null).toCompletionStage().toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
            int before = documents(port);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            Map<String, Integer> failures = new ConcurrentHashMap<>();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int client = c;
                Thread thread = new Thread(() -> talk(port, client, running, answered, failures));
                thread.start();
                clients.add(thread);
            }
            for (int r = 0; r < RELOADS; r++) {
                Files.writeString(kb.resolve("reload-" + r + ".md"), "---\nid: reload-" + r + "\ntitle: Refuge du"
                        + " col numéro " + r + "\nlang: fr\naudience: [visitor]\n---\n# Refuge\n\nLe refuge zorblatt"
                        + r + " accueille les randonneurs de mai à octobre, 24 couchettes.\n");
                waitForDocuments(port, before + r + 1);
            }
            running.set(false);
            for (Thread client : clients) {
                client.join(30_000);
            }
            assertEquals(Map.of(), failures, "requests that failed while the knowledge base was reloaded");
            assertTrue(answered.get() > 20, "the clients kept the service busy: " + answered.get() + " answers");
            String hits = TestHttp.send(port, "POST", "/api/v1/search", "{\"query\": \"refuge zorblatt3\"}", null)
                    .body();
            assertEquals("reload-3", JSON.readTree(hits).get("hits").get(0).get("id").asText(), hits);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            ChildService.deleteTree(kb);
            ChildService.deleteTree(data);
        }
    }

    /** Searches and conversation messages, back to back; any status but 200 or 201 is a failure. */
    private static void talk(int port, int client, AtomicBoolean running, AtomicInteger answered,
                             Map<String, Integer> failures) {
        try {
            String id = JSON.readTree(TestHttp.send(port, "POST", "/api/v1/conversations", "{}", null).body())
                    .get("id").asText();
            for (int n = 0; running.get(); n++) {
                HttpResponse<String> response = n % 2 == 0
                        ? TestHttp.send(port, "POST", "/api/v1/search", "{\"query\": \"navette aéroport prix\"}", null)
                        : TestHttp.send(port, "POST", "/api/v1/conversations/" + id + "/messages",
                        "{\"text\": \"combien coûte la navette ? (" + client + "/" + n + ")\"}", null);
                if (response.statusCode() == 200) {
                    answered.incrementAndGet();
                } else {
                    failures.merge(response.statusCode() + " " + response.body(), 1, Integer::sum);
                }
            }
        } catch (Exception e) {
            failures.merge(e.toString(), 1, Integer::sum);
        }
    }

    private static int documents(int port) throws Exception {
        return JSON.readTree(TestHttp.send(port, "GET", "/health", null, null).body()).get("documents").asInt();
    }

    /** The service checks the folder every 2 s: wait until the reload is in. */
    private static void waitForDocuments(int port, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (documents(port) < expected) {
            assertTrue(System.nanoTime() < deadline, "the knowledge base was not reloaded");
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
