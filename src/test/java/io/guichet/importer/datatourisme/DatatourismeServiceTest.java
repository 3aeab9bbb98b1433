package io.guichet.importer.datatourisme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.TestHttp;
import io.guichet.TestService;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the fixture flux imported by the command into a knowledge base, the service started
 * on it, a seminar planner for 300 people offered the imported convention centre with its date;
 * then the service's refresh from a local flux server, its 304, and the admin endpoint's report.
 */
class DatatourismeServiceTest {
    private static final String ADMIN_TOKEN = "admin-token-of-the-test-0123";
    private static final String ETAG = "\"flux-v1\"";
    private static final String CONVENTION_CENTRE = "dt-85b0a2d4-1e25-3286-80c4-7966e94d887b-fr";
    /** A guided visit on 19 and 20 September 2020. */
    private static final String WEEKEND_EVENT = "dt-003eb63b-ee8e-316f-b93f-6d58439158e6-fr";

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theImportedConventionCentreIsRecommendedAndTheRefreshIsReported(@TempDir Path temp) throws Exception {
        Path kb = FluxFixtures.copy(Path.of("src/test/resources/service-kb"), temp.resolve("kb"));
        Path imported = kb.resolve(DatatourismeImport.FOLDER_IN_KB);
        assertEquals(0, ImportCommand.run(new String[] {"datatourisme", FluxFixtures.FLUX.toString(), "--out",
                imported.toString()}, System.out, System.err));
        Path data = Files.createDirectories(temp.resolve("data"));
        // A run that just happened, as a previous start would have left it: the schedule waits a day, the test leads.
        Files.writeString(data.resolve("datatourisme-import.json"), new JsonObject().put("lastRun", new JsonObject()
                .put("at", Instant.now().toString()).put("outcome", "failed").put("reason", "earlier")).encode());

        Vertx vertx = Vertx.vertx();
        try {
            Buffer zip = Buffer.buffer(Files.readAllBytes(FluxFixtures.zip(FluxFixtures.FLUX, temp.resolve("flux.zip"))));
            AtomicInteger downloads = new AtomicInteger();
            HttpServer flux = vertx.createHttpServer().requestHandler(request -> {
                if (ETAG.equals(request.getHeader("If-None-Match"))) {
                    request.response().setStatusCode(304).end();
                } else {
                    downloads.incrementAndGet();
                    request.response().putHeader("ETag", ETAG).end(zip);
                }
            }).listen(0).await(10, TimeUnit.SECONDS);
            URI url = URI.create("http://localhost:" + flux.actualPort() + "/webservice/flux/secret-key");
            int port = TestService.start(vertx, kb, data, ADMIN_TOKEN,
                    new DatatourismeRefresh.Settings(url, Duration.ofHours(24))).await(120, TimeUnit.SECONDS);

            JsonObject sources = planASeminarFor300(port);
            JsonObject venue = sources.getJsonArray("sources").stream().map(JsonObject.class::cast)
                    .filter(s -> s.getString("id").equals(CONVENTION_CENTRE)).findFirst()
                    .orElseThrow(() -> new AssertionError("no convention centre among " + sources.encode()));
            assertEquals("Le Jeu de Paume", venue.getString("title"));
            assertEquals("2020-01-31", venue.getString("updated"));

            // Asked on Thursday 17 September 2020: that weekend's imported event, with its card and date.
            String id = json(TestHttp.send(port, "POST", "/api/v1/conversations", "{}", null)).getString("id");
            JsonObject weekend = json(TestHttp.send(port, "POST", "/api/v1/conversations/" + id + "/messages",
                    new JsonObject().put("text", "qu'est-ce qu'il y a à faire ce week-end ?").put("now", "2020-09-17")
                            .encode(), null));
            JsonObject event = weekend.getJsonArray("sources").getJsonObject(0);
            assertEquals(WEEKEND_EVENT, event.getString("id"), weekend.encode());
            assertEquals("2020-08-13", event.getString("updated"));
            assertTrue(weekend.getJsonArray("replies").encode().contains("du 19 au 20 septembre 2020"), weekend.encode());

            Map<String, FileTime> times = FluxFixtures.times(imported);
            assertEquals(401, TestHttp.send(port, "GET", "/api/v1/admin/imports", null, null).statusCode());
            JsonObject first = json(TestHttp.send(port, "POST", "/api/v1/admin/imports/datatourisme", null, ADMIN_TOKEN));
            assertEquals("imported", first.getString("outcome"), first.encode());
            assertEquals(8, first.getInteger("unchanged"), "the service's import writes the command's very bytes");
            JsonObject second = json(TestHttp.send(port, "POST", "/api/v1/admin/imports/datatourisme", null, ADMIN_TOKEN));
            assertEquals("not_modified", second.getString("outcome"), second.encode());
            assertEquals(1, downloads.get());
            assertEquals(times, FluxFixtures.times(imported));

            HttpResponse<String> report = TestHttp.send(port, "GET", "/api/v1/admin/imports", null, ADMIN_TOKEN);
            assertEquals(200, report.statusCode());
            assertTrue(!report.body().contains("secret-key"), report.body());
            JsonObject status = new JsonObject(report.body()).getJsonObject("datatourisme");
            assertEquals("not_modified", status.getJsonObject("lastRun").getString("outcome"));
            assertEquals("imported", status.getJsonObject("lastImport").getString("outcome"));
            assertEquals(8, status.getJsonObject("lastImport").getInteger("read"));
            assertEquals(24, status.getInteger("everyHours"));
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    /** A seminar journey through its questions; the turn that sums it up, with the recommended pages. */
    private static JsonObject planASeminarFor300(int port) throws Exception {
        String id = json(TestHttp.send(port, "POST", "/api/v1/conversations", "{}", null)).getString("id");
        String path = "/api/v1/conversations/" + id + "/messages";
        JsonObject turn = null;
        for (String text : List.of("Nous organisons un séminaire pour 300 personnes les 12 et 13 mai", "1 nuit",
                "en théâtre", "oui", "je ne sais pas")) {
            turn = json(TestHttp.send(port, "POST", path,
                    new JsonObject().put("text", text).put("now", "2026-11-21").encode(), null));
            if (!turn.getJsonArray("sources", new JsonArray()).isEmpty()
                    && turn.getJsonArray("sources").encode().contains("dt-")) {
                return turn;
            }
        }
        return turn;
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
        return new JsonObject(response.body());
    }
}
