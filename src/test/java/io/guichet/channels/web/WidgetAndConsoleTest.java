package io.guichet.channels.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.TestService;
import io.guichet.handoff.AgentDirectory;
import io.guichet.handoff.Passwords;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The widget's real-time channel and the agent console's, with their security rules: origins,
 * the conversation's secret, the console's session cookie and its forged-request guard, notes
 * that never reach the user, rate limits, and the handoff a user sees (expected wait, or the
 * offer to leave a message when no one can answer).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WidgetAndConsoleTest {
    private static final String SITE = "https://www.valmoreau.fr";
    private static final String PASSWORD = "claire-console-pass";
    private static final String LEA_TOKEN = "lea-token-0123456789";
    private static Vertx vertx;
    private static int port;
    private static WebClient client;

    @BeforeAll
    static void start(Vertx shared, VertxTestContext context) throws Exception {
        vertx = shared;
        Path folder = Files.createTempDirectory("guichet-widget");
        Path agents = Files.writeString(folder.resolve("agents.yml"), """
                timezone: Europe/Paris
                teams:
                  welcome_service: {hours: "sun 00:00-00:01"}
                agents:
                  - id: claire
                    name: Claire
                    team: "*"
                    title: {fr: "du bureau des congrès", en: "from the convention bureau"}
                    password: "%s"
                  - id: lea
                    name: Léa
                    team: tourist_office
                    token_sha256: %s
                  - id: marion
                    name: Marion
                    role: marketing
                    password: "%s"
                """.formatted(Passwords.hash(PASSWORD.toCharArray()), AgentDirectory.sha256(LEA_TOKEN),
                Passwords.hash(PASSWORD.toCharArray())));
        TestService.start(vertx, folder.resolve("data"), null, null, agents, List.of(SITE))
                .onComplete(context.succeeding(started -> {
                    port = started;
                    client = WebClient.create(vertx, new WebClientOptions().setDefaultPort(port));
                    context.completeNow();
                }));
    }

    private static HttpResponse<Buffer> send(HttpRequest<Buffer> request, JsonObject body) {
        return WidgetSocket.await(body == null ? request.send() : request.sendJsonObject(body));
    }

    private static WidgetSocket widget() {
        WidgetSocket socket = WidgetSocket.connect(vertx, port, "/ws/widget", SITE, null);
        socket.send(new JsonObject().put("type", "hello").put("lang", "fr"));
        return socket;
    }

    private static String say(WidgetSocket socket, String text) {
        socket.send(new JsonObject().put("type", "message").put("text", text));
        StringBuilder said = new StringBuilder();
        JsonObject frame;
        while (!(frame = socket.next(f -> true)).getString("type").equals("turn_end")) {
            if (frame.getString("type").equals("message") && !frame.getJsonObject("message").getString("from")
                    .equals("user")) {
                said.append(frame.getJsonObject("message").getString("text")).append('\n');
            }
        }
        return said.toString();
    }

    /** Logs Claire into the console; returns the session cookie as a Cookie header. */
    private static String login() {
        return login("claire");
    }

    private static String login(String id) {
        HttpResponse<Buffer> response = send(client.post("/agent/login"),
                new JsonObject().put("id", id).put("password", PASSWORD));
        assertEquals(200, response.statusCode(), response.bodyAsString());
        String setCookie = response.getHeader("Set-Cookie");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static HttpResponse<Buffer> console(String cookie, HttpMethod method, String path, JsonObject body) {
        HttpRequest<Buffer> request = client.request(method, path).putHeader("Cookie", cookie)
                .putHeader("X-Guichet-Console", "1");
        return send(request, body);
    }

    @Test
    @Order(1)
    void aWidgetTalksInRealTimeAndComesBackWithItsSecret() {
        String id;
        String secret;
        try (WidgetSocket socket = widget()) {
            JsonObject welcome = socket.next("welcome");
            id = welcome.getString("id");
            secret = welcome.getString("secret");
            assertTrue(welcome.getJsonArray("messages").isEmpty());
            socket.send(new JsonObject().put("type", "message").put("text", "bonjour"));
            assertEquals("bot", socket.next("typing").getString("from"));
            assertEquals("bonjour", socket.next("message").getJsonObject("message").getString("text"),
                    "the user's own line comes back first, for every tab");
            JsonObject answer = socket.next("message");
            assertEquals("bot", answer.getJsonObject("message").getString("from"));
            assertEquals("quick_replies", answer.getJsonArray("replies").getJsonObject(0).getString("type"));
            socket.next("turn_end");
        }
        try (WidgetSocket again = WidgetSocket.connect(vertx, port, "/ws/widget", SITE, null)) {
            again.send(new JsonObject().put("type", "hello").put("id", id).put("secret", secret));
            JsonObject welcome = again.next("welcome");
            assertEquals(id, welcome.getString("id"));
            assertEquals("bonjour", welcome.getJsonArray("messages").getJsonObject(0).getString("text"));
        }
        try (WidgetSocket stranger = WidgetSocket.connect(vertx, port, "/ws/widget", SITE, null)) {
            stranger.send(new JsonObject().put("type", "hello").put("id", id).put("secret", secret + "x"));
            assertEquals("unknown_conversation", stranger.next("error").getString("error"));
            stranger.send(new JsonObject().put("type", "message").put("text", "bonjour"));
            assertEquals("bad_frame", stranger.next("error").getString("error"), "no hello, no conversation");
            stranger.send(new JsonObject().put("type", "hello").put("lang", "fr"));
            stranger.next("welcome");
            stranger.send(new JsonObject().put("type", "message").put("text", "x".repeat(2001)));
            assertEquals("bad_message", stranger.next("error").getString("error"));
        }
    }

    @Test
    @Order(2)
    void onlyTheConfiguredSitesMayEmbedTheWidget() {
        UpgradeRejectedException refused = assertThrows(UpgradeRejectedException.class,
                () -> WidgetSocket.connect(vertx, port, "/ws/widget", "https://evil.example", null));
        assertEquals(403, refused.getStatus());
        HttpResponse<Buffer> preflight = send(client.request(HttpMethod.OPTIONS, "/api/v1/conversations")
                .putHeader("Origin", "https://evil.example").putHeader("Access-Control-Request-Method", "POST"), null);
        assertEquals(403, preflight.statusCode());
        HttpResponse<Buffer> allowed = send(client.request(HttpMethod.OPTIONS, "/api/v1/conversations")
                .putHeader("Origin", SITE).putHeader("Access-Control-Request-Method", "POST")
                .putHeader("Access-Control-Request-Headers", "content-type,x-guichet-secret"), null);
        assertEquals(SITE, allowed.getHeader("Access-Control-Allow-Origin"));
    }

    @Test
    @Order(3)
    void overHttpAWidgetConversationIsReadAndWrittenOnlyWithItsSecret() {
        JsonObject opened = send(client.post("/api/v1/conversations"), new JsonObject().put("channel", "widget"))
                .bodyAsJsonObject();
        String id = opened.getString("id");
        String secret = opened.getString("secret");
        assertNotNull(secret);
        assertEquals(404, send(client.get("/api/v1/conversations/" + id), null).statusCode());
        assertEquals(404, send(client.get("/api/v1/conversations/" + id).putHeader("X-Guichet-Secret", "guess"), null)
                .statusCode());
        assertEquals(404, send(client.post("/api/v1/conversations/" + id + "/messages"),
                new JsonObject().put("text", "bonjour")).statusCode());
        assertEquals(200, send(client.post("/api/v1/conversations/" + id + "/messages")
                .putHeader("X-Guichet-Secret", secret), new JsonObject().put("text", "bonjour")).statusCode());
        assertEquals(200, send(client.get("/api/v1/conversations/" + id).putHeader("X-Guichet-Secret", secret), null)
                .statusCode());
    }

    @Test
    @Order(4)
    void theConsoleNeedsASessionAndRefusesForgedCalls() {
        assertEquals(401, send(client.post("/agent/login"), new JsonObject().put("id", "claire").put("password", "nope"))
                .statusCode());
        assertEquals(403, send(client.post("/agent/login").putHeader("Origin", "https://evil.example")
                .putHeader("Host", "localhost:" + port), new JsonObject().put("id", "claire").put("password", PASSWORD))
                .statusCode(), "a login posted from another site");
        assertTrue(send(client.get("/agent"), null).bodyAsString().contains("login-form"));
        assertEquals(401, send(client.get("/api/v1/agent/me"), null).statusCode());
        UpgradeRejectedException refused = assertThrows(UpgradeRejectedException.class,
                () -> WidgetSocket.connect(vertx, port, "/ws/agent", null, null));
        assertEquals(401, refused.getStatus());

        HttpResponse<Buffer> loggedIn = send(client.post("/agent/login"),
                new JsonObject().put("id", "claire").put("password", PASSWORD));
        String setCookie = loggedIn.getHeader("Set-Cookie");
        for (String attribute : List.of("httponly", "secure", "samesite=strict", "path=/")) {
            assertTrue(setCookie.toLowerCase(Locale.ROOT).contains(attribute), setCookie + " lacks " + attribute);
        }
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertTrue(send(client.get("/agent").putHeader("Cookie", cookie), null).bodyAsString().contains("id=\"queue\""));
        assertEquals("Claire", send(client.get("/api/v1/agent/me").putHeader("Cookie", cookie), null)
                .bodyAsJsonObject().getString("name"));
        assertEquals(403, send(client.post("/api/v1/agent/conversations/any/claim").putHeader("Cookie", cookie), null)
                .statusCode(), "a cookie alone, as a forged cross-site form would send it");
        assertEquals(404, console(cookie, HttpMethod.POST, "/api/v1/agent/conversations/any/claim", null).statusCode());
        UpgradeRejectedException foreign = assertThrows(UpgradeRejectedException.class,
                () -> WidgetSocket.connect(vertx, port, "/ws/agent", "https://evil.example", cookie));
        assertEquals(403, foreign.getStatus());
        assertEquals(204, console(cookie, HttpMethod.POST, "/agent/logout", null).statusCode());
        assertEquals(401, send(client.get("/api/v1/agent/me").putHeader("Cookie", cookie), null).statusCode());
    }

    @Test
    @Order(5)
    void anAgentTakesOverLiveAndNotesNeverReachTheUser() {
        String cookie = login();
        try (WidgetSocket console = WidgetSocket.connect(vertx, port, "/ws/agent", null, cookie);
             WidgetSocket widget = widget()) {
            console.next("ready");
            JsonObject welcome = widget.next("welcome");
            String id = welcome.getString("id");
            String handedOff = say(widget, "je voudrais parler à un conseiller");
            assertTrue(handedOff.contains("Temps d'attente estimé : environ 2 min"), handedOff);
            assertEquals("waiting_agent", widget.next("status").getString("status"));
            assertEquals(id, console.next("queue").getString("id"));

            console.send(new JsonObject().put("type", "watch").put("id", id));
            JsonObject claimed = console(cookie, HttpMethod.POST, "/api/v1/agent/conversations/" + id + "/claim", null)
                    .bodyAsJsonObject();
            assertEquals("agent", claimed.getString("status"));
            assertEquals("Claire, du bureau des congrès, a rejoint la conversation.",
                    widget.next("message").getJsonObject("message").getString("text"));
            assertEquals(200, console(cookie, HttpMethod.POST, "/api/v1/agent/conversations/" + id + "/notes",
                    new JsonObject().put("text", "SECRET-NOTE vu au salon")).statusCode());
            assertEquals("note", console.next(f -> "message".equals(f.getString("type"))
                    && f.getJsonObject("message").getString("text").contains("SECRET-NOTE"))
                    .getJsonObject("message").getString("from"));

            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                if (i % 10 == 5) {
                    // A collection on the way must not cost the widget its socket (see WidgetSocket).
                    System.gc();
                }
                String text = "Réponse " + i;
                long sent = System.nanoTime();
                HttpResponse<Buffer> posted = console(cookie, HttpMethod.POST,
                        "/api/v1/agent/conversations/" + id + "/messages", new JsonObject().put("text", text));
                assertEquals(200, posted.statusCode(), posted.bodyAsString());
                widget.next(f -> "message".equals(f.getString("type"))
                        && text.equals(f.getJsonObject("message").getString("text")));
                latencies.add((System.nanoTime() - sent) / 1000);
            }
            Collections.sort(latencies);
            System.out.printf("agent message -> widget frame, over 50 on loopback: median %.1f ms, max %.1f ms"
                    + " (the agent's HTTP call included)%n", latencies.get(25) / 1000.0, latencies.get(49) / 1000.0);

            widget.send(new JsonObject().put("type", "typing"));
            assertEquals("user", console.next("typing").getString("from"));
            widget.send(new JsonObject().put("type", "message").put("text", "merci, et pour le parking ?"));
            assertEquals("merci, et pour le parking ?", console.next("message").getJsonObject("message")
                    .getString("text"));
            assertTrue(widget.drain().stream().noneMatch(f -> f.encode().contains("SECRET-NOTE")),
                    "the note never went to the widget");
            JsonObject transcript = send(client.get("/api/v1/conversations/" + id)
                    .putHeader("X-Guichet-Secret", welcome.getString("secret")), null).bodyAsJsonObject();
            assertFalse(transcript.encode().contains("SECRET-NOTE"), "nor is it in the user's transcript");

            console(cookie, HttpMethod.POST, "/api/v1/agent/conversations/" + id + "/release", null);
            assertEquals("bot", widget.next("status").getString("status"));
        }
    }

    @Test
    @Order(6)
    void whenNoOneCanAnswerTheUserLeavesAMessage() {
        try (WidgetSocket widget = widget()) {
            widget.next("welcome");
            say(widget, "nous voulons nous installer à Valmoreau avec nos enfants");
            String offer = say(widget, "je voudrais parler à un conseiller");
            assertTrue(offer.contains("Personne du service Accueil Nouveaux Arrivants n'est disponible en ce moment"), offer);
            assertTrue(offer.contains("À quel nom"), offer);
            assertTrue(say(widget, "Marie Curie").contains("Marie Curie"));
            assertTrue(say(widget, "marie.curie@example.fr").contains("C'est transmis"));
        }
    }

    @Test
    @Order(7)
    void theBotHandsOverAfterFailingTwice() {
        try (WidgetSocket widget = widget()) {
            widget.next("welcome");
            say(widget, "blorf zimzam quux");
            say(widget, "wuggle frabnitz plonk");
            assertEquals("waiting_agent", widget.next("status").getString("status"));
        }
    }

    @Test
    @Order(8)
    void loginsAndNewConversationsAreRateLimited() {
        // The limits are fixed windows (10 logins, 20 new conversations a window) and a window may end during a
        // burst: twice the limit and one more fill one of the two windows whatever the clock, where 12 attempts
        // split 6 and 6 across a window's end failed once on CI.
        int refused = 0;
        for (int i = 0; i < 2 * 10 + 1; i++) {
            HttpResponse<Buffer> attempt = send(client.post("/agent/login"),
                    new JsonObject().put("id", "claire").put("password", "guess-" + i));
            if (attempt.statusCode() == 429) {
                refused++;
                assertNotNull(attempt.getHeader("Retry-After"));
            }
        }
        assertTrue(refused > 0, "a burst of login attempts gets 429");
        boolean limited = false;
        for (int i = 0; i < 2 * 20 + 1 && !limited; i++) {
            limited = send(client.post("/api/v1/conversations"), new JsonObject().put("channel", "widget"))
                    .statusCode() == 429;
        }
        assertTrue(limited, "a burst of new widget conversations from one address gets 429");
    }

    @Test
    @Order(9)
    void aMessageTooBigForTheServerClosesTheSocket() throws InterruptedException {
        // Past 256 KiB Vert.x dropped the message, and every frame left of it, without a word: the page waited forever.
        WidgetSocket socket = WidgetSocket.connect(vertx, port, "/ws/widget", SITE, null);
        try {
            socket.sendText("{\"type\":\"message\",\"text\":\"" + "a".repeat(300 * 1024) + "\"}");
        } catch (RuntimeException closedWhileSending) {
            // the server may hang up before the last frames are out
        }
        assertTrue(socket.awaitClosed(Duration.ofSeconds(10)), "the server closes the socket");
        assertEquals(Short.valueOf((short) 1009), socket.closeStatus(), "with 1009, message too big");
    }

    @Test
    @Order(0)
    void aMarketingAccountReadsTheFiguresAndTakesNoConversation() {
        String marion = login("marion");
        assertEquals(200, send(client.get("/api/v1/analytics/overview").putHeader("Cookie", marion), null).statusCode());
        assertTrue(send(client.get("/agent").putHeader("Cookie", marion), null).bodyAsString()
                .contains("/admin/dashboard.js"), "her page is the dashboard");
        assertEquals(List.of(), send(client.get("/api/v1/agent/queue").putHeader("Cookie", marion), null)
                .bodyAsJsonObject().getJsonArray("conversations").getList(), "no queue is hers");

        // No admin token is set here: without Marion's session, the figures are closed.
        assertEquals(403, send(client.get("/api/v1/analytics/overview").putHeader("Authorization", "Bearer " + LEA_TOKEN),
                null).statusCode(), "an agent's token does not open the figures");
        assertEquals(403, send(client.get("/api/v1/analytics/overview"), null).statusCode());
    }
}
