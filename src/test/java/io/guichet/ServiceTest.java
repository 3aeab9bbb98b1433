package io.guichet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.guichet.crm.Webhooks;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The service started for real on a free port, with the shipped intents plus a broken intents
 * file, and a small knowledge base of its own that holds a broken document too.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServiceTest {
    private static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    private static WebClient client;
    private static int port;
    private static Path folder;

    @BeforeAll
    static void start(Vertx vertx, VertxTestContext context) throws IOException {
        folder = Files.createTempDirectory("guichet-service-test");
        Path intents = Files.createDirectories(folder.resolve("intents"));
        try (Stream<Path> files = Files.list(TestFixtures.INTENTS)) {
            for (Path file : files.toList()) {
                Files.copy(file, intents.resolve(file.getFileName()));
            }
        }
        Files.writeString(intents.resolve("broken.yml"), "intent: greeting\nexamples: [unclosed\n");
        Files.writeString(intents.resolve("unknown.yml"), "intent: order_pizza\nexamples:\n  fr: [une pizza]\n");
        Config config = new Config(0, Path.of("src/test/resources/service-kb"), intents, folder.resolve("data"), ADMIN_TOKEN,
                Duration.ZERO, 30, null, null, null, List.of(), true, Config.DEFAULT_ANSWER_MAX_AGE_DAYS,
                Webhooks.NONE, null, null, null, null, null);
        Main.start(vertx, config).onComplete(context.succeeding(server -> {
            port = server.actualPort();
            client = WebClient.create(vertx, new WebClientOptions().setDefaultPort(port));
            context.completeNow();
        }));
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    private static JsonObject post(String path, JsonObject body, int expectedStatus) {
        return await(client.post(path).sendJsonObject(body), expectedStatus);
    }

    private static int status(Future<HttpResponse<Buffer>> request) {
        try {
            return request.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonObject await(Future<HttpResponse<Buffer>> request, int expectedStatus) {
        try {
            HttpResponse<Buffer> response = request.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(expectedStatus, response.statusCode(), response.bodyAsString());
            assertTrue(response.getHeader("content-type").startsWith("application/json"));
            return response.bodyAsJsonObject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void healthIsUpOnceLoadedAndBrokenFilesAreSkipped() {
        JsonObject health = await(client.get("/health").send(), 200);
        assertEquals("UP", health.getString("status"));
        assertEquals(9, health.getInteger("documents"), "the broken document is skipped, the others load");
    }

    @Test
    void parseGivesLanguageIntentRankingAndEntities() {
        JsonObject parse = post("/api/v1/parse",
                new JsonObject().put("text", "Bonjour, on organise un séminaire pour 40 personnes du 12 au 14 mars")
                        .put("now", "2026-11-21"), 200);
        assertEquals("fr", parse.getString("lang"));
        assertEquals("seminar_planning", parse.getJsonObject("intent").getString("name"));
        JsonArray ranking = parse.getJsonArray("ranking");
        assertEquals("seminar_planning", ranking.getJsonObject(0).getString("name"));
        assertTrue(ranking.size() >= 2);
        List<String> types = parse.getJsonArray("entities").stream().map(e -> ((JsonObject) e).getString("type"))
                .toList();
        assertTrue(types.contains("people_count") && types.contains("date"), types.toString());
        JsonObject people = parse.getJsonArray("entities").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("type").equals("people_count")).findFirst().orElseThrow();
        assertEquals(40, people.getInteger("value"));
        assertEquals("40 personnes", parse.getString("text").substring(people.getInteger("start"),
                people.getInteger("end")));
    }

    @Test
    void parseDetectsEnglishAndSendsOutOfScopeToNone() {
        JsonObject hello = post("/api/v1/parse", new JsonObject().put("text", "hello there"), 200);
        assertEquals("en", hello.getString("lang"));
        assertEquals("greeting", hello.getJsonObject("intent").getString("name"));
        JsonObject alarm = post("/api/v1/parse", new JsonObject().put("text", "mets un réveil à 7h demain"), 200);
        assertEquals("none", alarm.getJsonObject("intent").getString("name"));
    }

    @Test
    void searchReturnsScoredHitsBestFirst() {
        JsonObject result = post("/api/v1/search",
                new JsonObject().put("query", "navete aeroport prix du billet").put("k", 3), 200);
        JsonArray hits = result.getJsonArray("hits");
        assertFalse(hits.isEmpty());
        assertTrue(hits.size() <= 3);
        JsonObject best = hits.getJsonObject(0);
        assertEquals("navette-aeroport", best.getString("id"));
        assertEquals("https://www.valmoreau-tourisme.example/navette", best.getString("url"));
        assertTrue(best.getString("snippet").contains("8 €"), best.getString("snippet"));
        double previous = 1;
        for (Object hit : hits) {
            double score = ((JsonObject) hit).getDouble("score");
            assertTrue(score >= 0 && score <= previous, hits.encode());
            previous = score;
        }
    }

    @Test
    void searchCrossesLanguages() {
        JsonObject english = post("/api/v1/search",
                new JsonObject().put("query", "tourist office opening hours on sunday").put("lang", "en"), 200);
        assertEquals("office-de-tourisme", english.getJsonArray("hits").getJsonObject(0).getString("id"));
        JsonObject french = post("/api/v1/search",
                new JsonObject().put("query", "combien de places dans l'auditorium du centre de congrès").put("lang", "fr"),
                200);
        // In the first three: the French shuttle page, whose title says "centre-ville", now ranks first
        // on its words since the fusion weighs the lexical half by score (issue 13's note).
        assertTrue(french.getJsonArray("hits").stream().limit(3).map(h -> ((JsonObject) h).getString("id"))
                .anyMatch("meeting-venues"::equals), french.encode());
    }

    @Test
    void aConversationAnswersGreetsHandsOffAndKeepsItsTranscript() {
        JsonObject created = post("/api/v1/conversations", new JsonObject().put("channel", "web"), 201);
        String id = created.getString("id");
        assertTrue(id.length() >= 20, "ids are unguessable: " + id);
        String messages = "/api/v1/conversations/" + id + "/messages";

        JsonObject hello = post(messages, new JsonObject().put("text", "bonjour"), 200);
        assertEquals("greeting", hello.getJsonObject("intent").getString("name"));
        assertEquals("text", hello.getJsonArray("replies").getJsonObject(0).getString("type"));
        assertTrue(hello.getJsonArray("replies").stream()
                .anyMatch(r -> ((JsonObject) r).getString("type").equals("quick_replies")));
        assertEquals("bot", hello.getString("status"));

        JsonObject answer = post(messages,
                new JsonObject().put("text", "à quelle heure ouvre l'office de tourisme le dimanche ?"), 200);
        assertEquals("none", answer.getJsonObject("intent").getString("name"));
        assertFalse(answer.getBoolean("fallback"));
        assertEquals("office-de-tourisme", answer.getJsonArray("sources").getJsonObject(0).getString("id"));
        assertTrue(answer.encode().contains("10 h à 13 h"), answer.encode());

        JsonObject unknown = post(messages, new JsonObject().put("text", "quel est le score du match de rugby hier"), 200);
        assertTrue(unknown.getBoolean("fallback"), unknown.encode());
        assertTrue(unknown.getJsonArray("sources").isEmpty());

        JsonObject human = post(messages, new JsonObject().put("text", "je voudrais parler à un conseiller"), 200);
        assertEquals("human_handoff", human.getJsonObject("intent").getString("name"));
        assertEquals("waiting_agent", human.getString("status"));

        JsonObject conversation = await(client.get("/api/v1/conversations/" + id).send(), 200);
        assertEquals(id, conversation.getString("id"));
        assertEquals("web", conversation.getString("channel"));
        assertEquals("waiting_agent", conversation.getString("status"));
        assertTrue(conversation.containsKey("journey"));
        JsonArray transcript = conversation.getJsonArray("messages");
        assertEquals("user", transcript.getJsonObject(0).getString("from"));
        assertEquals("bonjour", transcript.getJsonObject(0).getString("text"));
        assertNotNull(transcript.getJsonObject(0).getString("at"));
        assertEquals(4, transcript.stream().filter(m -> ((JsonObject) m).getString("from").equals("user")).count());
    }

    @Test
    void aJourneyStartsWithWhatTheMessageSaysAndAsksTheRest() {
        String id = post("/api/v1/conversations", new JsonObject(), 201).getString("id");
        JsonObject turn = post("/api/v1/conversations/" + id + "/messages",
                new JsonObject().put("text", "nous organisons un séminaire pour 40 personnes les 12 et 13 mars")
                        .put("now", "2026-11-21"), 200);
        assertEquals("seminar_planning", turn.getJsonObject("intent").getString("name"));
        assertTrue(turn.getJsonArray("replies").stream().map(JsonObject.class::cast)
                .anyMatch(r -> r.getString("type").equals("text") && r.getString("text").contains("nuit")),
                "the next question is the nights, neither the people nor the dates: " + turn.encode());
        JsonObject journey = await(client.get("/api/v1/conversations/" + id).send(), 200).getJsonObject("journey");
        assertEquals("seminar_planning", journey.getString("name"));
        assertEquals(40, journey.getJsonObject("slots").getInteger("people_count"));
        assertEquals(new JsonObject().put("start", "2027-03-12").put("end", "2027-03-13"),
                journey.getJsonObject("slots").getJsonObject("date"));
        assertFalse(journey.getBoolean("complete"));
    }

    @Test
    void theFiguresNeedTheAdminTokenAndRefuseABadPeriod() {
        String id = post("/api/v1/conversations", new JsonObject(), 201).getString("id");
        post("/api/v1/conversations/" + id + "/messages", new JsonObject().put("text", "la déchetterie prend-elle l'amiante ?"),
                200);
        assertEquals("unauthorized", await(client.get("/api/v1/analytics/overview").send(), 401).getString("error"));
        String bearer = "Bearer " + ADMIN_TOKEN;
        JsonObject overview = await(client.get("/api/v1/analytics/overview").putHeader("Authorization", bearer).send(),
                200);
        assertTrue(overview.getLong("conversations") >= 1, overview.encode());
        JsonObject gaps = await(client.get("/api/v1/analytics/gaps").putHeader("Authorization", bearer).send(), 200);
        assertTrue(gaps.getJsonArray("gaps").encode().contains("amiante"), gaps.encode());
        for (String figure : List.of("funnels", "handoffs", "answers", "satisfaction")) {
            await(client.get("/api/v1/analytics/" + figure + "?lang=fr&channel=web").putHeader("Authorization", bearer)
                    .send(), 200);
        }
        for (String bad : List.of("from=2026-13-01", "from=2026-12-10&to=2026-12-01", "from=2020-01-01&to=2026-01-01",
                "lang=de", "limit=0")) {
            assertEquals("bad_request", await(client.get("/api/v1/analytics/gaps?" + bad)
                    .putHeader("Authorization", bearer).send(), 400).getString("error"), bad);
        }
    }

    @Test
    void anAnswerFromThePagesCanBeRatedAndABadRatingIsRefusedClearly() {
        String id = post("/api/v1/conversations", new JsonObject(), 201).getString("id");
        String messages = "/api/v1/conversations/" + id + "/messages";
        JsonObject answer = post(messages,
                new JsonObject().put("text", "à quelle heure ouvre l'office de tourisme le dimanche ?"), 200);
        long turn = answer.getLong("turn");
        assertTrue(answer.getJsonArray("replies").stream().noneMatch(r -> ((JsonObject) r).getString("type")
                .equals("rating")), "the contract's replies stay text, quick replies and cards");
        String feedback = "/api/v1/conversations/" + id + "/feedback";
        assertEquals(204, status(client.post(feedback).sendJsonObject(new JsonObject().put("turn", turn)
                .put("useful", true))));
        JsonObject greeting = post(messages, new JsonObject().put("text", "bonjour"), 200);
        assertFalse(greeting.containsKey("turn"), "a greeting is no answer to rate");
        for (JsonObject bad : List.of(new JsonObject().put("useful", true), new JsonObject().put("turn", turn),
                new JsonObject().put("turn", "x").put("useful", true), new JsonObject().put("turn", turn).put("useful", "yes"),
                new JsonObject().put("turn", turn + 1).put("useful", false))) {
            assertEquals("bad_request", post(feedback, bad, 400).getString("error"), bad.encode());
        }
        assertEquals("not_found", post("/api/v1/conversations/nope/feedback",
                new JsonObject().put("turn", turn).put("useful", true), 404).getString("error"));
    }

    @Test
    void aGapsStatusIsKeptAndItsAnswerReadAgain() {
        String id = post("/api/v1/conversations", new JsonObject(), 201).getString("id");
        String messages = "/api/v1/conversations/" + id + "/messages";
        post(messages, new JsonObject().put("text", "la déchetterie prend-elle l'amiante ?"), 200);
        long turn = post(messages, new JsonObject().put("text", "où est l'office de tourisme ?"), 200).getLong("turn");
        assertEquals(204, status(client.post("/api/v1/conversations/" + id + "/feedback")
                .sendJsonObject(new JsonObject().put("turn", turn).put("useful", false))));
        String bearer = "Bearer " + ADMIN_TOKEN;
        JsonObject market = gap(bearer, "amiante");
        assertEquals("OPEN", market.getString("status"));
        assertFalse(market.getBoolean("answeredNow"), "no page answers it");
        assertTrue(gap(bearer, "office de tourisme").getBoolean("answeredNow"),
                "rated not useful, yet the pages give an answer: the team reads which");

        JsonObject written = new JsonObject().put("questions", new JsonArray().add(market.getString("representative")))
                .put("status", "written");
        assertEquals(401, status(client.post("/api/v1/analytics/gaps/status").sendJsonObject(written)));
        assertEquals(204, status(client.post("/api/v1/analytics/gaps/status").putHeader("Authorization", bearer)
                .sendJsonObject(written)));
        JsonObject marked = gap(bearer, "amiante");
        assertEquals("WRITTEN", marked.getString("status"));
        assertFalse(marked.getBoolean("askedSince"));
        post(messages, new JsonObject().put("text", "La déchetterie prend-elle l'amiante ?"), 200);
        assertTrue(gap(bearer, "amiante").getBoolean("askedSince"), "asked again after the page was said written");

        for (JsonObject bad : List.of(new JsonObject().put("status", "written"), written.copy().put("status", "done"),
                written.copy().put("questions", new JsonArray()), written.copy().put("questions", new JsonArray().add(3)))) {
            assertEquals("bad_request", await(client.post("/api/v1/analytics/gaps/status").putHeader("Authorization", bearer)
                    .sendJsonObject(bad), 400).getString("error"), bad.encode());
        }
    }

    /** The content gap whose typical wording holds {@code words}. */
    private static JsonObject gap(String bearer, String words) {
        JsonArray gaps = await(client.get("/api/v1/analytics/gaps").putHeader("Authorization", bearer).send(), 200)
                .getJsonArray("gaps");
        return gaps.stream().map(JsonObject.class::cast)
                .filter(gap -> gap.getString("representative").toLowerCase().contains(words)).findFirst()
                .orElseThrow(() -> new AssertionError("no gap on '" + words + "' in " + gaps.encode()));
    }

    @Test
    void leadsNeedTheAdminTokenAndExportAsCsv() {
        assertEquals("unauthorized", await(client.get("/api/v1/leads").send(), 401).getString("error"));
        await(client.get("/api/v1/leads").putHeader("Authorization", "Bearer wrong-token-0000000000").send(), 401);
        String id = post("/api/v1/conversations", new JsonObject(), 201).getString("id");
        String messages = "/api/v1/conversations/" + id + "/messages";
        for (String text : List.of("séminaire pour 30 personnes le 4 février, en théâtre", "1 nuit", "oui", "passer",
                "oui", "=Paul Durand", "paul.durand@example.org")) {
            post(messages, new JsonObject().put("text", text).put("now", "2026-11-21"), 200);
        }
        JsonObject leads = await(client.get("/api/v1/leads").putHeader("Authorization", "Bearer " + ADMIN_TOKEN).send(),
                200);
        JsonObject lead = leads.getJsonArray("leads").stream().map(JsonObject.class::cast)
                .filter(l -> id.equals(l.getString("conversationId"))).findFirst().orElseThrow();
        assertEquals("paul.durand@example.org", lead.getString("email"));
        assertEquals(30, lead.getJsonObject("request").getInteger("people_count"));
        try {
            HttpResponse<Buffer> csv = client.get("/api/v1/leads?format=csv")
                    .putHeader("Authorization", "Bearer " + ADMIN_TOKEN).send()
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(200, csv.statusCode());
            assertTrue(csv.getHeader("content-type").startsWith("text/csv"));
            String body = csv.bodyAsString();
            assertTrue(body.startsWith("id,created_at,journey,team"), body);
            assertTrue(body.contains("\"'=Paul Durand\""), "a formula typed by a user stays text: " + body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void oddMessagesGetClearAnswers() {
        String id = post("/api/v1/conversations", new JsonObject(), 201).getString("id");
        String messages = "/api/v1/conversations/" + id + "/messages";
        for (String text : List.of("🙂🙂🙂", "Ich möchte bitte ein Zimmer reservieren", "a".repeat(2000),
                "\u202Eمرحبا", "e\u0301\u0301\u0301")) {
            JsonObject turn = post(messages, new JsonObject().put("text", text), 200);
            assertFalse(turn.getJsonArray("replies").isEmpty(), text);
        }
        // The limit of every way into a conversation, the widget's included.
        JsonObject tooLong = post(messages, new JsonObject().put("text", "a".repeat(2001)), 400);
        assertTrue(tooLong.getString("message").contains("2000"), tooLong.encode());
        JsonArray transcript = await(client.get("/api/v1/conversations/" + id).send(), 200).getJsonArray("messages");
        assertEquals(5, transcript.stream().filter(m -> ((JsonObject) m).getString("from").equals("user")).count());
        assertTrue(transcript.size() >= 10, "each message and its answer are recorded");
    }

    @Test
    void aFloodedConversationKeepsAConsistentTranscript() throws Exception {
        String id = post("/api/v1/conversations", new JsonObject(), 201).getString("id");
        String messages = "/api/v1/conversations/" + id + "/messages";
        List<Future<HttpResponse<Buffer>>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            sent.add(client.post(messages).sendJsonObject(new JsonObject().put("text", "message " + i)));
        }
        for (Future<HttpResponse<Buffer>> response : sent) {
            assertEquals(200, response.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS).statusCode());
        }
        JsonArray transcript = await(client.get("/api/v1/conversations/" + id).send(), 200).getJsonArray("messages");
        long users = transcript.stream().filter(m -> ((JsonObject) m).getString("from").equals("user")).count();
        assertEquals(60, users);
        for (int i = 0; i + 1 < transcript.size(); i++) {
            if (transcript.getJsonObject(i).getString("from").equals("user")) {
                assertEquals("bot", transcript.getJsonObject(i + 1).getString("from"),
                        "each message is followed by its own answer, never interleaved");
            }
        }
    }

    private static JsonArray rasa(String sender, String message) {
        try {
            HttpResponse<Buffer> response = client.post("/webhooks/rest/webhook")
                    .sendJsonObject(new JsonObject().put("sender", sender).put("message", message))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response.bodyAsString());
            return response.bodyAsJsonArray();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theRasaRestChannelSpeaksRasasShapesAndKeepsOneConversationPerSender() {
        JsonArray hello = rasa("rasa-user-1", "bonjour");
        assertFalse(hello.isEmpty());
        for (Object item : hello) {
            JsonObject message = (JsonObject) item;
            assertEquals("rasa-user-1", message.getString("recipient_id"));
            assertNotNull(message.getString("text"));
        }
        JsonArray buttons = hello.getJsonObject(hello.size() - 1).getJsonArray("buttons");
        assertEquals(4, buttons.size(), "the journeys menu as buttons: " + hello.encode());
        assertEquals(buttons.getJsonObject(0).getString("title"), buttons.getJsonObject(0).getString("payload"));

        rasa("rasa-user-2", "séminaire pour 40 personnes les 12 et 13 mars");
        JsonArray next = rasa("rasa-user-2", "2 nuits");
        List<String> titles = next.stream().map(JsonObject.class::cast).filter(m -> m.containsKey("buttons"))
                .flatMap(m -> m.getJsonArray("buttons").stream()).map(b -> ((JsonObject) b).getString("title")).toList();
        assertTrue(titles.stream().anyMatch(t -> t.toLowerCase().contains("théâtre")),
                "the same sender's journey goes on to the room layout: " + next.encode());
        JsonArray other = rasa("rasa-user-3", "2 nuits");
        assertFalse(other.encode().contains("héâtre"), "another sender has a conversation of its own");
    }

    @Test
    void aMessageSentAgainUnderItsIdGetsItsFirstAnswerAndIsStoredOnce() {
        String id = post("/api/v1/conversations", new JsonObject(), 201).getString("id");
        String messages = "/api/v1/conversations/" + id + "/messages";
        JsonObject question = new JsonObject().put("text", "à quelle heure ouvre l'office de tourisme le dimanche ?")
                .put("messageId", "client-7f3a");
        JsonObject first = post(messages, question, 200);
        assertTrue(first.containsKey("turn") && !first.getJsonArray("sources").isEmpty(), first.encode());
        assertEquals(first, post(messages, question, 200), "the same answer, its rating's turn included");
        assertEquals("conflict", post(messages, question.copy().put("text", "et le lundi ?"), 409).getString("error"),
                "another message under a taken id is refused");
        post(messages, new JsonObject().put("text", "et le lundi ?").put("messageId", "client-7f3b"), 200);
        List<String> said = await(client.get("/api/v1/conversations/" + id).send(), 200).getJsonArray("messages")
                .stream().map(JsonObject.class::cast).filter(m -> m.getString("from").equals("user"))
                .map(m -> m.getString("text")).toList();
        assertEquals(List.of(question.getString("text"), "et le lundi ?"), said);
        for (Object bad : List.of(42, "", " ", "x".repeat(201))) {
            post(messages, new JsonObject().put("text", "bonjour").put("messageId", bad), 400);
        }
    }

    @Test
    void aRasaMessageSentAgainUnderItsIdIsAnsweredOnce() {
        JsonObject body = new JsonObject().put("sender", "rasa-retry").put("message", "séminaire pour 40 personnes")
                .put("message_id", "m-1");
        JsonArray first = rasaBody(body, 200);
        assertEquals(first, rasaBody(body, 200));
        JsonArray next = rasaBody(body.copy().put("message", "les 12 et 13 mars").put("message_id", "m-2"), 200);
        assertNotEquals(first, next, "another id, another turn");
        rasaBody(body.copy().put("message", "autre chose"), 409);
        for (Object bad : List.of(7, "", "x".repeat(201))) {
            rasaBody(body.copy().put("message_id", bad), 400);
        }
        assertEquals(List.of("séminaire pour 40 personnes", "les 12 et 13 mars"), userLinesOf("rasa-retry"));
    }

    /** What a Rasa sender said, as the store holds it, read beside the running service. */
    private static List<String> userLinesOf(String sender) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:"
                + folder.resolve("data/guichet.db"));
             java.sql.PreparedStatement select = connection.prepareStatement("SELECT m.text FROM messages m"
                     + " JOIN conversations c ON c.id = m.conversation_id WHERE c.channel = 'rest'"
                     + " AND c.channel_user = ? AND m.sender = 'user' ORDER BY m.seq")) {
            select.setString(1, sender);
            List<String> lines = new java.util.ArrayList<>();
            try (java.sql.ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
            return lines;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonArray rasaBody(JsonObject body, int expectedStatus) {
        try {
            HttpResponse<Buffer> response = client.post("/webhooks/rest/webhook").sendJsonObject(body)
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(expectedStatus, response.statusCode(), response.bodyAsString());
            return expectedStatus == 200 ? response.bodyAsJsonArray() : new JsonArray();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theRasaRestChannelRefusesBadBodies() {
        for (String body : List.of("not json", "{}", "{\"sender\": 42, \"message\": \"hi\"}",
                "{\"sender\": \"u\", \"message\": \"\"}", "[\"a\"]")) {
            JsonObject error = await(client.post("/webhooks/rest/webhook").putHeader("content-type", "application/json")
                    .sendBuffer(Buffer.buffer(body)), 400);
            assertEquals("bad_request", error.getString("error"), body);
        }
    }

    static Stream<Arguments> badRequests() {
        String big = "{\"text\": \"" + "a".repeat(70 * 1024) + "\"}";
        return Stream.of(
                Arguments.of("/api/v1/parse", "not json", 400),
                Arguments.of("/api/v1/parse", "[1, 2]", 400),
                Arguments.of("/api/v1/parse", "", 400),
                Arguments.of("/api/v1/parse", "{}", 400),
                Arguments.of("/api/v1/parse", "{\"text\": 42}", 400),
                Arguments.of("/api/v1/parse", "{\"text\": \"   \"}", 400),
                Arguments.of("/api/v1/parse", "{\"text\": \"salut\", \"lang\": \"de\"}", 400),
                Arguments.of("/api/v1/parse", "{\"text\": \"salut\", \"now\": \"demain\"}", 400),
                Arguments.of("/api/v1/parse", big, 413),
                Arguments.of("/api/v1/search", "{\"query\": \"hotel\", \"k\": \"5\"}", 400),
                Arguments.of("/api/v1/search", "{\"query\": \"hotel\", \"k\": 0}", 400),
                Arguments.of("/api/v1/search", "{\"query\": \"hotel\", \"k\": 2.5}", 400),
                Arguments.of("/api/v1/search", "{\"query\": null}", 400),
                Arguments.of("/api/v1/search", "{\"text\": \"hotel\"}", 400),
                Arguments.of("/api/v1/conversations", "{\"lang\": 3}", 400),
                Arguments.of("/api/v1/conversations", "{oops", 400),
                Arguments.of("/api/v1/conversations/does-not-exist/messages", "{\"text\": \"salut\"}", 404),
                // An address or a query that cannot be decoded: the API's JSON 400, not Vert.x's plain text or a 500.
                Arguments.of("/api/v1/conversations/%zz/messages", "{\"text\": \"salut\"}", 400),
                Arguments.of("/api/v1/parse?lang=%zz", "{\"text\": \"salut\"}", 400),
                Arguments.of("/api/v1/nothing-here", "{}", 404));
    }

    @ParameterizedTest
    @MethodSource
    void badRequests(String path, String body, int status) {
        JsonObject error = await(client.post(path).putHeader("content-type", "application/json")
                .sendBuffer(Buffer.buffer(body)), status);
        assertNotNull(error.getString("error"));
        assertFalse(error.getString("message").isBlank());
        assertFalse(error.encode().contains("Exception"), error.encode());
    }

    @Test
    void aQueryStringThatCannotBeDecodedIsABadRequest() {
        // The leads handler read ?format=, Vert.x decoded the query only then, and threw: a 500.
        JsonObject error = await(client.get("/api/v1/leads?format=%zz")
                .putHeader("Authorization", "Bearer " + ADMIN_TOKEN).send(), 400);
        assertEquals("bad_request", error.getString("error"));
    }

    @Test
    void aMalformedUpgradeToCleartextHttp2IsAnsweredInFull() throws IOException {
        // Vert.x's h2c upgrade answered this one with a 400 of no length that never ended: the client waited forever.
        // No HTTP client sends it (its Connection header lacks HTTP2-Settings), hence the socket.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            String upgrade = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n"
                    + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n";
            socket.getOutputStream().write(upgrade.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            int b;
            while (head.indexOf("\r\n\r\n") < 0 && (b = in.read()) >= 0) {
                head.append((char) b);
            }
            String answer = head.toString().toLowerCase();
            assertTrue(answer.startsWith("http/1.1 200") && answer.contains("content-length:"),
                    "the health check, with a length that says where it ends: " + answer);
        }
    }

    @Test
    void badMessageBodiesOnAnExistingConversation() {
        String id = post("/api/v1/conversations", new JsonObject(), 201).getString("id");
        String messages = "/api/v1/conversations/" + id + "/messages";
        post(messages, new JsonObject().put("text", ""), 400);
        post(messages, new JsonObject().put("text", "salut").put("now", "2026-13-45"), 400);
        await(client.request(HttpMethod.GET, "/api/v1/conversations/unknown-id").send(), 404);
        await(client.request(HttpMethod.DELETE, "/api/v1/parse").send(), 405);
        assertEquals(0, await(client.get("/api/v1/conversations/" + id).send(), 200).getJsonArray("messages").size(),
                "refused messages are not recorded");
    }
}
