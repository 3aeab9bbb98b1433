package io.guichet.bench;

import io.guichet.files.Folders;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar guichet.jar bench [options]}: measures the service on this machine. For each
 * knowledge-base size it generates the documents, starts the service on a fresh data folder (the
 * first indexing), restarts it on the same folder (what an operator's restart costs, with the
 * embedding cache), runs the search-only scenario, and on the largest size drives simulated users
 * over HTTP and over the widget's WebSocket. It prints a table and writes {@code results.json}
 * and {@code latency.svg} into the output folder.
 */
public final class Bench {
    /** The load generator shares the machine's cores with the service: two event loops are plenty. */
    private static final int LOAD_EVENT_LOOPS = 2;

    private final BenchOptions options;
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(LOAD_EVENT_LOOPS));
    private final JsonArray sizes = new JsonArray();
    private final JsonArray runs = new JsonArray();

    private Bench(BenchOptions options) {
        this.options = options;
    }

    /** The {@code bench} command; exits non-zero when the options are wrong or the service does not start. */
    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Bench bench = new Bench(options);
        int status = 0;
        try {
            bench.run();
        } catch (Exception e) {
            System.err.println("bench failed: " + e.getMessage());
            status = 1;
        } finally {
            bench.vertx.close();
        }
        System.exit(status);
    }

    private void run() throws Exception {
        Files.createDirectories(options.out());
        long started = System.nanoTime();
        if (options.url() != null) {
            URI target = URI.create(options.url());
            List<KbGenerator.Question> questions = new KbGenerator(options.seed())
                    .write(Files.createTempDirectory("guichet-bench-kb"), options.docs().get(0));
            load(target.getHost(), target.getPort(), 0, questions, true);
        } else {
            for (int docs : options.docs()) {
                measureSize(docs);
            }
        }
        JsonObject results = new JsonObject()
                .put("machine", new JsonObject().put("cores", Runtime.getRuntime().availableProcessors())
                        .put("java", System.getProperty("java.version")).put("os", System.getProperty("os.name")))
                .put("options", new JsonObject().put("think_ms", options.think().toMillis())
                        .put("ramp_s", options.rampUp().toSeconds()).put("duration_s", options.duration().toSeconds())
                        .put("max_heap", options.maxHeap()).put("url", options.url()))
                .put("sizes", sizes).put("runs", runs)
                .put("total_s", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
        Files.writeString(options.out().resolve("results.json"), results.encodePrettily());
        Files.writeString(options.out().resolve("latency.svg"), LatencyChart.svg(runs));
        System.out.println(BenchReport.table(sizes, runs));
        System.out.printf("results: %s, chart: %s (%.0f s in all)%n", options.out().resolve("results.json"),
                options.out().resolve("latency.svg"), results.getDouble("total_s"));
    }

    /** One knowledge-base size: first indexing, restart, searches and, if asked, the users. */
    private void measureSize(int docs) throws Exception {
        Path kb = options.out().resolve("kb-" + docs);
        Path data = options.out().resolve("data-" + docs);
        Folders.deleteTree(kb);
        Folders.deleteTree(data);
        System.out.printf("[%d documents] generating the knowledge base%n", docs);
        List<KbGenerator.Question> questions = new KbGenerator(options.seed()).write(kb, docs);
        JsonObject size = new JsonObject().put("docs", docs);
        System.out.printf("[%d documents] first start, on an empty data folder%n", docs);
        try (ServiceProcess first = ServiceProcess.start(kb, options.intents(), data, options.maxHeap(), List.of(),
                options.out().resolve("service-" + docs + "-first.log"))) {
            long[] indexing = first.indexing();
            size.put("startup_first_s", round(first.startupSeconds())).put("heap_after_start_mib",
                    first.heapUsedMiB(true));
            if (indexing != null) {
                size.put("passages", indexing[1]).put("indexing_first_ms", indexing[2])
                        .put("indexing_ms_per_1000_docs", Math.round(indexing[2] * 1000.0 / docs));
            }
        }
        boolean loaded = options.loadDocs().contains(docs);
        List<String> jvm = loaded && options.flightRecording()
                ? List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                + options.out().resolve("service-" + docs + ".jfr")) : List.of();
        System.out.printf("[%d documents] restart on the same data folder%n", docs);
        try (ServiceProcess service = ServiceProcess.start(kb, options.intents(), data, options.maxHeap(), jvm,
                options.out().resolve("service-" + docs + ".log"))) {
            long[] indexing = service.indexing();
            size.put("startup_restart_s", round(service.startupSeconds()));
            if (indexing != null) {
                size.put("indexing_restart_ms", indexing[2]).put("passages_embedded_on_restart", indexing[3]);
            }
            load("127.0.0.1", service.port(), docs, questions, loaded);
            size.put("heap_used_after_load_mib", service.heapUsedMiB(false))
                    .put("heap_live_after_load_mib", service.heapUsedMiB(true));
            long[] resident = service.residentMiB();
            size.put("rss_mib", resident[0]).put("rss_peak_mib", resident[1]);
        }
        sizes.add(size);
        System.out.println(size.encode());
    }

    /** The search scenario, then (when {@code withUsers}) the users over HTTP and over the widget. */
    private void load(String host, int port, int docs, List<KbGenerator.Question> questions, boolean withUsers)
            throws Exception {
        int connections = Math.max(options.users().stream().max(Integer::compare).orElse(1),
                options.searchUsers().stream().max(Integer::compare).orElse(1));
        WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost(host).setDefaultPort(port)
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        try {
            Duration searchTime = options.duration().compareTo(Duration.ofSeconds(10)) > 0
                    ? Duration.ofSeconds(10) : options.duration();
            for (int users : options.searchUsers()) {
                UserScripts scripts = new UserScripts(options.seed(), questions);
                record("search", docs, users, LoadRun.searches(vertx, client, scripts, users, Duration.ofSeconds(2),
                        searchTime));
            }
            if (!withUsers) {
                return;
            }
            for (int users : options.users()) {
                UserScripts scripts = new UserScripts(options.seed() + users, questions);
                record("http", docs, users, LoadRun.conversations(vertx, () -> new HttpChat(client), scripts, users,
                        options.rampUp(), options.duration(), options.think()));
            }
            WebSocketClient sockets = vertx.createWebSocketClient(new WebSocketClientOptions()
                    .setDefaultHost(host).setDefaultPort(port).setMaxConnections(connections * 2));
            try {
                if (!WidgetChat.available(sockets, host, port).toCompletionStage().toCompletableFuture()
                        .get(10, TimeUnit.SECONDS)) {
                    System.out.println("widget channel: " + WidgetChat.PATH + " answers 404 (not in this build);"
                            + " the WebSocket scenario is skipped");
                    return;
                }
                for (int users : options.users()) {
                    UserScripts scripts = new UserScripts(options.seed() + users, questions);
                    record("widget", docs, users, LoadRun.conversations(vertx,
                            () -> new WidgetChat(vertx, sockets, host, port), scripts, users, options.rampUp(),
                            options.duration(), options.think()));
                }
            } finally {
                sockets.close();
            }
        } finally {
            client.close();
        }
    }

    private void record(String scenario, int docs, int users, Measurement m) {
        JsonObject run = new JsonObject().put("scenario", scenario).put("docs", docs).put("users", users)
                .put("seconds", round(m.seconds())).put("completed", m.count()).put("per_second", round(m.perSecond()))
                .put("p50_ms", round(m.millisAt(50))).put("p95_ms", round(m.millisAt(95)))
                .put("p99_ms", round(m.millisAt(99))).put("max_ms", round(m.maxMillis()))
                .put("shed_503", m.shedCount()).put("errors", m.errorCount())
                .put("distinct_text_share", Math.round(m.distinctShare() * 100) / 100.0)
                .put("error_samples", new JsonArray(m.errorSamples()));
        runs.add(run);
        System.out.println(run.encode());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

}
