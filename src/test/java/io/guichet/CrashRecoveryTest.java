package io.guichet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The service as a real process, killed with SIGKILL while clients go through seminar journeys
 * up to a stored lead, again and again: after a restart on the same data folder, every message
 * the service acknowledged is there, in order, every lead it acknowledged is listed, and every
 * conversation goes on.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CrashRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A seminar journey that ends with a stored lead (see JourneyConversationTest). */
    private static final List<String> JOURNEY = List.of("séminaire pour 40 personnes les 12 et 13 mars", "1 nuit",
            "en théâtre", "oui", "je ne sais pas", "oui", "Je m'appelle Claire Martin");

    /** What one client saw acknowledged, per conversation. */
    private record Acknowledged(Map<String, List<String>> messages, Set<String> leads) {
    }

    @Test
    void aKilledServiceLosesNoAcknowledgedMessageNorLead() throws Exception {
        Path data = Files.createTempDirectory("guichet-crash");
        ChildService first = ChildService.start(data);
        int clients = 4;
        Acknowledged seen = new Acknowledged(new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet());
        CountDownLatch leadsStored = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> converse(first, client, seen, leadsStored));
            thread.start();
            threads.add(thread);
        }
        assertTrue(leadsStored.await(90, TimeUnit.SECONDS), "the clients could not reach a lead each");
        first.kill();
        for (Thread thread : threads) {
            thread.join(30_000);
        }

        try (ChildService second = ChildService.start(data)) {
            Set<String> listed = new HashSet<>();
            for (JsonNode lead : JSON.readTree(second.send("GET", "/api/v1/leads", null).body()).get("leads")) {
                listed.add(lead.get("email").asText());
            }
            assertTrue(listed.containsAll(seen.leads()), "every acknowledged lead: " + seen.leads() + " in " + listed);
            for (Map.Entry<String, List<String>> conversation : seen.messages().entrySet()) {
                HttpResponse<String> response = second.send("GET", "/api/v1/conversations/" + conversation.getKey(),
                        null);
                assertEquals(200, response.statusCode(), response.body());
                List<String> stored = new ArrayList<>();
                for (JsonNode message : JSON.readTree(response.body()).get("messages")) {
                    if (message.get("from").asText().equals("user")) {
                        stored.add(message.get("text").asText());
                    }
                }
                List<String> sent = conversation.getValue();
                assertEquals(sent, stored.subList(0, Math.min(stored.size(), sent.size())),
                        "every acknowledged message, in order");
                assertTrue(stored.size() <= sent.size() + 1, "at most the message in flight was stored unacknowledged");
                assertEquals(200, second.send("POST", "/api/v1/conversations/" + conversation.getKey() + "/messages",
                        "{\"text\": \"merci\"}").statusCode(), "the conversation goes on");
            }
        } finally {
            ChildService.deleteTree(data);
        }
    }

    /** One client: journey after journey, each ending with a distinct e-mail, until the service dies. */
    private static void converse(ChildService service, int client, Acknowledged seen, CountDownLatch leadsStored) {
        try {
            for (int journey = 0; ; journey++) {
                String id = JSON.readTree(service.send("POST", "/api/v1/conversations", "{}").body()).get("id").asText();
                List<String> acknowledged = new ArrayList<>();
                seen.messages().put(id, acknowledged);
                List<String> script = new ArrayList<>(JOURNEY);
                String email = "client" + client + ".journey" + journey + "@example.org";
                script.add(email);
                for (String text : script) {
                    HttpResponse<String> response = service.send("POST", "/api/v1/conversations/" + id + "/messages",
                            JSON.createObjectNode().put("text", text).toString());
                    if (response.statusCode() != 200) {
                        return;
                    }
                    acknowledged.add(text);
                }
                seen.leads().add(email);
                if (journey == 0) {
                    leadsStored.countDown();
                }
            }
        } catch (Exception killed) {
            // The service was killed under this client: what it acknowledged so far is recorded.
        }
    }
}
