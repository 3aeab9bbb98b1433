package io.guichet.importer.datatourisme;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.codec.BodyCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the DATAtourisme flux from its URL on a schedule and imports it into the knowledge base,
 * whose own watch then reloads the pages. The download asks only for what changed
 * ({@code If-None-Match}, {@code If-Modified-Since}), streams to a temporary file without blocking
 * the event loop, and the import runs on a worker. What the last run did is kept in memory and in a
 * small JSON file of the data folder, so that the admin sees it and a restart asks for a change only.
 * The flux URL carries the platform's key: it is never logged nor shown whole.
 */
public final class DatatourismeRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(DatatourismeRefresh.class);
    /** Long enough for a flux of a few hundred megabytes; stalls are caught by the idle time-out. */
    private static final long DOWNLOAD_TIMEOUT_MS = Duration.ofMinutes(30).toMillis();
    private static final long IDLE_TIMEOUT_MS = Duration.ofMinutes(1).toMillis();
    /** The first run after start-up, when one is due: soon, but after the service is up. */
    private static final Duration FIRST_RUN_DELAY = Duration.ofSeconds(5);

    /** The flux to fetch and how often; from {@code --datatourisme-url} and {@code --datatourisme-every}. */
    public record Settings(URI url, Duration every) {
        @Override
        public String toString() {
            return shown(url) + " every " + every.toHours() + " h";
        }
    }

    /** One run: when, what came of it ({@code imported}, {@code not_modified}, {@code failed}), why, and the counts. */
    public record Run(Instant at, String outcome, String reason, ImportSummary summary) {
        public JsonObject toJson() {
            JsonObject json = new JsonObject().put("at", at.toString()).put("outcome", outcome).put("reason", reason);
            if (summary != null) {
                json.put("read", summary.read()).put("written", summary.written()).put("unchanged", summary.unchanged())
                        .put("removed", summary.removed()).put("skipped", summary.skipped())
                        .put("documents", summary.documents()).put("tookMs", summary.took().toMillis());
            }
            return json;
        }

        static Run fromJson(JsonObject json) {
            if (json == null) {
                return null;
            }
            ImportSummary summary = json.containsKey("read") ? new ImportSummary(json.getInteger("read"),
                    json.getInteger("written"), json.getInteger("unchanged"), json.getInteger("removed"),
                    json.getInteger("skipped"), json.getInteger("documents"),
                    Duration.ofMillis(json.getLong("tookMs"))) : null;
            return new Run(Instant.parse(json.getString("at")), json.getString("outcome"), json.getString("reason"),
                    summary);
        }
    }

    /** What is kept between runs and restarts: the validators of the flux last imported, the last run, the last import. */
    private record State(String etag, String lastModified, Run lastRun, Run lastImport) {
        JsonObject toJson() {
            return new JsonObject().put("etag", etag).put("lastModified", lastModified)
                    .put("lastRun", lastRun == null ? null : lastRun.toJson())
                    .put("lastImport", lastImport == null ? null : lastImport.toJson());
        }
    }

    private final Vertx vertx;
    private final WebClient client;
    private final Settings settings;
    private final Path out;
    private final Path stateFile;
    private final Clock clock;
    /** The run under way, if any. */
    private Future<Run> running;
    private volatile State state;

    /** Reads the state a previous run left: blocks, so build it off the event loop. */
    public DatatourismeRefresh(Vertx vertx, Settings settings, Path out, Path stateFile, Clock clock) {
        this.vertx = vertx;
        this.client = WebClient.create(vertx);
        this.settings = settings;
        this.out = out;
        this.stateFile = stateFile;
        this.clock = clock;
        this.state = load(stateFile);
    }

    /** Runs when the last run is older than the period (soon after start-up), then every period. */
    public void start() {
        Run last = state.lastRun();
        Duration untilDue = last == null ? Duration.ZERO
                : Duration.between(clock.instant(), last.at().plus(settings.every()));
        long firstMs = Math.max(FIRST_RUN_DELAY.toMillis(), untilDue.toMillis());
        vertx.setPeriodic(firstMs, settings.every().toMillis(), id -> refreshNow());
    }

    /** Fetches and imports now; a call while a run is under way gets that run's end rather than a second run. */
    public synchronized Future<Run> refreshNow() {
        if (running != null) {
            return running;
        }
        Future<Run> run = vertx.fileSystem().createTempFile("datatourisme-", ".zip")
                .compose(file -> fetch(Path.of(file))
                        .eventually(() -> vertx.fileSystem().delete(file).recover(e -> Future.succeededFuture())))
                .recover(e -> Future.succeededFuture(new Run(clock.instant(), "failed", reason(e), null)))
                .compose(done -> record(done).map(done));
        running = run;
        run.onComplete(r -> finished());
        return run;
    }

    private synchronized void finished() {
        running = null;
    }

    /** What the admin sees: the flux (its key hidden), the period, the last run and the last import. */
    public JsonObject status() {
        State current = state;
        return new JsonObject().put("url", shown(settings.url())).put("everyHours", settings.every().toHours())
                .put("lastRun", current.lastRun() == null ? null : current.lastRun().toJson())
                .put("lastImport", current.lastImport() == null ? null : current.lastImport().toJson());
    }

    private Future<Run> fetch(Path file) {
        return vertx.fileSystem().open(file.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true))
                .compose(stream -> {
                    HttpRequest<Void> request = client.getAbs(settings.url().toString())
                            .timeout(DOWNLOAD_TIMEOUT_MS).idleTimeout(IDLE_TIMEOUT_MS).as(BodyCodec.pipe(stream));
                    State current = state;
                    if (current.etag() != null) {
                        request.putHeader(HttpHeaders.IF_NONE_MATCH.toString(), current.etag());
                    }
                    if (current.lastModified() != null) {
                        request.putHeader(HttpHeaders.IF_MODIFIED_SINCE.toString(), current.lastModified());
                    }
                    return request.send();
                })
                .compose(response -> switch (response.statusCode()) {
                    case 304 -> Future.succeededFuture(new Run(clock.instant(), "not_modified", null, null));
                    case 200 -> importFlux(file, response);
                    default -> Future.succeededFuture(new Run(clock.instant(), "failed",
                            "the flux answered HTTP " + response.statusCode(), null));
                });
    }

    private Future<Run> importFlux(Path file, HttpResponse<Void> response) {
        return vertx.executeBlocking(() -> DatatourismeImport.run(file, out), false).map(summary -> {
            Run run = new Run(clock.instant(), "imported", null, summary);
            state = new State(response.getHeader("ETag"), response.getHeader("Last-Modified"), state.lastRun(),
                    run);
            return run;
        });
    }

    /** Keeps the run in memory and on disk (on a worker), and says what it did in the log. */
    private Future<Void> record(Run run) {
        State current = state;
        state = new State(current.etag(), current.lastModified(), run, current.lastImport());
        switch (run.outcome()) {
            case "imported" -> LOG.info("datatourisme refresh from {}: {}", shown(settings.url()), run.summary());
            case "not_modified" -> LOG.info("datatourisme refresh from {}: not modified", shown(settings.url()));
            default -> LOG.error("datatourisme refresh from {} failed, the knowledge base is unchanged: {}",
                    shown(settings.url()), run.reason());
        }
        JsonObject json = state.toJson();
        return vertx.executeBlocking(() -> {
            save(json);
            return null;
        }, false).recover(e -> {
            LOG.error("datatourisme refresh: cannot keep its state in {}: {}", stateFile, e.getMessage());
            return Future.succeededFuture();
        }).mapEmpty();
    }

    private void save(JsonObject json) throws IOException {
        Files.createDirectories(stateFile.toAbsolutePath().getParent());
        Path next = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
        Files.writeString(next, json.encodePrettily(), StandardCharsets.UTF_8);
        Files.move(next, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static State load(Path stateFile) {
        if (!Files.exists(stateFile)) {
            return new State(null, null, null, null);
        }
        try {
            JsonObject json = new JsonObject(Files.readString(stateFile, StandardCharsets.UTF_8));
            return new State(json.getString("etag"), json.getString("lastModified"),
                    Run.fromJson(json.getJsonObject("lastRun")), Run.fromJson(json.getJsonObject("lastImport")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // A state that cannot be read costs one full download, not the start of the service.
            LOG.warn("datatourisme refresh: ignoring unreadable state {}: {}", stateFile, e.getMessage());
            return new State(null, null, null, null);
        }
    }

    /** Why a run failed, without the flux's path: a time-out's message quotes the request, key included. */
    private String reason(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String path = settings.url().getRawPath();
        return path == null || path.length() <= 1 ? message
                : message.replace(settings.url().toString(), shown(settings.url())).replace(path, "/…");
    }

    /** The flux URL as it may be shown: scheme, host and port; the path (and any user part) holds the platform's key. */
    static String shown(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + "/…";
    }
}
