package io.guichet.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.TestService;
import io.guichet.handoff.AgentDirectory;
import io.vertx.core.Future;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The person's conversations for agents, and their export and erasure for the admin, over HTTP. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PeopleApiTest {
    private static final String ADMIN = "people-admin-token-0123456789";
    private static final String AGENT = "lea-token-0123456789";
    private static final String PEOPLE = "/api/v1/admin/people";
    private static WebClient client;

    @BeforeAll
    static void start(Vertx vertx, VertxTestContext context) throws Exception {
        Path folder = Files.createTempDirectory("guichet-people");
        // An agent of one team: a person's history is visible to every team.
        Path agents = Files.writeString(folder.resolve("agents.yml"), "agents:\n  - id: lea\n    name: Léa\n"
                + "    team: tourist_office\n    token_sha256: " + AgentDirectory.sha256(AGENT) + "\n");
        TestService.start(vertx, folder.resolve("data"), null, null, agents, ADMIN, true)
                .onComplete(context.succeeding(port -> {
                    client = WebClient.create(vertx, new WebClientOptions().setDefaultPort(port));
                    context.completeNow();
                }));
    }

    @Test
    void anAgentSeesThePersonsOtherConversations() {
        String first = conversation("bonjour, je suis Marc : marc.petit@example.org");
        String second = conversation("c'est encore Marc (MARC.PETIT@example.org), une autre question");
        String someoneElse = conversation("je suis Anne, anne@example.org");

        assertEquals(401, send(HttpMethod.GET, "/api/v1/agent/conversations/" + first + "/contact", null)
                .statusCode());
        HttpResponse<Buffer> view = send(HttpMethod.GET, "/api/v1/agent/conversations/" + first + "/contact", AGENT);
        assertEquals(200, view.statusCode(), view.bodyAsString());
        JsonObject person = view.bodyAsJsonObject();
        assertEquals(new JsonArray().add(new JsonObject().put("type", "email").put("value", "marc.petit@example.org")),
                person.getJsonArray("contacts"));
        JsonArray others = person.getJsonArray("conversations");
        assertEquals(List.of(second), others.stream().map(JsonObject.class::cast).map(c -> c.getString("id")).toList(),
                "the other conversation, not this one, not Anne's " + someoneElse);
        JsonObject other = others.getJsonObject(0);
        assertEquals("web", other.getString("channel"));
        assertEquals("bot", other.getString("status"));
        assertTrue(other.containsKey("createdAt") && other.containsKey("journey") && other.containsKey("leads"));
        assertEquals(404, send(HttpMethod.GET, "/api/v1/agent/conversations/no-such-id/contact", AGENT).statusCode());
    }

    @Test
    void theAdminExportsThenErasesAPerson() {
        String first = conversation("mon numéro : 06 11 22 33 44");
        String second = conversation("rappelez-moi au +33 6 11 22 33 44 svp");
        String someoneElse = conversation("moi c'est le 07 55 66 77 88");

        JsonObject export = ok(send(HttpMethod.GET, PEOPLE + "?phone=0611223344", ADMIN));
        assertEquals("+33611223344", export.getJsonObject("person").getString("phone"));
        JsonObject records = export.getJsonObject("records");
        assertEquals(Set.of(first, second), ids(records.getJsonArray("conversations"), "id"));
        assertEquals(Set.of(first, second), ids(records.getJsonArray("messages"), "conversation_id"));
        assertEquals(Set.of(first, second), ids(records.getJsonArray("turns"), "conversation_id"));

        assertEquals(Set.of(first, second), ids(ok(send(HttpMethod.GET, PEOPLE + "?phone=+33611223344", ADMIN))
                .getJsonObject("records").getJsonArray("conversations"), "id"), "a + left as it is in the address");

        JsonObject erased = ok(send(HttpMethod.DELETE, PEOPLE + "?phone=%2B33611223344", ADMIN));
        assertEquals(2, erased.getJsonObject("erased").getInteger("conversations"));
        assertEquals(2, erased.getJsonObject("erased").getInteger("turns"));
        assertTrue(erased.getJsonObject("erased").getInteger("messages") >= 4, erased.encode());
        assertEquals(404, send(HttpMethod.GET, "/api/v1/conversations/" + first, null).statusCode());
        assertEquals(200, send(HttpMethod.GET, "/api/v1/conversations/" + someoneElse, null).statusCode());
        JsonObject after = ok(send(HttpMethod.GET, PEOPLE + "?phone=0611223344", ADMIN)).getJsonObject("records");
        assertTrue(after.fieldNames().stream().allMatch(table -> after.getJsonArray(table).isEmpty()), after.encode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?email=", "?email=a@example.org&phone=0611223344", "?email=not-an-address",
        "?phone=12", "?phone=06%2011%2022%2033%2044%20et%20plus", "?email=a@example.org&email=b@example.org",
        "?name=Marc"})
    void aPersonNamedBadlyIsABadRequest(String query) {
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.DELETE)) {
            HttpResponse<Buffer> refused = send(method, PEOPLE + query, ADMIN);
            assertEquals(400, refused.statusCode(), query + ": " + refused.bodyAsString());
            assertEquals("bad_request", refused.bodyAsJsonObject().getString("error"));
            assertFalse(refused.bodyAsJsonObject().getString("message").isBlank());
        }
    }

    @Test
    void withoutTheAdminTokenNothingIsReadOrErased() {
        String id = conversation("joignable au 06 99 88 77 66");
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.DELETE)) {
            assertEquals(401, send(method, PEOPLE + "?phone=0699887766", null).statusCode());
            assertEquals(401, send(method, PEOPLE + "?phone=0699887766", AGENT).statusCode(),
                    "an agent's token is not the admin's");
            assertEquals(401, send(method, PEOPLE, null).statusCode(), "the token is checked before the query");
        }
        assertEquals(200, send(HttpMethod.GET, "/api/v1/conversations/" + id, null).statusCode());
    }

    private static String conversation(String text) {
        String id = ok(send(HttpMethod.POST, "/api/v1/conversations", null, new JsonObject())).getString("id");
        ok(send(HttpMethod.POST, "/api/v1/conversations/" + id + "/messages", null,
                new JsonObject().put("text", text)));
        return id;
    }

    private static Set<String> ids(JsonArray rows, String column) {
        return rows.stream().map(JsonObject.class::cast).map(row -> row.getString(column)).collect(Collectors.toSet());
    }

    private static JsonObject ok(HttpResponse<Buffer> response) {
        assertTrue(response.statusCode() / 100 == 2, response.statusCode() + " " + response.bodyAsString());
        return response.bodyAsJsonObject();
    }

    private static HttpResponse<Buffer> send(HttpMethod method, String path, String bearer) {
        return send(method, path, bearer, null);
    }

    private static HttpResponse<Buffer> send(HttpMethod method, String path, String bearer, JsonObject body) {
        var request = client.request(method, path);
        if (bearer != null) {
            request.putHeader("Authorization", "Bearer " + bearer);
        }
        Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJsonObject(body);
        try {
            return sent.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
