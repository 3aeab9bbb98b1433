package io.guichet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The service as a real process, killed with SIGKILL while clients are talking to it: after a
 * restart on the same data folder, every message the service acknowledged is there, in order,
 * and the conversations go on.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CrashRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A running service process and its port. */
    private record Service(Process process, int port) {
    }

    private static Service start(Path data) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "io.guichet.Main", "--port", "0", "--kb", "src/test/resources/service-kb", "--data", data.toString(),
                "--warmup", "0").redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return new Service(process, Integer.parseInt(listening.group(1)));
            }
        }
        throw new IllegalStateException("the service stopped before listening, exit " + process.waitFor());
    }

    private HttpResponse<String> send(int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("content-type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aKilledServiceLosesNoAcknowledgedMessage() throws Exception {
        Path data = Files.createTempDirectory("guichet-crash");
        Service first = start(data);
        int clients = 4;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            ids.add(JSON.readTree(send(first.port(), "POST", "/api/v1/conversations", "{}").body()).get("id").asText());
        }
        Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
        CountDownLatch enoughSent = new CountDownLatch(clients * 3);
        List<Thread> threads = new ArrayList<>();
        for (String id : ids) {
            acknowledged.put(id, new ArrayList<>());
            Thread client = new Thread(() -> {
                for (int n = 0; n < 1000; n++) {
                    String text = "séminaire pour " + (10 + n) + " personnes";
                    try {
                        HttpResponse<String> response = send(first.port(), "POST",
                                "/api/v1/conversations/" + id + "/messages", "{\"text\": \"" + text + "\"}");
                        if (response.statusCode() != 200) {
                            return;
                        }
                        acknowledged.get(id).add(text);
                        enoughSent.countDown();
                    } catch (Exception killed) {
                        return;
                    }
                }
            });
            client.start();
            threads.add(client);
        }
        assertTrue(enoughSent.await(60, TimeUnit.SECONDS), "the clients could not talk to the service");
        first.process().destroyForcibly().waitFor();
        for (Thread client : threads) {
            client.join(30_000);
        }

        Service second = start(data);
        try {
            for (String id : ids) {
                HttpResponse<String> response = send(second.port(), "GET", "/api/v1/conversations/" + id, null);
                assertEquals(200, response.statusCode(), response.body());
                List<String> stored = new ArrayList<>();
                for (JsonNode message : JSON.readTree(response.body()).get("messages")) {
                    if (message.get("from").asText().equals("user")) {
                        stored.add(message.get("text").asText());
                    }
                }
                List<String> sent = acknowledged.get(id);
                assertTrue(sent.size() >= 3);
                assertEquals(sent, stored.subList(0, sent.size()), "every acknowledged message, in order");
                assertTrue(stored.size() <= sent.size() + 1, "at most the one message in flight was stored unacknowledged");
                assertEquals(200, send(second.port(), "POST", "/api/v1/conversations/" + id + "/messages",
                        "{\"text\": \"merci\"}").statusCode(), "the conversation goes on");
            }
        } finally {
            second.process().destroyForcibly().waitFor();
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
