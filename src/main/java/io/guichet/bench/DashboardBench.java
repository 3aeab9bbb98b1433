package io.guichet.bench;

import io.guichet.store.Store;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar guichet.jar bench-dashboard [--conversations N] [--rounds R] [--out DIR] [--reuse yes]
 * [--figures overview,gaps]}: fills a store as a busy month would (100,000 conversations and
 * 1,000,000 messages by default, see {@code dashboard-store.sql}), starts the service on it, and asks
 * each of the dashboard's figures over HTTP, as the page does, over the whole month and filtered:
 * once (a cold JIT; the content gaps embed the wordings they never saw), then R times. Prints that
 * first call, the median, p99 and maximum of the rounds, and the store's size on disk.
 * {@code --reuse yes} keeps the store of a previous run, to compare two builds on the same rows.
 */
public final class DashboardBench {
    private static final String TOKEN = "dashboard-bench-token-0123456789";
    private static final List<String> FIGURES = List.of("overview", "funnels", "handoffs", "satisfaction", "answers",
            "gaps");
    private static final String USAGE = "options: --conversations N (at least 1000), --rounds R, --out DIR,"
            + " --reuse yes (the store of the last run), --figures a,b (of " + String.join(",", FIGURES) + ")";
    private static final List<String> FILTERS = List.of("", "&channel=widget", "&lang=en", "&journey=seminar_planning");

    private DashboardBench() {
    }

    /** The {@code bench-dashboard} command; exits 2 on wrong options, 1 when a figure fails or the service does not start. */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("bench-dashboard failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int conversations = 100_000;
        int rounds = 20;
        Path out = Path.of("target/bench-dashboard");
        boolean reuse = false;
        List<String> figures = FIGURES;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--conversations" -> conversations = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--reuse" -> reuse = args[i + 1].equals("yes");
                case "--figures" -> figures = List.of(args[i + 1].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        if (conversations < 1000 || args.length % 2 != 0) {
            throw new IllegalArgumentException(USAGE);
        }
        Path data = out.resolve("data");
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(30);
        if (!reuse || !Files.exists(data.resolve("guichet.db"))) {
            deleteRecursively(data);
            Files.createDirectories(data);
            long filling = System.nanoTime();
            fill(data, conversations, start);
            System.out.printf("filled %,d conversations in %.0f s%n", conversations, (System.nanoTime() - filling) / 1e9);
        }
        System.out.printf("store %,d MB on disk%n", sizeOnDisk(data) / (1024 * 1024));
        String period = "?from=" + start + "&to=" + LocalDate.now(ZoneOffset.UTC);
        try (ServiceProcess service = ServiceProcess.start(Path.of("knowledge-base"), Path.of("intents"), data, "1g",
                List.of(), List.of("--admin-token", TOKEN), out.resolve("service.log"))) {
            Vertx vertx = Vertx.vertx();
            try {
                WebClient client = WebClient.create(vertx);
                System.out.printf("%-44s %9s %9s %9s %9s%n", "figure", "first", "median", "p99", "max");
                for (String figure : figures) {
                    for (String filter : FILTERS) {
                        // The first call of each: the JIT is cold, and the gaps embed the wordings they never saw.
                        double first = timed(client, service.port(), figure + period + filter);
                        List<Double> millis = new ArrayList<>();
                        for (int round = 0; round < rounds; round++) {
                            millis.add(timed(client, service.port(), figure + period + filter));
                        }
                        Collections.sort(millis);
                        System.out.printf("%-44s %6.0f ms %6.0f ms %6.0f ms %6.0f ms%n", figure + filter, first,
                                millis.get(millis.size() / 2), millis.get((int) Math.ceil(0.99 * millis.size()) - 1),
                                millis.get(millis.size() - 1));
                    }
                }
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The schema as the service makes it, then the month's rows in one transaction of SQL. */
    private static void fill(Path data, int conversations, LocalDate start) throws IOException, SQLException {
        Store.open(data, Clock.systemUTC()).close();
        String script;
        try (InputStream in = DashboardBench.class.getResourceAsStream("dashboard-store.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{conversations}", Integer.toString(conversations)).replace("{start}", start.toString());
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("guichet.db"));
             Statement statement = connection.createStatement()) {
            for (String sql : script.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
            statement.execute("ANALYZE");
        }
    }

    /** One figure's answer time in milliseconds; anything but a 200 stops the benchmark. */
    private static double timed(WebClient client, int port, String figure) throws Exception {
        long started = System.nanoTime();
        HttpResponse<Buffer> response = client.get(port, "localhost", "/api/v1/analytics/" + figure)
                .bearerTokenAuthentication(TOKEN).send().toCompletionStage().toCompletableFuture()
                .get(120, TimeUnit.SECONDS);
        double millis = (System.nanoTime() - started) / 1e6;
        if (response.statusCode() != 200) {
            throw new IOException(figure + ": " + response.statusCode() + " " + response.bodyAsString());
        }
        return millis;
    }

    private static long sizeOnDisk(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
