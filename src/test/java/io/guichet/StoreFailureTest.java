package io.guichet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A store that can no longer write, for real: the service process is forbidden by the kernel to
 * write any byte to a file ({@code prlimit --fsize=0}, which behaves as a full disk for SQLite and
 * applies even to root, unlike a read-only folder). The service must say so (503 on the message,
 * health DOWN), lose nothing it acknowledged, and come back UP by itself once writing works again.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StoreFailureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStoreThatCannotWriteIsReportedNotSilent() throws Exception {
        Path prlimit = Path.of("/usr/bin/prlimit");
        assumeTrue(Files.isExecutable(prlimit), "needs util-linux prlimit to take the right to write away");
        Path data = Files.createTempDirectory("guichet-full");
        try {
            String id;
            try (ChildService service = ChildService.start(data)) {
                id = JSON.readTree(service.send("POST", "/api/v1/conversations", "{}").body()).get("id").asText();
                assertEquals(200, post(service, id, "bonjour").statusCode());
                assertEquals(200, service.send("GET", "/health", null).statusCode());

                limitFileSize(prlimit, service.pid(), "0");
                HttpResponse<String> refused = post(service, id, "séminaire pour 40 personnes");
                assertEquals(503, refused.statusCode(), refused.body());
                assertEquals("store_unavailable", JSON.readTree(refused.body()).get("error").asText());
                assertTrue(refused.headers().firstValue("Retry-After").isPresent());
                assertEquals(503, service.send("POST", "/api/v1/conversations", "{}").statusCode());
                HttpResponse<String> down = service.send("GET", "/health", null);
                assertEquals(503, down.statusCode(), down.body());
                assertEquals("DOWN", JSON.readTree(down.body()).get("status").asText());
                assertTrue(JSON.readTree(down.body()).get("store").asText().contains("cannot"), down.body());

                limitFileSize(prlimit, service.pid(), "unlimited");
                assertEquals(200, service.send("GET", "/health", null).statusCode(), "UP again once it can write");
                assertEquals(200, post(service, id, "séminaire pour 40 personnes").statusCode());
            }
            try (ChildService restarted = ChildService.start(data)) {
                List<String> stored = new ArrayList<>();
                for (JsonNode message : JSON.readTree(restarted.send("GET", "/api/v1/conversations/" + id, null)
                        .body()).get("messages")) {
                    if (message.get("from").asText().equals("user")) {
                        stored.add(message.get("text").asText());
                    }
                }
                assertEquals(List.of("bonjour", "séminaire pour 40 personnes"), stored,
                        "what was acknowledged is there, and the refused message only once, as resent");
                JsonNode conversation = JSON.readTree(restarted.send("GET", "/api/v1/conversations/" + id, null)
                        .body()).get("journey");
                assertEquals(40, conversation.get("slots").get("people_count").asInt(), "the journey is intact");
            }
        } finally {
            ChildService.deleteTree(data);
        }
    }

    private static HttpResponse<String> post(ChildService service, String id, String text)
            throws IOException, InterruptedException {
        return service.send("POST", "/api/v1/conversations/" + id + "/messages",
                JSON.createObjectNode().put("text", text).toString());
    }

    /** Sets the process's soft limit on file size (the hard limit is left alone, so it can be raised back). */
    private static void limitFileSize(Path prlimit, long pid, String bytes) throws IOException, InterruptedException {
        Process call = new ProcessBuilder(prlimit.toString(), "--pid", Long.toString(pid), "--fsize=" + bytes + ":")
                .redirectErrorStream(true).start();
        String out = new String(call.getInputStream().readAllBytes());
        assertEquals(0, call.waitFor(), "prlimit: " + out);
    }
}
