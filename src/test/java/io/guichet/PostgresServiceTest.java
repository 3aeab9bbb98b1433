package io.guichet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guichet.lead.Lead;
import io.guichet.store.PostgresAddress;
import io.guichet.store.Store;
import io.guichet.store.TestStores;
import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The whole service on a PostgreSQL store, as {@code --store postgresql://…} starts it. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PostgresServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    /** A seminar journey that ends with a stored lead for the convention bureau (see CrashRecoveryTest). */
    private static final List<String> JOURNEY = List.of("séminaire pour 40 personnes les 12 et 13 mars", "1 nuit",
            "en théâtre", "oui", "je ne sais pas", "oui", "Je m'appelle Claire Martin", "claire.martin@example.org");

    @Test
    void aConversationToALeadIsStoredInPostgresql(@TempDir Path folder) throws Exception {
        TestStores.Place place = TestStores.POSTGRESQL.fresh(folder);
        Vertx vertx = Vertx.vertx();
        String id;
        try {
            int port = TestService.start(vertx, folder.resolve("data"), ADMIN_TOKEN, null, place.address())
                    .toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
            id = JSON.readTree(TestHttp.send(port, "POST", "/api/v1/conversations", "{}", null).body())
                    .get("id").asText();
            for (String text : JOURNEY) {
                HttpResponse<String> response = TestHttp.send(port, "POST", "/api/v1/conversations/" + id
                        + "/messages", JSON.createObjectNode().put("text", text).toString(), null);
                assertEquals(200, response.statusCode(), response.body());
            }
            JsonNode leads = JSON.readTree(TestHttp.send(port, "GET", "/api/v1/leads", null, ADMIN_TOKEN).body())
                    .get("leads");
            assertEquals(1, leads.size(), leads.toString());
            assertEquals("claire.martin@example.org", leads.get(0).get("email").asText());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        // What another node, or the next start, finds in the database.
        try (Store store = place.open(Clock.systemUTC())) {
            List<Lead> leads = store.all();
            assertEquals(List.of("claire.martin@example.org"), leads.stream().map(Lead::email).toList());
            assertEquals(id, leads.get(0).conversationId());
            List<String> said = new ArrayList<>();
            store.find(id).orElseThrow().messages().stream().filter(m -> m.from().equals("user"))
                    .forEach(m -> said.add(m.text()));
            assertEquals(JOURNEY, said, "the whole transcript");
        }
    }

    @Test
    void stoppingTheServiceGivesItsConnectionsBack(@TempDir Path folder) throws Exception {
        PostgresAddress shared = TestStores.POSTGRESQL.fresh(folder).address();
        String name = "guichet-stop-test";
        PostgresAddress named = new PostgresAddress(shared.host(), shared.port(), shared.database(), shared.user(),
                shared.password(), shared.query() + "&ApplicationName=" + name, shared.poolSize());
        Vertx vertx = Vertx.vertx();
        TestService.start(vertx, folder.resolve("data"), ADMIN_TOKEN, named)
                .toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
        assertTrue(connectionsNamed(shared, name) > 0, "the service's pool is open");
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (connectionsNamed(shared, name) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, connectionsNamed(shared, name), "no connection left open once the service stopped");
    }

    @Test
    void healthTurnsDownWithinSecondsOnceTheDatabaseIsGone(@TempDir Path folder) throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        Vertx vertx = Vertx.vertx();
        try {
            int port = TestService.start(vertx, folder.resolve("data"), ADMIN_TOKEN, new PostgresAddress("localhost",
                            server.getPort(), "postgres", "postgres", "postgres", null, 2))
                    .toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
            HttpResponse<String> up = TestHttp.send(port, "GET", "/health", null, null);
            assertEquals(200, up.statusCode(), up.body());
            server.close();
            long started = System.nanoTime();
            HttpResponse<String> down = TestHttp.send(port, "GET", "/health", null, null);
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(503, down.statusCode(), down.body());
            JsonNode body = JSON.readTree(down.body());
            assertEquals("DOWN", body.get("status").asText());
            assertTrue(body.get("store").asText().contains("store"), "says why: " + body);
            assertTrue(tookMs < 4000, "answered in " + tookMs + " ms, not after the pool's 10 s");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            server.close();
        }
    }

    private static int connectionsNamed(PostgresAddress address, String name) throws Exception {
        try (Connection connection = DriverManager.getConnection(address.jdbcUrl(), address.user(), address.password());
             PreparedStatement select = connection.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
