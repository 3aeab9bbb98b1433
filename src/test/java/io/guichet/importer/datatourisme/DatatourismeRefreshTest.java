package io.guichet.importer.datatourisme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduled refresh against a local server that serves the zipped fixture flux with an ETag
 * and a Last-Modified, as the platform does, and answers 304 to a request that names them.
 */
class DatatourismeRefreshTest {
    private static final String ETAG = "\"flux-v1\"";
    private static final String LAST_MODIFIED = "Sat, 05 Dec 2026 10:00:00 GMT";
    private static final String KEY = "0123456789abcdef";

    @TempDir
    Path temp;
    private Vertx vertx;
    private HttpServer server;
    /** The validators of each request the server got: If-None-Match, If-Modified-Since. */
    private final List<List<String>> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    @BeforeEach
    void serveTheFlux() throws Exception {
        vertx = Vertx.vertx();
        Buffer zip = Buffer.buffer(Files.readAllBytes(FluxFixtures.zip(FluxFixtures.FLUX, temp.resolve("flux.zip"))));
        server = vertx.createHttpServer().requestHandler(request -> {
            String ifNoneMatch = request.getHeader("If-None-Match");
            requests.add(java.util.Arrays.asList(ifNoneMatch, request.getHeader("If-Modified-Since")));
            if (status != 200) {
                request.response().setStatusCode(status).end();
            } else if (!request.path().equals("/webservice/flux/" + KEY)) {
                request.response().setStatusCode(404).end();
            } else if (ETAG.equals(ifNoneMatch)) {
                request.response().setStatusCode(304).end();
            } else {
                request.response().putHeader("ETag", ETAG).putHeader("Last-Modified", LAST_MODIFIED)
                        .putHeader("Content-Type", "application/zip").end(zip);
            }
        }).listen(0).await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private DatatourismeRefresh refresh() {
        URI url = URI.create("http://localhost:" + server.actualPort() + "/webservice/flux/" + KEY);
        return new DatatourismeRefresh(vertx, new DatatourismeRefresh.Settings(url, Duration.ofHours(24)),
                temp.resolve("kb/imported/datatourisme"), temp.resolve("data/datatourisme-import.json"),
                Clock.systemUTC());
    }

    @Test
    void firstFetchImportsThenA304ChangesNothing() throws Exception {
        DatatourismeRefresh refresh = refresh();
        DatatourismeRefresh.Run first = refresh.refreshNow().await(30, TimeUnit.SECONDS);
        assertEquals("imported", first.outcome());
        assertEquals(8, first.summary().written());
        Path out = temp.resolve("kb/imported/datatourisme");
        Map<String, String> bytes = FluxFixtures.contents(out);
        Map<String, FileTime> times = FluxFixtures.times(out);
        assertEquals(15, bytes.size());

        DatatourismeRefresh.Run second = refresh.refreshNow().await(30, TimeUnit.SECONDS);
        assertEquals("not_modified", second.outcome());
        assertEquals(List.of(ETAG, LAST_MODIFIED), requests.get(1), "the second request names what it has");
        assertEquals(bytes, FluxFixtures.contents(out));
        assertEquals(times, FluxFixtures.times(out));

        JsonObject status = refresh.status();
        assertEquals("not_modified", status.getJsonObject("lastRun").getString("outcome"));
        assertEquals("imported", status.getJsonObject("lastImport").getString("outcome"));
        assertEquals(8, status.getJsonObject("lastImport").getInteger("written"));
        assertFalse(status.encode().contains(KEY), "the flux's key is never shown");
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("datatourisme-")
                    && p.toFile().lastModified() > System.currentTimeMillis() - 60_000), "the download is deleted");
        }
    }

    @Test
    void theStateSurvivesARestart() throws Exception {
        refresh().refreshNow().await(30, TimeUnit.SECONDS);
        DatatourismeRefresh restarted = refresh();
        assertEquals("imported", restarted.status().getJsonObject("lastRun").getString("outcome"));
        assertEquals("not_modified", restarted.refreshNow().await(30, TimeUnit.SECONDS).outcome());
        assertEquals(ETAG, requests.get(1).get(0));
    }

    @Test
    void aFailedFetchSaysWhyAndLeavesTheKnowledgeBaseAlone() throws Exception {
        DatatourismeRefresh refresh = refresh();
        refresh.refreshNow().await(30, TimeUnit.SECONDS);
        Map<String, FileTime> times = FluxFixtures.times(temp.resolve("kb/imported/datatourisme"));
        status = 503;
        DatatourismeRefresh.Run failed = refresh.refreshNow().await(30, TimeUnit.SECONDS);
        assertEquals("failed", failed.outcome());
        assertEquals("the flux answered HTTP 503", failed.reason());
        assertNull(failed.summary());
        assertEquals(times, FluxFixtures.times(temp.resolve("kb/imported/datatourisme")));
        JsonObject status = refresh.status();
        assertEquals("failed", status.getJsonObject("lastRun").getString("outcome"));
        assertEquals("imported", status.getJsonObject("lastImport").getString("outcome"), "the last import stays shown");
    }

    @Test
    void aServedFileThatIsNoFluxFailsTheRunNotTheService() throws Exception {
        server.close().await(10, TimeUnit.SECONDS);
        server = vertx.createHttpServer().requestHandler(request -> request.response().end("<html>maintenance</html>"))
                .listen(0).await(10, TimeUnit.SECONDS);
        DatatourismeRefresh.Run run = refresh().refreshNow().await(30, TimeUnit.SECONDS);
        assertEquals("failed", run.outcome());
        assertTrue(run.reason().contains("neither a folder nor a readable zip"), run.reason());
        assertFalse(run.reason().contains(KEY));
    }
}
