package io.guichet.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guichet.TestHttp;
import io.guichet.TestService;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service, configured from an agents file, with a CRM that accepts connections and
 * never answers: people keep reaching leads and every turn is answered while each delivery hangs
 * to its time-out; the dashboard's endpoint shows them pending; and the next start of the service,
 * with the CRM back, delivers every one.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DeadCrmTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    private static final String SECRET_VARIABLE = "GUICHET_WEBHOOK_SECRET_CONVENTION";
    /** A seminar journey that ends with a stored lead for the convention bureau (see CrashRecoveryTest). */
    private static final List<String> JOURNEY = List.of("séminaire pour 40 personnes les 12 et 13 mars", "1 nuit",
            "en théâtre", "oui", "je ne sais pas", "oui", "Je m'appelle Claire Martin");
    private static final int LEADS = 3;

    @Test
    void aDeadCrmSlowsNoTurnAndItsLeadsWaitForTheNextStart(@TempDir Path folder) throws Exception {
        Path data = folder.resolve("data");
        Vertx crm = Vertx.vertx();
        try {
            AtomicInteger hanging = new AtomicInteger();
            int deadPort = crm.createHttpServer().requestHandler(request -> hanging.incrementAndGet())
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get().actualPort();
            Vertx first = Vertx.vertx();
            List<Long> turnMillis = new ArrayList<>();
            try {
                int port = start(first, folder, data, deadPort);
                for (int lead = 0; lead < LEADS; lead++) {
                    turnMillis.addAll(journeyToLead(port, "lead" + lead + "@example.org"));
                }
                assertEquals(LEADS, JSON.readTree(TestHttp.send(port, "GET", "/api/v1/leads", null, ADMIN_TOKEN).body())
                        .get("leads").size(), "each journey ended with a lead");
                LeadWebhooksTest.eventually(() -> hanging.get() >= 1, "the CRM holds a delivery");
                // Every turn is answered: the leads' deliveries wait on the network, never a turn on them.
                // A turn that waited for a delivery would take its time-out at least.
                long slowest = turnMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
                assertTrue(slowest < LeadWebhooks.TIMEOUT_MS, "slowest turn " + slowest + " ms: " + turnMillis);
                LeadWebhooksTest.eventually(() -> {
                    JsonNode deliveries = deliveries(port);
                    return deliveries.path("failures").size() > 0
                            && deliveries.path("teams").get(0).path("pending").asInt() == LEADS;
                }, "the dashboard shows the leads pending, and the time-out");
                JsonNode failure = deliveries(port).path("failures").get(0);
                assertEquals(LeadWebhooksTest.TEAM, failure.path("team").asText());
                assertTrue(failure.path("lastStatus").isNull(), "no status from a CRM that never answered: " + failure);
                assertTrue(failure.path("lastError").asText().contains("imeout"), failure.toString());
                assertTrue(!failure.toString().contains("example.org"), "no personal data: " + failure);
                assertEquals(401, TestHttp.send(port, "GET", "/api/v1/analytics/deliveries", null, null).statusCode());
                assertEquals(400, TestHttp.send(port, "GET", "/api/v1/analytics/deliveries?from=yesterday", null,
                        ADMIN_TOKEN).statusCode());
            } finally {
                first.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }

            List<String> received = new ArrayList<>();
            int livePort = crm.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                synchronized (received) {
                    received.add(body.toJsonObject().getJsonObject("lead").getString("email"));
                }
                request.response().setStatusCode(200).end();
            })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get().actualPort();
            Vertx second = Vertx.vertx();
            try {
                int port = start(second, folder, data, livePort);
                LeadWebhooksTest.eventually(() -> deliveries(port).path("teams").get(0).path("delivered").asInt()
                        == LEADS, "the next start delivers what the dead CRM did not take");
                synchronized (received) {
                    assertEquals(List.of("lead0@example.org", "lead1@example.org", "lead2@example.org"),
                            received.stream().distinct().sorted().toList());
                }
            } finally {
                second.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        } finally {
            crm.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** Starts the service with the convention bureau's webhook to {@code crmPort}, as an operator configures it. */
    private static int start(Vertx vertx, Path folder, Path data, int crmPort) throws Exception {
        Path agents = folder.resolve("agents.yml");
        Files.writeString(agents, "timezone: Europe/Paris\nteams:\n  convention_bureau:\n    webhook:\n"
                + "      url: \"http://127.0.0.1:" + crmPort + "/hooks/guichet\"\n"
                + "      secret_env: " + SECRET_VARIABLE + "\n");
        Webhooks webhooks = Webhooks.load(agents, Map.of(SECRET_VARIABLE, LeadWebhooksTest.SECRET))
                .retriedOn(new RetrySchedule(Collections.nCopies(10, Duration.ofMillis(200)), Duration.ofMillis(100)));
        return TestService.start(vertx, data, agents, ADMIN_TOKEN, webhooks).toCompletionStage().toCompletableFuture()
                .get(90, TimeUnit.SECONDS);
    }

    /** One conversation from its first message to a stored lead; returns each turn's time, in ms. */
    private static List<Long> journeyToLead(int port, String email) throws Exception {
        String id = JSON.readTree(TestHttp.send(port, "POST", "/api/v1/conversations", "{}", null).body())
                .get("id").asText();
        List<String> script = new ArrayList<>(JOURNEY);
        script.add(email);
        List<Long> millis = new ArrayList<>();
        for (String text : script) {
            long started = System.nanoTime();
            HttpResponse<String> response = TestHttp.send(port, "POST", "/api/v1/conversations/" + id + "/messages",
                    JSON.createObjectNode().put("text", text).toString(), null);
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            assertEquals(200, response.statusCode(), response.body());
        }
        return millis;
    }

    private static JsonNode deliveries(int port) {
        try {
            return JSON.readTree(TestHttp.send(port, "GET", "/api/v1/analytics/deliveries", null, ADMIN_TOKEN).body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot read the deliveries", e);
        }
    }
}
