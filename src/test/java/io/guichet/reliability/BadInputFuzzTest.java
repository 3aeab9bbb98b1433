package io.guichet.reliability;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.ChildService;
import io.guichet.TestHttp;
import io.guichet.TestService;
import io.guichet.channels.messenger.MessengerSettings;
import io.guichet.channels.meta.HubSignature;
import io.guichet.channels.web.WidgetSocket;
import io.guichet.channels.whatsapp.WhatsAppSettings;
import io.guichet.handoff.AgentDirectory;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded fuzzing of bad input at volume: thousands of malformed, oversized, wrongly typed,
 * deeply nested and Unicode-edge-case requests at every endpoint, over raw sockets so that any
 * byte can be sent (invalid UTF-8, lying lengths, odd methods), then a few hundred bad frames on
 * the widget's WebSocket. Nothing a client sends may get a 5xx, a stack trace or no answer; a
 * JSON API refuses in its {@code {"error","message"}} form; afterwards the service is UP, still
 * converses, and its heap is back near where it was.
 *
 * <p>The seed is printed; {@code -Dfuzz.seed=N} replays a run. Probes are drawn in sequence from
 * that one seed, so a replay sends the same requests (conversation ids, which the service makes, and
 * the webhooks' timestamps, which must be recent, aside).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BadInputFuzzTest {
    private static final long DEFAULT_SEED = 20261203L;
    private static final int WARMUP_REQUESTS = 300;
    private static final int HTTP_REQUESTS = 3000;
    private static final int WIDGET_SESSIONS = 24;
    private static final int FRAMES_PER_SESSION = 12;
    /** Concurrent requests: enough to interleave handlers, few enough that 2 cores answer each one quickly. */
    private static final int IN_FLIGHT = 8;
    private static final int ANSWER_WITHIN_MS = 10_000;
    private static final Duration ANSWER_WITHIN = Duration.ofMillis(ANSWER_WITHIN_MS);
    /**
     * From the test's start, the time the fuzzing may take; then it stops sending, which leaves the
     * time-out room to finish what is in flight (a hang takes {@value #ANSWER_WITHIN_MS} ms) and to
     * report what was found, seed included, rather than be cut short by JUnit.
     */
    private static final long FUZZING_BUDGET_MS = 40_000;
    /** Enough to tell what is wrong: the run stops there. */
    private static final int ENOUGH_FAILURES = 20;
    /** RFC 6455's close status for a message too big to process. */
    private static final short MESSAGE_TOO_BIG = 1009;
    /** The heap may keep what bounded caches filled with, not what every request left behind. */
    private static final long HEAP_MARGIN_BYTES = 64L << 20;
    private static final String ADMIN_TOKEN = "fuzz-admin-token-0123456789";
    private static final String AGENT_TOKEN = "fuzz-agent-token-0123456789";
    private static final String META_SECRET = "fuzz-meta-app-secret";
    private static final String VERIFY_TOKEN = "fuzz-verify-token";
    /** The last second an Instant holds: a day more overflows it. */
    private static final String INSTANT_MAX_SECONDS = Long.toString(Instant.MAX.getEpochSecond());
    private static final Pattern STACK_TRACE = Pattern.compile("Exception|\\bat [a-z]+\\.[\\w.$]+\\(|\\.java:\\d+");

    @Test
    void badInputIsRefusedNeverFaultsAndLeavesTheServiceHealthy() throws Exception {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        System.out.println("BadInputFuzzTest seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FUZZING_BUDGET_MS);
        Path folder = Files.createTempDirectory("guichet-fuzz");
        Vertx vertx = Vertx.vertx();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        // A handler that throws where nobody catches it answers nobody: that is a failure too.
        vertx.exceptionHandler(e -> failures.add("the service threw where no handler caught it: " + e));
        try {
            int graphPort = vertx.createHttpServer().requestHandler(request -> request.response()
                            .putHeader("content-type", "application/json").end("{\"message_id\":\"m\"}"))
                    .listen(0).toCompletionStage().toCompletableFuture().get().actualPort();
            String graph = "http://127.0.0.1:" + graphPort + "/v21.0";
            Path agents = Files.writeString(folder.resolve("agents.yml"), "agents:\n  - id: fuzz\n    name: Fuzz\n"
                    + "    team: \"*\"\n    token_sha256: " + AgentDirectory.sha256(AGENT_TOKEN) + "\n");
            int port = TestService.start(vertx, folder.resolve("data"),
                    new MessengerSettings(META_SECRET, VERIFY_TOKEN, "page-token", graph),
                    new WhatsAppSettings(META_SECRET, VERIFY_TOKEN, "wa-token", "1234567890", graph), agents,
                    ADMIN_TOKEN, false).toCompletionStage().toCompletableFuture().get(40, TimeUnit.SECONDS);
            Fixture fixture = Fixture.open(port);

            Tally warmup = fuzzHttp(fixture, new Probes(new Random(~seed), fixture), WARMUP_REQUESTS, deadline, seed,
                    failures);
            long heapBefore = heapAfterGc();
            long started = System.nanoTime();
            Tally run = fuzzHttp(fixture, new Probes(new Random(seed), fixture), HTTP_REQUESTS, deadline, seed,
                    failures);
            long httpMs = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            Played widget = fuzzWidget(vertx, fixture, new Random(seed + 1), deadline, seed, failures);
            long widgetMs = (System.nanoTime() - started) / 1_000_000;
            System.out.println("HTTP: " + (warmup.total() + run.total()) + " requests (" + warmup.total()
                    + " warm-up), the measured " + run.total() + " in " + httpMs + " ms; statuses " + run
                    + "\nwidget: " + widget.frames() + " frames over " + widget.sessions() + " sockets in " + widgetMs
                    + " ms");
            if (run.total() < HTTP_REQUESTS || widget.sessions() < WIDGET_SESSIONS) {
                // A machine loaded by others can slow the whole run; what was sent was still judged in full.
                System.out.println("the run stopped early (" + failures.size() + " failures, or its "
                        + FUZZING_BUDGET_MS + " ms spent): " + run.total() + " of " + HTTP_REQUESTS + " requests, "
                        + widget.sessions() + " of " + WIDGET_SESSIONS + " sockets");
            }

            assertTrue(failures.isEmpty(), "seed " + seed + " (replay with -Dfuzz.seed=" + seed + "): "
                    + failures.size() + " failures, the first ones:\n" + String.join("\n\n",
                    failures.subList(0, Math.min(12, failures.size()))));
            stillServes(port);
            long heapAfter = heapAfterGc();
            System.out.println("heap after GC: " + (heapBefore >> 20) + " MiB before, " + (heapAfter >> 20)
                    + " MiB after");
            assertTrue(heapAfter - heapBefore < HEAP_MARGIN_BYTES, "seed " + seed + ": the heap grew from "
                    + (heapBefore >> 20) + " MiB to " + (heapAfter >> 20) + " MiB after the run");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            ChildService.deleteTree(folder);
        }
    }

    /** After the storm: UP, and a parse and a conversation behave as they should. */
    private static void stillServes(int port) throws Exception {
        HttpResponse<String> health = TestHttp.send(port, "GET", "/health", null, null);
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("UP", new JsonObject(health.body()).getString("status"));
        HttpResponse<String> parse = TestHttp.send(port, "POST", "/api/v1/parse",
                "{\"text\":\"séminaire pour 40 personnes\"}", null);
        assertEquals(200, parse.statusCode(), parse.body());
        assertEquals("seminar_planning", new JsonObject(parse.body()).getJsonObject("intent").getString("name"));
        HttpResponse<String> opened = TestHttp.send(port, "POST", "/api/v1/conversations", "{}", null);
        assertEquals(201, opened.statusCode(), opened.body());
        String id = new JsonObject(opened.body()).getString("id");
        HttpResponse<String> turn = TestHttp.send(port, "POST", "/api/v1/conversations/" + id + "/messages",
                "{\"text\":\"bonjour\"}", null);
        assertEquals(200, turn.statusCode(), turn.body());
        assertFalse(new JsonObject(turn.body()).getJsonArray("replies").isEmpty(), turn.body());
    }

    private static long heapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    // ---------------------------------------------------------------- HTTP

    /** Sends {@code count} probes from {@code probes}, in order, {@value #IN_FLIGHT} at a time, until the deadline. */
    private static Tally fuzzHttp(Fixture fixture, Probes probes, int count, long deadline, long seed,
                                  List<String> failures) throws InterruptedException {
        Tally tally = new Tally();
        ExecutorService clients = Executors.newFixedThreadPool(IN_FLIGHT);
        // Probes are made one by one on this thread (the order the seed dictates), a few ahead of the clients.
        Semaphore ahead = new Semaphore(2 * IN_FLIGHT);
        try {
            for (int i = 0; i < count && failures.size() < ENOUGH_FAILURES && System.nanoTime() < deadline; i++) {
                ahead.acquire();
                Probe probe = probes.next();
                clients.execute(() -> {
                    try {
                        Answer answer = Wire.exchange(fixture.port(), probe);
                        tally.count(answer);
                        String wrong = judge(probe, answer);
                        if (wrong != null) {
                            failures.add("seed " + seed + ", " + wrong + "\n  request: " + probe
                                    + "\n  answer: " + answer);
                        }
                    } catch (RuntimeException | Error e) {
                        failures.add("seed " + seed + ", the test failed on " + probe + ": " + e);
                    } finally {
                        ahead.release();
                    }
                });
            }
        } finally {
            clients.shutdown();
            assertTrue(clients.awaitTermination(40, TimeUnit.SECONDS), "the HTTP clients did not finish");
        }
        return tally;
    }

    /** What is wrong with this answer to this probe, or null when it is a proper refusal or answer. */
    private static String judge(Probe probe, Answer answer) {
        if (answer.timedOut()) {
            return "no answer within " + ANSWER_WITHIN_MS + " ms";
        }
        if (answer.status() == 0) {
            // Bytes that are not HTTP, or a body cut short, may be met by closing the connection.
            return probe.wellFormed() ? "the connection closed without an answer" : null;
        }
        boolean versionRefused = probe.unknownHttpVersion() && (answer.status() == 501 || answer.status() == 505);
        if (answer.status() >= 500 && !versionRefused) {
            return "a server error";
        }
        if (STACK_TRACE.matcher(answer.text()).find()) {
            return "a stack trace in the answer";
        }
        if (!probe.wellFormed() || !probe.jsonApi() || probe.method().equals("HEAD")) {
            return null;
        }
        if (answer.status() >= 400 && !isJsonError(answer.text())) {
            return "an error that is not {\"error\": …, \"message\": …}";
        }
        if (answer.status() < 300 && !probe.target().contains("format=csv") && !isJson(answer.text())) {
            return "a success that is not JSON";
        }
        return null;
    }

    private static boolean isJsonError(String body) {
        try {
            JsonObject error = new JsonObject(body);
            return error.getValue("error") instanceof String && error.getValue("message") instanceof String;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isJson(String body) {
        try {
            Buffer.buffer(body).toJsonValue();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Statuses seen, for the run's summary. */
    private static final class Tally {
        private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

        void count(Answer answer) {
            statuses.computeIfAbsent(answer.timedOut() ? -1 : answer.status(), s -> new LongAdder()).increment();
        }

        long total() {
            return statuses.values().stream().mapToLong(LongAdder::sum).sum();
        }

        @Override
        public String toString() {
            Map<String, Long> sorted = new TreeMap<>();
            statuses.forEach((status, n) -> sorted.put(status == 0 ? "closed" : status < 0 ? "timed out"
                    : status.toString(), n.sum()));
            return sorted.toString();
        }
    }

    /** What the fuzzing aims at: conversations that exist, in each kind the API knows, and the teams. */
    private record Fixture(int port, String webId, String widgetId, String widgetSecret, String queuedId,
                           List<String> teams) {
        static Fixture open(int port) throws Exception {
            String webId = json(TestHttp.send(port, "POST", "/api/v1/conversations", "{}", null)).getString("id");
            JsonObject widget = json(TestHttp.send(port, "POST", "/api/v1/conversations", "{\"channel\":\"widget\"}",
                    null));
            String queuedId = json(TestHttp.send(port, "POST", "/api/v1/conversations", "{}", null)).getString("id");
            TestHttp.send(port, "POST", "/api/v1/conversations/" + queuedId + "/messages",
                    "{\"text\":\"je voudrais parler à un conseiller\"}", null);
            List<String> teams = new ArrayList<>(json(TestHttp.send(port, "GET", "/api/v1/agent/me", null, AGENT_TOKEN))
                    .getJsonObject("teams").fieldNames());
            return new Fixture(port, webId, widget.getString("id"), widget.getString("secret"), queuedId, teams);
        }

        private static JsonObject json(HttpResponse<String> response) {
            assertTrue(response.statusCode() < 300, response.body());
            return new JsonObject(response.body());
        }
    }

    /** How a probe's body is delimited on the wire. */
    private enum Framing {
        /** A true Content-Length. */
        LENGTH,
        /** Transfer-Encoding: chunked, no Content-Length. */
        CHUNKED,
        /** No body and nothing that announces one. */
        NONE,
        /** A Content-Length larger than the body, then the client stops sending. */
        OVERSTATED,
        /** Lengths that are not numbers, disagree, or fight a chunked encoding. */
        GARBAGE
    }

    /**
     * One HTTP request as bytes on the wire.
     *
     * @param wellFormed whether it is HTTP a server must parse (a JSON API must then answer in JSON)
     */
    private record Probe(int number, String what, String method, String target, String requestLine,
                         List<String> headers, byte[] body, boolean wellFormed) {

        /** RFC 9110 answers a version of HTTP the server does not speak with a 5xx (505; Vert.x says 501). */
        boolean unknownHttpVersion() {
            return !requestLine.endsWith(" HTTP/1.1") && !requestLine.endsWith(" HTTP/1.0");
        }

        boolean jsonApi() {
            String path = target.startsWith("/") ? target.split("\\?", 2)[0] : "";
            return path.startsWith("/api/") || path.startsWith("/webhooks/rest/") || path.equals("/agent/login")
                    || path.equals("/health");
        }

        byte[] wire() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 512);
            StringBuilder head = new StringBuilder(requestLine).append("\r\n");
            headers.forEach(header -> head.append(header).append("\r\n"));
            out.writeBytes(head.append("\r\n").toString().getBytes(ISO_8859_1));
            out.writeBytes(body);
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return "#" + number + " [" + what + "] " + shorten(requestLine, 300) + " "
                    + shorten(headers.toString(), 400) + " body " + body.length + " bytes: "
                    + shorten(new String(body, 0, Math.min(body.length, 400), ISO_8859_1), 400);
        }
    }

    /**
     * One response, or none.
     *
     * @param status  0 when the connection closed (or reset) without an answer
     * @param trouble why there was no answer
     */
    private record Answer(int status, String head, byte[] body, String trouble) {
        static final String TIMED_OUT = "timed out";

        static Answer none(String trouble) {
            return new Answer(0, "", new byte[0], trouble);
        }

        boolean timedOut() {
            return TIMED_OUT.equals(trouble);
        }

        String text() {
            return new String(body, UTF_8);
        }

        @Override
        public String toString() {
            return status == 0 ? "none (" + trouble + ")" : shorten(head, 300) + " " + shorten(text(), 500);
        }
    }

    /** Shows control characters and cuts the middle out of long texts, for failure messages. */
    private static String shorten(String text, int max) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(max * 4L).forEach(c -> {
            if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.SURROGATE) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.length() <= max ? out.toString()
                : out.substring(0, max / 2) + "…(" + text.length() + " chars)…" + out.substring(out.length() - max / 4);
    }

    /** A plain socket client: it sends exactly a probe's bytes and reads one response. */
    private static final class Wire {
        /** Writes run beside the reads: a server may answer (413) before a large body is sent. */
        private static final ExecutorService WRITERS = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fuzz-writer");
            thread.setDaemon(true);
            return thread;
        });

        static Answer exchange(int port, Probe probe) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                socket.setSoTimeout(ANSWER_WITHIN_MS);
                OutputStream out = socket.getOutputStream();
                WRITERS.execute(() -> {
                    try {
                        out.write(probe.wire());
                        out.flush();
                        // After bytes it cannot parse (a body shorter than announced...) a server may wait for
                        // more: the client says it has sent all, and the server must answer or hang up.
                        if (!probe.wellFormed()) {
                            socket.shutdownOutput();
                        }
                    } catch (IOException e) {
                        // The server stopped reading (a refusal, or bytes it would not parse): the answer tells.
                    }
                });
                return read(new BufferedInputStream(socket.getInputStream()), probe.method().equals("HEAD"));
            } catch (SocketTimeoutException e) {
                return Answer.none(Answer.TIMED_OUT);
            } catch (IOException e) {
                return Answer.none(e.toString());
            }
        }

        /** The next response, past any 100 Continue. */
        static Answer read(InputStream in, boolean noBody) throws IOException {
            while (true) {
                String statusLine = line(in);
                if (statusLine == null) {
                    return Answer.none("closed before any answer");
                }
                String[] parts = statusLine.split(" ", 3);
                int status = Integer.parseInt(parts[1]);
                StringBuilder head = new StringBuilder(statusLine);
                Map<String, String> headers = new LinkedHashMap<>();
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    head.append(" | ").append(header);
                    int colon = header.indexOf(':');
                    headers.put(header.substring(0, colon).strip().toLowerCase(), header.substring(colon + 1).strip());
                }
                if (status == 100) {
                    continue;
                }
                byte[] body;
                if (noBody || status == 101 || status == 204 || status == 304) {
                    body = new byte[0];
                } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                    body = chunked(in);
                } else if (headers.containsKey("content-length")) {
                    body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
                } else {
                    body = in.readAllBytes();
                }
                return new Answer(status, head.toString(), body, null);
            }
        }

        private static byte[] chunked(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                body.writeBytes(in.readNBytes(size));
                line(in);
            }
            for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                // trailers carry nothing the test needs
            }
            return body.toByteArray();
        }

        /** A line without its CRLF, as ISO-8859-1; null at the end of the stream. */
        static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    return line.size() == 0 ? null : line.toString(ISO_8859_1);
                }
                line.write(b);
            }
            String text = line.toString(ISO_8859_1);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
    }

    /** Draws probes: an endpoint, then what is wrong with the request, all from one Random. */
    private static final class Probes {
        private final Random random;
        private final BadInput bad;
        private final Fixture fixture;
        private int made;

        Probes(Random random, Fixture fixture) {
            this.random = random;
            this.bad = new BadInput(random);
            this.fixture = fixture;
        }

        Probe next() {
            int number = ++made;
            Endpoint endpoint = endpoint();
            List<String> what = new ArrayList<>(List.of(endpoint.name().toLowerCase()));
            boolean wellFormed = true;
            String method = endpoint.method;
            if (bad.chance(0.05)) {
                method = bad.pick(BadInput.ODD_METHODS);
                what.add("method");
            }
            String target = endpoint.path.replace("{id}", conversationId(what)) + query(endpoint);
            if (bad.chance(0.02)) {
                target = bad.pick(BadInput.ODD_PATHS);
                what.add("path");
            }
            List<String> headers = new ArrayList<>();
            if (!bad.chance(0.02)) {
                headers.add("Host: 127.0.0.1:" + fixture.port());
            }
            headers.add(endpoint.family == Family.SOCKET ? "Connection: Upgrade" : "Connection: close");
            byte[] body = new byte[0];
            if (endpoint.body != null || bad.chance(0.05)) {
                Map<String, Object> shape = endpoint.body == null ? Map.of("text", "un corps sur un GET")
                        : endpoint.body.apply(this);
                body = body(shape, what);
            }
            headers.addAll(familyHeaders(endpoint.family, body, what));
            if (body.length > 0 || method.equals("POST")) {
                headers.add("Content-Type: " + contentType(what));
            }
            Framing framing = framing(body);
            if (framing != Framing.LENGTH && framing != Framing.NONE) {
                what.add(framing.name().toLowerCase());
            }
            wellFormed &= framing != Framing.OVERSTATED && framing != Framing.GARBAGE;
            body = frame(framing, body, headers);
            String requestLine = method + " " + target + " HTTP/1.1";
            if (bad.chance(0.01)) {
                requestLine = bad.pick(BadInput.BROKEN_REQUEST_LINES);
                what.add("request-line");
                wellFormed = false;
            }
            if (bad.chance(0.01)) {
                headers.add(bad.pick(BadInput.BROKEN_HEADERS));
                what.add("header");
                wellFormed = false;
            }
            // Past the server's line and header limits, or without the Host HTTP/1.1 requires, HTTP itself refuses.
            wellFormed &= requestLine.length() < 4000 && headers.stream().mapToInt(String::length).sum() < 7000
                    && headers.get(0).startsWith("Host:") && requestLine.chars().noneMatch(c -> c < 0x20 || c > 0x7e);
            return new Probe(number, String.join("+", what), method, target, requestLine, headers, body, wellFormed);
        }

        private Endpoint endpoint() {
            double total = 0;
            for (Endpoint e : Endpoint.values()) {
                total += e.weight;
            }
            double at = random.nextDouble() * total;
            for (Endpoint e : Endpoint.values()) {
                at -= e.weight;
                if (at < 0) {
                    return e;
                }
            }
            return Endpoint.PARSE;
        }

        /** A conversation that exists (of each kind), one that does not, or an id no store could hold. */
        private String conversationId(List<String> what) {
            return switch (random.nextInt(8)) {
                case 0, 1 -> fixture.webId();
                case 2 -> fixture.widgetId();
                case 3 -> fixture.queuedId();
                case 4 -> Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
                default -> {
                    what.add("odd-id");
                    yield bad.oddId(fixture.webId());
                }
            };
        }

        private String query(Endpoint endpoint) {
            String own = switch (endpoint) {
                case LEADS -> bad.pick("", "?format=csv", "?format=json", "?format=" + bad.percent(bad.edgeText()),
                        "?format=csv&format=xml");
                case AGENT_ME -> bad.pick("", "?lang=en", "?lang=" + bad.percent(bad.edgeText()), "?lang");
                case MESSENGER_HANDSHAKE, WHATSAPP_HANDSHAKE -> bad.pick(
                        "?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge="
                                + bad.percent(bad.edgeText()),
                        "?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=%00%zz",
                        "?hub.mode=subscribe&hub.verify_token=" + bad.percent(bad.edgeText()) + "&hub.challenge=1",
                        "?hub.mode=" + bad.percent(bad.edgeText()), "?hub.challenge", "",
                        "?hub.mode=subscribe&hub.mode=unsubscribe&hub.verify_token=" + VERIFY_TOKEN
                                + "&hub.challenge=2");
                default -> "";
            };
            return !own.isEmpty() || !bad.chance(0.05) ? own : "?" + bad.pick("%zz=1", "a=%", "x=" + "y".repeat(2000),
                    "&&&==&", "q=" + bad.percent(bad.edgeText()), "%00=%00");
        }

        private List<String> familyHeaders(Family family, byte[] body, List<String> what) {
            List<String> headers = new ArrayList<>();
            switch (family) {
                case AGENT -> bearer(AGENT_TOKEN, 0.75, headers, what);
                case ADMIN -> bearer(ADMIN_TOKEN, 0.5, headers, what);
                case CONVERSATION -> {
                    if (bad.chance(0.5)) {
                        headers.add("X-Guichet-Secret: " + bad.pick(fixture.widgetSecret(),
                                fixture.widgetSecret() + "x", "", "\u00e9\u00ff", "null", "a".repeat(3000)));
                    }
                }
                case LOGIN -> {
                    if (bad.chance(0.5)) {
                        String own = "http://127.0.0.1:" + fixture.port();
                        headers.add("Origin: " + bad.pick(own, "null", "http://[::1", "https://evil.example",
                                "\u00e9://\u00e9", own + "/x"));
                    }
                }
                case META -> {
                    if (bad.chance(0.65)) {
                        headers.add("X-Hub-Signature-256: sha256="
                                + HexFormat.of().formatHex(HubSignature.sign(META_SECRET, body)));
                        what.add("signed");
                    } else if (bad.chance(0.6)) {
                        headers.add("X-Hub-Signature-256: " + bad.pick("sha256=", "sha256=zz", "sha1=abcd",
                                "sha256=" + "0".repeat(64), "sha256=" + "f".repeat(6000), "SHA256=00",
                                "sha256=" + HexFormat.of().formatHex(HubSignature.sign("wrong-secret", body))));
                    }
                }
                case SOCKET -> {
                    bearer(AGENT_TOKEN, 0.5, headers, what);
                    headers.addAll(bad.upgradeHeaders());
                }
                default -> {
                }
            }
            return headers;
        }

        private void bearer(String token, double validShare, List<String> headers, List<String> what) {
            if (bad.chance(validShare)) {
                headers.add("Authorization: Bearer " + token);
            } else if (bad.chance(0.8)) {
                what.add("bad-auth");
                headers.add("Authorization: " + bad.pick("Bearer", "Bearer ", "Bearer " + token + "x",
                        "bearer " + token, "Basic Zm9vOmJhcg==", "Bearer \u00e9\u00e8\u00ff",
                        "Bearer " + "t".repeat(6000), "Bearer " + token + " ", "Bearer  " + token,
                        "Bearer " + token.substring(1), "Bearer null"));
            }
        }

        /** A body of one of the bad kinds, or now and then a good one, so that success paths run too. */
        private byte[] body(Map<String, Object> shape, List<String> what) {
            int kind = random.nextInt(100);
            String strategy;
            byte[] body;
            if (kind < 30) {
                strategy = "unicode";
                body = utf8(json(bad.withEdgeStrings(shape)));
            } else if (kind < 50) {
                strategy = "wrong-types";
                body = utf8(json(bad.withWrongTypes(shape)));
            } else if (kind < 65) {
                strategy = "invalid-json";
                body = utf8(bad.invalidJson(json(shape)));
            } else if (kind < 72) {
                strategy = "invalid-utf8";
                body = bad.invalidUtf8(shape);
            } else if (kind < 74) {
                strategy = "over-64k";
                body = bad.oversized(shape, 64 * 1024 + 1 + random.nextInt(64));
            } else if (kind < 75) {
                strategy = "mebibytes";
                body = bad.oversized(shape, (2 + random.nextInt(3)) << 20);
            } else if (kind < 79) {
                strategy = "empty";
                body = bad.pick(new byte[0], utf8(" \r\n\t"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        new byte[] {0}, utf8("\uFEFF{}"));
            } else if (kind < 81) {
                strategy = "utf-16";
                body = json(shape).getBytes(UTF_16);
            } else {
                strategy = "plain";
                body = utf8(json(shape));
            }
            what.add(strategy);
            return body;
        }

        private String contentType(List<String> what) {
            if (bad.chance(0.8)) {
                return bad.pick("application/json", "application/json; charset=utf-8");
            }
            what.add("lying-type");
            return bad.pick("application/x-www-form-urlencoded", "multipart/form-data",
                    "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"", "text/plain",
                    "application/json; charset=iso-8859-1",
                    "application/json; charset=utf-16", "application/json; charset=nope", "*/*", "application/xml",
                    ";;;==", "\u00e9t\u00e9/json", "application/json; boundary=--x");
        }

        private Framing framing(byte[] body) {
            int roll = random.nextInt(100);
            if (roll < 12) {
                return Framing.CHUNKED;
            }
            if (roll < 15) {
                return Framing.OVERSTATED;
            }
            if (roll < 18) {
                return Framing.GARBAGE;
            }
            return body.length == 0 && bad.chance(0.5) ? Framing.NONE : Framing.LENGTH;
        }

        /** The body as the framing sends it, with the headers that announce it. */
        private byte[] frame(Framing framing, byte[] body, List<String> headers) {
            switch (framing) {
                case LENGTH -> headers.add("Content-Length: " + body.length);
                case CHUNKED -> {
                    headers.add("Transfer-Encoding: chunked");
                    return chunked(body);
                }
                case OVERSTATED -> headers.add("Content-Length: " + (body.length + 1 + random.nextInt(1000)));
                case GARBAGE -> {
                    switch (random.nextInt(6)) {
                        case 0 -> headers.add("Content-Length: "
                                + bad.pick("abc", "-5", "1e3", "0x10", " ", "99999999999999999999"));
                        case 1 -> {
                            headers.add("Content-Length: " + body.length);
                            headers.add("Content-Length: " + (body.length + 7));
                        }
                        case 2 -> {
                            headers.add("Content-Length: " + body.length);
                            headers.add("Transfer-Encoding: chunked");
                        }
                        case 3 -> headers.add("Transfer-Encoding: "
                                + bad.pick("gzip, chunked", "chunked, gzip", "xchunked"));
                        case 4 -> {
                            headers.add("Transfer-Encoding: chunked");
                            return utf8("zz\r\n" + new String(body, ISO_8859_1) + "\r\n0\r\n\r\n");
                        }
                        default -> {
                            headers.add("Transfer-Encoding: chunked");
                            return utf8(Integer.toHexString(body.length + 50) + "\r\n");
                        }
                    }
                }
                case NONE -> {
                }
            }
            return body;
        }

        private byte[] chunked(byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
            for (int at = 0; at < body.length; ) {
                int size = Math.min(body.length - at, 1 + random.nextInt(body.length > 100_000 ? 65_536 : 64));
                out.writeBytes(utf8(Integer.toHexString(size) + "\r\n"));
                out.write(body, at, size);
                out.writeBytes(utf8("\r\n"));
                at += size;
            }
            out.writeBytes(utf8("0\r\n\r\n"));
            return out.toByteArray();
        }

        // What a client means to send, before it goes wrong: templates of each endpoint's body.

        Map<String, Object> object(Object... pairs) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                if (!bad.chance(0.1)) {
                    object.put((String) pairs[i], pairs[i + 1]);
                }
            }
            return object;
        }

        String phrase() {
            return bad.pick(BadInput.PHRASES);
        }

        String lang() {
            return bad.pick("fr", "en");
        }

        String today() {
            return bad.pick("2026-11-21", "2027-03-01", "2026-12-31");
        }

        String team() {
            return bad.pick(fixture.teams());
        }

        Map<String, Object> messengerEvent() {
            Map<String, Object> message = object("mid", "mid-" + random.nextLong(), "text", phrase());
            if (bad.chance(0.2)) {
                message.put("quick_reply", object("payload", phrase()));
            }
            Map<String, Object> event = object("sender", object("id", "psid-" + random.nextInt(50)),
                    "recipient", object("id", "PAGE"), "timestamp", System.currentTimeMillis());
            event.put(bad.chance(0.8) ? "message" : "postback", bad.chance(0.8) ? message
                    : object("payload", phrase(), "mid", "pb-" + random.nextLong()));
            return object("object", "page", "entry", List.of(object("id", "PAGE", "time", 1,
                    "messaging", List.of(event))));
        }

        Map<String, Object> whatsAppEvent() {
            String type = bad.pick("text", "interactive", "button", "image");
            Map<String, Object> message = object("from", "336" + (10_000_000 + random.nextInt(90_000_000)),
                    "id", "wamid." + random.nextLong(), "timestamp", bad.pick(
                            Long.toString(System.currentTimeMillis() / 1000), "0", "-1", "9223372036854775807",
                            INSTANT_MAX_SECONDS, "99999999999999999999", "soon", ""), "type", type);
            switch (type) {
                case "text" -> message.put("text", object("body", phrase()));
                case "interactive" -> message.put("interactive", object(bad.pick("button_reply", "list_reply"),
                        object("id", phrase(), "title", phrase())));
                case "button" -> message.put("button", object("payload", phrase(), "text", phrase()));
                default -> message.put("image", object("id", "img"));
            }
            return object("object", "whatsapp_business_account", "entry", List.of(object("id", "WABA",
                    "changes", List.of(object("field", "messages", "value", object("messaging_product", "whatsapp",
                            "metadata", object("phone_number_id", "1234567890"), "messages", List.of(message),
                            "statuses", List.of(object("id", "wamid.s", "status", "delivered"))))))));
        }
    }

    /** Who an endpoint's requests come from, which decides the headers they carry. */
    private enum Family {
        API, CONVERSATION, ADMIN, AGENT, LOGIN, META, SOCKET
    }

    /** Every endpoint, how often it is aimed at, and the body a well-meaning client would send it. */
    private enum Endpoint {
        PARSE("POST", "/api/v1/parse", Family.API, 2,
                p -> p.object("text", p.phrase(), "lang", p.lang(), "now", p.today())),
        SEARCH("POST", "/api/v1/search", Family.API, 2, p -> p.object("query", p.phrase(), "k", 3, "lang", p.lang())),
        OPEN("POST", "/api/v1/conversations", Family.API, 1,
                p -> p.object("channel", p.bad.pick("web", "widget", "rest", "messenger", "whatsapp"),
                        "lang", p.lang())),
        POST_MESSAGE("POST", "/api/v1/conversations/{id}/messages", Family.CONVERSATION, 2,
                p -> p.object("text", p.phrase(), "now", p.today())),
        GET_CONVERSATION("GET", "/api/v1/conversations/{id}", Family.CONVERSATION, 1, null),
        LEADS("GET", "/api/v1/leads", Family.ADMIN, 0.5, null),
        HEALTH("GET", "/health", Family.API, 0.3, null),
        AGENT_ME("GET", "/api/v1/agent/me", Family.AGENT, 0.5, null),
        AGENT_QUEUE("GET", "/api/v1/agent/queue", Family.AGENT, 0.5, null),
        AGENT_CONVERSATION("GET", "/api/v1/agent/conversations/{id}", Family.AGENT, 0.7, null),
        CLAIM("POST", "/api/v1/agent/conversations/{id}/claim", Family.AGENT, 0.7, null),
        AGENT_MESSAGE("POST", "/api/v1/agent/conversations/{id}/messages", Family.AGENT, 1,
                p -> p.object("text", p.phrase())),
        NOTE("POST", "/api/v1/agent/conversations/{id}/notes", Family.AGENT, 0.7, p -> p.object("text", p.phrase())),
        TRANSFER("POST", "/api/v1/agent/conversations/{id}/transfer", Family.AGENT, 0.7,
                p -> p.object("team", p.team())),
        RELEASE("POST", "/api/v1/agent/conversations/{id}/release", Family.AGENT, 0.5, null),
        CLOSE("POST", "/api/v1/agent/conversations/{id}/close", Family.AGENT, 0.5, null),
        // Each login that reaches the password check costs 0.2 s of PBKDF2, on purpose: a few only.
        LOGIN("POST", "/agent/login", Family.LOGIN, 0.3, p -> p.object("id", "fuzz", "password", p.phrase())),
        REST_WEBHOOK("POST", "/webhooks/rest/webhook", Family.API, 1.5,
                p -> p.object("sender", "user-" + p.random.nextInt(20), "message", p.phrase())),
        MESSENGER("POST", "/webhooks/messenger", Family.META, 1.5, Probes::messengerEvent),
        WHATSAPP("POST", "/webhooks/whatsapp", Family.META, 1.5, Probes::whatsAppEvent),
        MESSENGER_HANDSHAKE("GET", "/webhooks/messenger", Family.API, 0.4, null),
        WHATSAPP_HANDSHAKE("GET", "/webhooks/whatsapp", Family.API, 0.4, null),
        WIDGET_UPGRADE("GET", "/ws/widget", Family.SOCKET, 0.5, null),
        CONSOLE_UPGRADE("GET", "/ws/agent", Family.SOCKET, 0.5, null);

        final String method;
        final String path;
        final Family family;
        final double weight;
        final Function<Probes, Map<String, Object>> body;

        Endpoint(String method, String path, Family family, double weight, Function<Probes, Map<String, Object>> body) {
            this.method = method;
            this.path = path;
            this.family = family;
            this.weight = weight;
            this.body = body;
        }
    }

    /** A JSON token written as is: numbers no Java type holds, or that JSON does not allow. */
    private record Raw(String token) {
    }

    private static byte[] utf8(String text) {
        return text.getBytes(UTF_8);
    }

    /**
     * JSON text. Every surrogate is written as a {@code \\uXXXX} escape, so that a lone one (which
     * UTF-8 cannot carry) reaches the server as JSON allows it; control characters are escaped too.
     */
    private static String json(Object value) {
        StringBuilder out = new StringBuilder();
        writeJson(value, out);
        return out.toString();
    }

    private static void writeJson(Object value, StringBuilder out) {
        if (value instanceof String text) {
            out.append('"');
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || Character.isSurrogate(c)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String comma = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(comma);
                writeJson(entry.getKey().toString(), out);
                out.append(':');
                writeJson(entry.getValue(), out);
                comma = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                writeJson(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Raw raw) {
            out.append(raw.token());
        } else {
            out.append(value);
        }
    }

    /** The bad values themselves, drawn from the probes' Random. */
    private static final class BadInput {
        static final String[] PHRASES = {"séminaire pour 40 personnes du 12 au 14 mars",
                "je voudrais parler à un conseiller", "hello", "navette aéroport prix", "oui", "merci",
                "créer une entreprise de 20 salariés", "un week-end à deux, budget 300 €",
                "s'installer avec trois enfants", "à quelle heure ouvre l'office ?"};
        static final String[] ODD_METHODS = {"PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "PROPFIND", "get",
                "FOO", "M-SEARCH", "CONNECT", "PRI"};
        static final String[] ODD_PATHS = {"/", "//api//v1//parse", "/api/v1/parse/", "/api/v1/../v1/parse",
                "/api/v1/%2e%2e/parse", "/api/v1/conversations/", "/api/v1/conversations//messages", "/api/%zz",
                "/api/v1/parse%00", "/api/v1/parse;jsessionid=1", "/api/v1/PARSE", "/\u00e9\u00ff", "*",
                "http://evil.example/api/v1/parse", "/api/v1/conversations/" + "x".repeat(5000), "/api/v1/agent/",
                "/webhooks/", "/ws/widget/..", "/agent/static/../../pom.xml", "/agent/static/%2e%2e/%2e%2e/pom.xml",
                "/widget.js?" + "a".repeat(100), "/demo/"};
        static final String[] BROKEN_REQUEST_LINES = {"GET /health", "GET /health HTTP/9.9", "GET\t/health HTTP/1.1",
                "GET  /health  HTTP/1.1", "/health HTTP/1.1", "GET /he alth HTTP/1.1", "GET /health\u0000 HTTP/1.1",
                "POST /api/v1/parse HTTP/1.0", "\u00ff\u00fe\u0000", "GET /health HTTP/1.1 extra",
                "G\u00c9T / HTTP/1.1", "GET " + "/".repeat(9000) + " HTTP/1.1"};
        static final String[] BROKEN_HEADERS = {"NoColon", ": no name", "X-Bad\u0000: nul", "X-Folded: a\r\n b",
                "X-Big: " + "b".repeat(9000), "Content-Length : 5", "X-\u00e9: \u00ff", "Transfer-Encoding:\tchunked"};
        static final String[] EXTREME_DATES = {"+999999999-12-31", "-999999999-01-01", "9999-12-31", "0000-01-01",
                "2024-02-29", "2026-02-29", "2026-13-01", "20261121", "2026-11-21T10:00:00Z", "", " 2026-11-21",
                "+10000-01-01", "2026-W47-6"};
        static final String[] ENTITY_BAIT = {"99999999999999999999 personnes", "le 31/02", "du 99/99 au 00/00",
                "1e309 €", "-5 nuits", "0 personne", "2147483648 m²", "5k€€",
                "un budget de 9999999999999999999999 euros",
                "le 29 février", "du 31 au 1 février", "ce week-end", "４０ personnes", "10⁹⁹ m²", "le 3/04/99999",
                "٤٠ شخصا", "40\u00a0000\u00a0000\u00a0000\u00a0000 €", "du 12 au 14 mars 999999999",
                "2 hectares et 9999999999999 nuits", "une cinquantaine de centaines de milliers",
                "+33 6 12 34 56 78 9999999999999999999999", "a@b@c..fr", "12/12/12/12/12"};
        static final byte[][] INVALID_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xA0, (byte) 0xA1},
                {(byte) 0xE2, 0x28, (byte) 0xA1}, {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0xB0, (byte) 0x80},
                {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0xE2, (byte) 0x82},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};

        private final Random random;

        BadInput(Random random) {
            this.random = random;
        }

        boolean chance(double p) {
            return random.nextDouble() < p;
        }

        @SafeVarargs
        final <T> T pick(T... choices) {
            return choices[random.nextInt(choices.length)];
        }

        <T> T pick(List<T> choices) {
            return choices.get(random.nextInt(choices.size()));
        }

        /** A text a person could type, made hard: scripts, marks, controls, broken surrogates, sizes. */
        String edgeText() {
            String phrase = pick(PHRASES);
            return switch (random.nextInt(12)) {
                case 0 -> pick("أريد تنظيم ندوة لـ ٤٠ شخصا من ١٢ إلى ١٤ مارس", "مرحبا", "أريد التحدث إلى مستشار");
                case 1 -> pick("אני רוצה לדבר עם נציג", "סמינר ל-40 איש", "שלום");
                case 2 -> "\u202E" + phrase + "\u202C\u200F\u200E\u2066\u2069";
                case 3 -> combining(phrase);
                case 4 -> phrase.replace(" ", pick("\u0000", "\u0001", "\u0007", "\u001B[31m", "\r\n", "\t", "\u007F",
                        "\u0085", "\b"));
                case 5 -> insert(phrase, pick("\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800", "\uD83D\uD83D"));
                case 6 -> "👩‍👩‍👧‍👦🇫🇷🎉 " + phrase + " 👍🏽" + "\uD83D\uDE00".repeat(random.nextInt(50));
                case 7 -> "\uFEFF" + phrase + pick("", "\uFEFF", "\uFFFE", "\uFFFF", "\uFFFD");
                case 8 -> longText();
                case 9 -> insert(phrase, pick("\u200B", "\u200C\u200D", "\u2060", "\u2028\u2029", "\u00A0", "\u3000",
                        "\u180E", "\u034F"));
                case 10 -> pick(ENTITY_BAIT);
                default -> pick("Ｓéminaire ΣΕΜΙΝΆΡΙΟ семинар 研讨会 セミナー 세미나", "\uD835\uDCE2\uD835\uDCEE\uD835\uDCF6",
                        "ﷺ ﷽", "𒐫𒐫𒐫", "Zalgơ̸̢̠̤̭͇̹̳̝̳̫̓̈́̀̿̀̚͜͝ text", "ǅ ǈ ß ẞ İ ı ﬃ");
            };
        }

        private String combining(String phrase) {
            StringBuilder out = new StringBuilder();
            int marks = 1 + random.nextInt(200);
            phrase.codePoints().forEach(c -> {
                out.appendCodePoint(c);
                for (int i = 0; i < marks && out.length() < 8000; i++) {
                    out.append((char) (0x0300 + random.nextInt(0x70)));
                }
            });
            return out.toString();
        }

        private String insert(String text, String inserted) {
            int at = random.nextInt(text.length() + 1);
            return text.substring(0, at) + inserted + text.substring(at);
        }

        /** Ten thousand characters or so, of one kind. */
        private String longText() {
            int length = 9_000 + random.nextInt(2_000);
            StringBuilder out = new StringBuilder(length + 64);
            switch (random.nextInt(4)) {
                case 0 -> {
                    while (out.length() < length) {
                        out.append(pick(PHRASES)).append(' ');
                    }
                }
                case 1 -> out.append(pick("a", "é", "€", "\u0000", " ", "👍").repeat(length / 2));
                case 2 -> {
                    while (out.length() < length) {
                        int c = random.nextInt(0x10FFFF);
                        out.appendCodePoint(Character.getType(c) == Character.SURROGATE ? 'x' : c);
                    }
                }
                default -> out.append("bonjour").append(" ".repeat(length)).append("merci");
            }
            return out.toString();
        }

        /** A JSON value of a type that no field takes, or a number past what the field allows. */
        Object wrongType() {
            return switch (random.nextInt(14)) {
                case 0 -> random.nextInt();
                case 1 -> new Raw(pick("1e400", "-1e400", "1e-400", "-0", "0.0000000000000000000001", "1E2"));
                case 2 -> new Raw("123456789012345678901234567890123456789");
                case 3 -> random.nextDouble() * 100;
                case 4 -> random.nextBoolean();
                case 5 -> null;
                case 6 -> List.of();
                case 7 -> List.of("a", 1, new LinkedHashMap<>());
                case 8 -> Map.of();
                case 9 -> Map.of("text", "imbriqué", "$gt", "");
                case 10 -> nested(50 + random.nextInt(900));
                case 11 -> Long.MAX_VALUE;
                case 12 -> 2.5;
                default -> new Raw("4.0");
            };
        }

        private Object nested(int depth) {
            Object value = "fond";
            for (int i = 0; i < depth; i++) {
                value = random.nextBoolean() ? List.of(value) : Map.of("a", value);
            }
            return value;
        }

        /** The same shape, its strings (dates, numbers and languages included) made hard. */
        Object withEdgeStrings(Object shape) {
            return rebuild(shape, null, (key, leaf) -> {
                if (!chance(0.6)) {
                    return leaf;
                }
                return switch (key == null ? "" : key) {
                    case "now" -> pick(EXTREME_DATES);
                    case "k" -> pick(1, 50, 0, -1, 51, 2.5, new Raw("1e400"), new Raw("4.0"), Integer.MAX_VALUE);
                    case "lang" -> pick("FR", "de", "", "fr\u0000", "en ", "\u202Efr");
                    case "channel" -> pick("widget", "", "WIDGET", edgeText());
                    case "timestamp" -> pick("9223372036854775807", "-9223372036854775808", INSTANT_MAX_SECONDS, "1e10",
                            edgeText());
                    default -> leaf instanceof String ? edgeText() : leaf;
                };
            });
        }

        /** The same shape, some of its values (at least one) of the wrong type. */
        Object withWrongTypes(Object shape) {
            int[] changed = {0};
            Object out = rebuild(shape, null, (key, leaf) -> {
                if (chance(0.35)) {
                    changed[0]++;
                    return wrongType();
                }
                return leaf;
            });
            return changed[0] > 0 || !(shape instanceof Map<?, ?> map) || map.isEmpty() ? out
                    : withWrongTypes(shape);
        }

        private interface Leaf {
            Object change(String key, Object leaf);
        }

        /** A copy of a template with its leaves changed; now and then a whole branch is replaced. */
        private Object rebuild(Object node, String key, Leaf leaf) {
            if (node instanceof Map<?, ?> map) {
                if (key != null && chance(0.05)) {
                    return leaf.change(key, wrongType());
                }
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put((String) k, rebuild(v, (String) k, leaf)));
                return copy;
            }
            if (node instanceof List<?> list) {
                if (chance(0.05)) {
                    return wrongType();
                }
                List<Object> copy = new ArrayList<>();
                list.forEach(v -> copy.add(rebuild(v, key, leaf)));
                return copy;
            }
            return leaf.change(key, node);
        }

        /** A valid body, broken: cut short, followed by more, not JSON's syntax, or nested past any parser's limit. */
        String invalidJson(String valid) {
            return switch (random.nextInt(13)) {
                case 0 -> valid.substring(0, random.nextInt(Math.max(1, valid.length())));
                case 1 -> valid + pick("}", "]", ",", "x", "{}", "\u0000", "\n{\"text\":\"encore\"}");
                case 2 -> pick("{\"text\": NaN}", "{\"k\": Infinity, \"query\": \"a\"}", "{\"k\": -Infinity}",
                        "{\"text\": \"a\", \"now\": NaN}");
                case 3 -> "[".repeat(10_000) + "]".repeat(10_000);
                case 4 -> "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
                case 5 -> "{\"text\":" + "[".repeat(10_000);
                case 6 -> pick("{'text': 'apostrophes'}", "{text: \"clé nue\"}", "{\"text\": \"non fermé}",
                        "{\"text\": \"\\x41 \\u12\"}", "{\"text\": \"brut \u0001 dedans\"}", "{,}", "{\"text\":}",
                        "{\"text\" \"a\"}", "{\"text\":\"a\",}");
                case 7 -> pick("\"juste une chaîne\"", "42", "null", "[]", "true", "[{\"text\":\"bonjour\"}]", "1e400");
                case 8 -> "{\"text\":" + "[".repeat(900) + "]".repeat(900) + "}";
                case 9 -> valid.replace(":", "=");
                case 10 -> "\u0000" + valid;
                case 11 -> valid.replace("\"", "\\\"");
                default -> "{\"text\":\"" + "\\u".repeat(3000) + "\"}";
            };
        }

        /** A body whose string, or whose whole, holds bytes that are not UTF-8. */
        byte[] invalidUtf8(Map<String, Object> shape) {
            byte[] broken = pick(INVALID_UTF8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String body = json(shape);
            int quote = body.indexOf(":\"");
            if (quote < 0 || chance(0.2)) {
                out.writeBytes(broken);
                out.writeBytes(utf8(body));
            } else {
                out.writeBytes(utf8(body.substring(0, quote + 2)));
                out.writeBytes(broken);
                out.writeBytes(utf8(body.substring(quote + 2)));
            }
            return out.toByteArray();
        }

        /** A valid body of about {@code size} bytes: one string field made that long. */
        byte[] oversized(Map<String, Object> shape, int size) {
            Map<String, Object> big = new LinkedHashMap<>(shape);
            String field = big.keySet().stream().filter(k -> big.get(k) instanceof String).findFirst().orElse("text");
            big.put(field, "");
            int room = Math.max(0, size - utf8(json(big)).length);
            big.put(field, pick("a", "é", " ").repeat(room));
            return utf8(json(big));
        }

        /** An id path segment that no conversation has: encoded, broken, long, hostile. */
        String oddId(String existing) {
            return pick("", "nope", "%00", "%zz", "%", "..", "%2e%2e%2f%2e%2e", "%2F", "%ED%A0%80", "%C3%28",
                    "%F0%9F%98%80", "%E2%80%AE" + existing, "%27%20OR%20%271%27%3D%271", "\u00e9\u00ff",
                    "a".repeat(3000), "%3Cscript%3E", existing + ";x=1", existing.toUpperCase(), existing + "%00",
                    existing + "/", "%0d%0aSet-Cookie:%20x=1", percent(edgeText()), existing + "%20");
        }

        /** Percent-encoded as UTF-8 (a lone surrogate becomes '?', as a browser would send it). */
        String percent(String text) {
            return URLEncoder.encode(text, UTF_8);
        }

        /** Upgrade attempts: some proper, most broken. */
        List<String> upgradeHeaders() {
            String key = Base64.getEncoder().encodeToString(new byte[16]);
            return switch (random.nextInt(8)) {
                case 0 -> List.of();
                case 1 -> List.of("Upgrade: websocket");
                case 2 -> List.of("Upgrade: websocket", "Sec-WebSocket-Version: 13");
                case 3 -> List.of("Upgrade: websocket", "Sec-WebSocket-Key: !!!", "Sec-WebSocket-Version: 13");
                case 4 -> List.of("Upgrade: websocket", "Sec-WebSocket-Key: " + key, "Sec-WebSocket-Version: 99");
                case 5 -> List.of("Upgrade: h2c", "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA");
                case 6 -> List.of("Upgrade: websocket", "Sec-WebSocket-Key: " + key, "Sec-WebSocket-Version: 13",
                        "Origin: " + pick("null", "https://evil.example", "\u00e9"));
                default -> List.of("Upgrade: websocket", "Sec-WebSocket-Key: " + key, "Sec-WebSocket-Version: 13");
            };
        }
    }

    // ---------------------------------------------------------------- WebSocket

    /**
     * Widget sessions, one after the other (each waits for the answer to every frame, and a shared
     * conversation's frames would otherwise cross): frames that are not JSON, of unknown or wrongly
     * typed kinds, binary, too long, hellos and messages gone wrong; then frames that break the
     * WebSocket protocol itself, over a raw socket.
     */
    private static Played fuzzWidget(Vertx vertx, Fixture fixture, Random random, long deadline, long seed,
                                     List<String> failures) throws InterruptedException {
        BadInput bad = new BadInput(random);
        AtomicInteger frames = new AtomicInteger();
        int session = 0;
        while (session < WIDGET_SESSIONS && failures.size() < ENOUGH_FAILURES && System.nanoTime() < deadline) {
            session++;
            List<WidgetFrame> script = new ArrayList<>();
            for (int i = 0; i < FRAMES_PER_SESSION; i++) {
                script.add(WidgetFrame.draw(bad, fixture, i == 0));
            }
            String trouble = playWidget(vertx, fixture.port(), script, frames);
            if (trouble != null) {
                failures.add("seed " + seed + ", widget session " + session + ": " + trouble);
            }
        }
        for (byte[] broken : session == WIDGET_SESSIONS ? RawFrames.ALL : List.<byte[]>of()) {
            for (String path : List.of("/ws/widget", "/ws/agent")) {
                frames.incrementAndGet();
                String trouble = RawFrames.play(fixture.port(), path, broken);
                if (trouble != null) {
                    failures.add("seed " + seed + ", " + path + " with the raw frame " + shorten(new String(broken,
                            ISO_8859_1), 80) + ": " + trouble);
                }
            }
        }
        return new Played(session, frames.get());
    }

    /** How far the WebSocket fuzzing went. */
    private record Played(int sessions, int frames) {
    }

    /**
     * One frame of a widget session and the answer it calls for.
     *
     * @param answers the frame types that may answer it, empty when none is due; "closed" when the server must hang up
     */
    private record WidgetFrame(String what, String text, byte[] binary, List<String> answers, boolean validMessage) {

        static WidgetFrame draw(BadInput bad, Fixture fixture, boolean first) {
            int kind = first && bad.chance(0.7) ? 0 : bad.random.nextInt(100);
            if (kind < 10) {
                Object lang = bad.chance(0.5) ? bad.pick("fr", "en")
                        : bad.chance(0.5) ? bad.edgeText() : bad.wrongType();
                return json("hello", Map.of("type", "hello", "lang", lang == null ? "fr" : lang), "welcome", "error");
            }
            if (kind < 15) {
                Map<String, Object> hello = new LinkedHashMap<>();
                hello.put("type", "hello");
                hello.put("id", bad.chance(0.6) ? fixture.widgetId()
                        : bad.chance(0.5) ? bad.edgeText() : bad.wrongType());
                hello.put("secret", bad.chance(0.5) ? fixture.widgetSecret() : bad.chance(0.5) ? bad.edgeText()
                        : bad.wrongType());
                return json("hello-id", hello, "welcome", "error");
            }
            if (kind < 45) {
                Object text = bad.chance(0.6) ? bad.edgeText() : bad.chance(0.3) ? bad.pick(BadInput.PHRASES)
                        : bad.wrongType();
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("type", "message");
                message.put("text", text);
                // The widget's rule: a non-empty text of at most 2,000 characters once stripped.
                boolean valid = text instanceof String s && !s.strip().isEmpty() && s.strip().length() <= 2000;
                return new WidgetFrame("message", BadInputFuzzTest.json(message), null,
                        List.of(valid ? "turn_end" : "error"), valid);
            }
            if (kind < 50) {
                return json("typing", Map.of("type", "typing"));
            }
            if (kind < 55) {
                return json("ping", Map.of("type", "ping"), "pong");
            }
            if (kind < 70) {
                return new WidgetFrame("not-json", bad.invalidJson("{\"type\":\"message\",\"text\":\"bonjour\"}"), null,
                        List.of("error"), false);
            }
            if (kind < 80) {
                Map<String, Object> odd = new LinkedHashMap<>();
                if (!bad.chance(0.2)) {
                    odd.put("type", bad.chance(0.5) ? bad.pick("HELLO", "welcome", "error", "", "message ", "pong",
                            "status", "__proto__") : bad.wrongType());
                }
                odd.put("text", "bonjour");
                return json("odd-type", odd, "error");
            }
            if (kind < 88) {
                byte[] bytes = new byte[1 + bad.random.nextInt(bad.chance(0.1) ? 100_000 : 100)];
                bad.random.nextBytes(bytes);
                return new WidgetFrame("binary", null, bytes, List.of("error"), false);
            }
            if (kind < 96) {
                String text = "é".repeat(2001 + bad.random.nextInt(60_000));
                return new WidgetFrame("long", "{\"type\":\"message\",\"text\":\"" + text + "\"}", null,
                        List.of("error"), false);
            }
            // Past the server's message limit (256 KiB): it hangs up rather than buffer it.
            String text = "a".repeat(300_000 + bad.random.nextInt(300_000));
            return new WidgetFrame("huge", "{\"type\":\"message\",\"text\":\"" + text + "\"}", null,
                    List.of("closed"), false);
        }

        private static WidgetFrame json(String what, Map<String, Object> frame, String... answers) {
            return new WidgetFrame(what, BadInputFuzzTest.json(frame), null, List.of(answers), false);
        }

        @Override
        public String toString() {
            return what + " " + (text != null ? shorten(text, 200) : "binary " + binary.length + " bytes");
        }
    }

    /** Plays a session's frames, checking each answer; returns what went wrong, or null. */
    private static String playWidget(Vertx vertx, int port, List<WidgetFrame> script, AtomicInteger sent)
            throws InterruptedException {
        WidgetSocket socket = WidgetSocket.connect(vertx, port, "/ws/widget", null, null);
        String trouble = play(socket, script, sent);
        // A socket the server left in a bad state may not close cleanly either: Vert.x's closing cleans it up.
        if (trouble == null && !socket.isClosed()) {
            socket.close();
        }
        return trouble;
    }

    private static String play(WidgetSocket socket, List<WidgetFrame> script, AtomicInteger sent)
            throws InterruptedException {
        List<JsonObject> received = new ArrayList<>();
        boolean greeted = false;
        try {
            for (WidgetFrame frame : script) {
                sent.incrementAndGet();
                try {
                    if (frame.text() != null) {
                        socket.sendText(frame.text());
                    } else {
                        socket.sendBinary(Buffer.buffer(frame.binary()));
                    }
                } catch (RuntimeException e) {
                    if (!frame.answers().contains("closed")) {
                        return "could not send " + frame + ": " + e;
                    }
                }
                if (frame.answers().contains("closed")) {
                    boolean tooBig = socket.awaitClosed(ANSWER_WITHIN)
                            && Short.valueOf(MESSAGE_TOO_BIG).equals(socket.closeStatus());
                    return tooBig ? null
                            : "after " + frame + " the socket was not closed with 1009 (message too big): closed "
                            + socket.isClosed() + ", status " + socket.closeStatus();
                }
                if (frame.answers().isEmpty()) {
                    continue;
                }
                // A message before hello is refused: only a greeted socket's messages are answered by a turn.
                List<String> expected = frame.validMessage() && !greeted ? List.of("error") : frame.answers();
                JsonObject answer = socket.next(f -> {
                    received.add(f);
                    return List.of("welcome", "error", "pong", "turn_end", "not_json").contains(f.getString("type"));
                }, ANSWER_WITHIN);
                String type = answer.getString("type");
                if (!expected.contains(type) || "internal_error".equals(answer.getString("error"))
                        || type.equals("error") && !(answer.getValue("message") instanceof String)) {
                    return "after " + frame + " expected one of " + expected + ", got " + answer + "; frames: "
                            + shorten(received.toString(), 1500);
                }
                greeted |= type.equals("welcome");
            }
            socket.sendText("{\"type\":\"ping\"}");
            socket.next(f -> {
                received.add(f);
                return "pong".equals(f.getString("type"));
            }, ANSWER_WITHIN);
            return received.stream().anyMatch(f -> "not_json".equals(f.getString("type"))
                    || "internal_error".equals(f.getString("error")))
                    ? "a frame was not JSON or told of an internal error: " + shorten(received.toString(), 1500) : null;
        } catch (AssertionError e) {
            return e.getMessage() + "; script: " + script;
        }
    }

    /**
     * Frames that break RFC 6455 itself, which no WebSocket client library will send: after one,
     * the server must close, or refuse it and still answer a ping, never leave the socket hanging.
     */
    private static final class RawFrames {
        static final List<byte[]> ALL = List.of(
                frame(0x81, true, new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                frame(0x81, false, utf8("{\"type\":\"ping\"}")),
                frame(0x83, true, utf8("opcode 3 is reserved")),
                frame(0xC1, true, utf8("RSV1 without an extension")),
                frame(0x80, true, utf8("a continuation with nothing to continue")),
                frame(0x89, true, new byte[200]),
                frame(0x09, true, utf8("a fragmented ping")),
                frame(0x88, true, new byte[] {0x03}),
                frame(0x88, true, new byte[] {0x03, (byte) 0xE7}),
                hugeLength());

        /** A client frame, masked with a zero key (so the payload reads as is) when {@code masked}. */
        static byte[] frame(int first, boolean masked, byte[] payload) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(first);
            int mask = masked ? 0x80 : 0;
            if (payload.length < 126) {
                out.write(mask | payload.length);
            } else {
                out.write(mask | 126);
                out.write(payload.length >> 8);
                out.write(payload.length & 0xff);
            }
            if (masked) {
                out.writeBytes(new byte[4]);
            }
            out.writeBytes(payload);
            return out.toByteArray();
        }

        /** A text frame announcing 2^63 - 1 bytes. */
        static byte[] hugeLength() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0x81);
            out.write(0x80 | 127);
            out.writeBytes(new byte[] {0x7f, -1, -1, -1, -1, -1, -1, -1});
            out.writeBytes(new byte[4]);
            out.writeBytes(utf8("{\"type\":"));
            return out.toByteArray();
        }

        /** Upgrades, sends the broken frame and a ping; returns what went wrong, or null. */
        static String play(int port, String path, byte[] broken) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                socket.setSoTimeout(ANSWER_WITHIN_MS);
                OutputStream out = socket.getOutputStream();
                String key = Base64.getEncoder().encodeToString(new byte[16]);
                out.write(utf8("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                        + "Authorization: Bearer " + AGENT_TOKEN + "\r\n\r\n"));
                InputStream in = new BufferedInputStream(socket.getInputStream());
                Answer upgrade = Wire.read(in, false);
                if (upgrade.status() != 101) {
                    return "the upgrade was answered " + upgrade;
                }
                out.write(broken);
                try {
                    out.write(frame(0x81, true, utf8("{\"type\":\"ping\"}")));
                } catch (IOException closed) {
                    return null;
                }
                while (true) {
                    int first = in.read();
                    if (first < 0 || (first & 0x0f) == 0x8) {
                        return null;
                    }
                    String text = new String(payload(in), UTF_8);
                    if (text.contains("internal_error")) {
                        return "the server told of an internal error: " + text;
                    }
                    if (text.contains("pong")) {
                        return null;
                    }
                }
            } catch (SocketTimeoutException e) {
                return "neither closed nor answered within " + ANSWER_WITHIN_MS + " ms";
            } catch (IOException e) {
                return null;
            }
        }

        private static byte[] payload(InputStream in) throws IOException {
            int length = in.read() & 0x7f;
            if (length == 126) {
                length = (in.read() << 8) | in.read();
            } else if (length == 127) {
                long big = 0;
                for (int i = 0; i < 8; i++) {
                    big = (big << 8) | in.read();
                }
                length = (int) Math.min(big, 1 << 20);
            }
            return in.readNBytes(length);
        }
    }
}
