package io.guichet.http;

import io.guichet.edge.SharedRateLimit;
import io.guichet.edge.Origins;
import io.guichet.edge.RawBody;
import io.guichet.conversation.Conversation;
import io.guichet.dialogue.ConversationService;
import io.guichet.handoff.Agent;
import io.guichet.handoff.AgentDirectory;
import io.guichet.handoff.Handoff;
import io.guichet.people.People;
import io.guichet.realtime.LiveFanOut;
import io.guichet.turn.TurnGateway;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * What agents use: the agent API ({@code /api/v1/agent/*}, with an API token or the console's
 * session), the console's pages at {@code /agent}, its login, and its real-time socket. A
 * console session lives in an HttpOnly, Secure, SameSite=Strict cookie; a state-changing call
 * made with it must also carry {@code X-Guichet-Console: 1}, a header no other site's page can
 * send here, so a forged cross-site request is refused.
 */
public final class AgentApi {
    static final String COOKIE = "guichet_agent";
    static final String CONSOLE_HEADER = "X-Guichet-Console";
    /** Where {@link #findSession} leaves the session's agent in the request's context. */
    private static final String SESSION_AGENT = "guichet.sessionAgent";

    private final Vertx vertx;
    private final LiveFanOut live;
    private final Handoff handoff;
    private final AgentDirectory directory;
    private final ConversationService conversations;
    private final TurnGateway gateway;
    private final People people;
    private final SharedRateLimit logins;
    private final AgentSessions sessions;
    private final Clock clock;

    /** @param logins login attempts a client address may make */
    public AgentApi(Vertx vertx, LiveFanOut live, Handoff handoff, AgentDirectory directory, ConversationService conversations,
                    TurnGateway gateway, People people, SharedRateLimit logins, Clock clock) {
        this.vertx = vertx;
        this.live = live;
        this.handoff = handoff;
        this.directory = directory;
        this.conversations = conversations;
        this.gateway = gateway;
        this.people = people;
        this.logins = logins;
        this.sessions = new AgentSessions(vertx);
        this.clock = clock;
    }

    public void mount(Router router) {
        router.route("/agent/login").handler(RawBody.limitedTo(HttpApi.BODY_LIMIT));
        // After every body reader (the API's came first), as it waits on the shared map; on the paths a session
        // opens only, the analytics API's included (mounted after this), and before their routes, so that a
        // wrong method on any other path is still answered 405.
        for (String path : List.of("/agent", "/ws/agent", "/api/v1/agent/*", "/api/v1/analytics/*")) {
            router.route(path).handler(this::findSession);
        }
        router.post("/agent/login").handler(this::login);
        router.post("/agent/logout").handler(this::logout);
        router.get("/agent").handler(ctx -> {
            Optional<Agent> agent = sessionAgent(ctx);
            if (agent.filter(Agent::marketing).isPresent()) {
                // A marketing account has no queue: its page is the dashboard.
                ctx.redirect("/admin");
                return;
            }
            ctx.response().putHeader("Cache-Control", "no-store")
                    .putHeader("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'")
                    .sendFile("webroot/agent/" + (agent.isPresent() ? "console.html" : "login.html"))
                    .onFailure(ctx::fail);
        });
        router.get("/agent/static/*").handler(StaticHandler.create("webroot/agent/static"));
        router.get("/ws/agent").handler(ctx -> new ConsoleSocket(vertx, live, handoff, conversations)
                .accept(ctx, authenticate(ctx)));

        router.get("/api/v1/agent/me").handler(ctx -> {
            Agent agent = authenticate(ctx);
            String lang = Optional.ofNullable(ctx.request().getParam("lang")).filter("en"::equals).orElse("fr");
            ctx.json(new JsonObject().put("id", agent.id()).put("name", agent.name()).put("team", agent.team())
                    .put("teams", new JsonObject(new LinkedHashMap<>(conversations.teams(lang))))
                    .put("labels", new JsonObject(new LinkedHashMap<>(conversations.labels(lang)))));
        });
        router.get("/api/v1/agent/queue").handler(ctx -> {
            Agent agent = authenticate(ctx);
            blocking(ctx, () -> new JsonObject().put("conversations", new JsonArray(handoff.queue(agent).stream()
                    .map(c -> JsonViews.forAgents(c, clock.instant())).toList())));
        });
        router.get("/api/v1/agent/conversations/:id").handler(ctx -> {
            Agent agent = authenticate(ctx);
            blocking(ctx, () -> JsonViews.forAgents(handoff.open(ctx.pathParam("id"), agent), clock.instant()));
        });
        router.get("/api/v1/agent/conversations/:id/contact").handler(ctx -> {
            authenticate(ctx);
            String id = ctx.pathParam("id");
            // Any agent, of any team: a person's history is the teams' to share.
            blocking(ctx, () -> {
                conversations.find(id).orElseThrow(() -> ApiError.notFound("no conversation " + id));
                return JsonViews.samePerson(people.samePersonAs(id));
            });
        });
        router.post("/api/v1/agent/conversations/:id/claim").handler(ctx -> {
            Agent agent = authenticate(ctx);
            act(ctx, () -> handoff.claim(ctx.pathParam("id"), agent));
        });
        router.post("/api/v1/agent/conversations/:id/messages").handler(ctx -> {
            Agent agent = authenticate(ctx);
            String text = TurnGateway.text(RequestBody.of(ctx, false).text("text"));
            act(ctx, () -> handoff.message(ctx.pathParam("id"), agent, text));
        });
        router.post("/api/v1/agent/conversations/:id/notes").handler(ctx -> {
            Agent agent = authenticate(ctx);
            String text = TurnGateway.text(RequestBody.of(ctx, false).text("text"));
            act(ctx, () -> handoff.note(ctx.pathParam("id"), agent, text));
        });
        router.post("/api/v1/agent/conversations/:id/transfer").handler(ctx -> {
            Agent agent = authenticate(ctx);
            String team = RequestBody.of(ctx, false).text("team");
            if (!conversations.teams("fr").containsKey(team)) {
                throw ApiError.badRequest("no team '" + team + "'; teams: " + conversations.teams("fr").keySet());
            }
            act(ctx, () -> handoff.transfer(ctx.pathParam("id"), agent, team));
        });
        router.post("/api/v1/agent/conversations/:id/release").handler(ctx -> {
            Agent agent = authenticate(ctx);
            act(ctx, () -> handoff.release(ctx.pathParam("id"), agent));
        });
        router.post("/api/v1/agent/conversations/:id/close").handler(ctx -> {
            Agent agent = authenticate(ctx);
            act(ctx, () -> handoff.close(ctx.pathParam("id"), agent));
        });
    }

    private void login(RoutingContext ctx) {
        String client = HttpApi.clientAddress(ctx);
        if (!Origins.sameOrigin(ctx.request())) {
            throw new ApiError(403, "forbidden", "log in from the console's own page");
        }
        RequestBody body = RequestBody.of(ctx, false);
        String id = body.text("id");
        String password = body.text("password");
        logins.tryAcquire(client).compose(allowed -> {
            if (!allowed) {
                ctx.response().putHeader("Retry-After", Long.toString(logins.retryAfterSeconds()));
                throw new ApiError(429, "too_many_requests", "too many login attempts; wait a minute");
            }
            return vertx.executeBlocking(() -> directory.login(id.strip(), password), false);
        }).compose(agent -> {
            if (agent.isEmpty()) {
                throw new ApiError(401, "unauthorized", "unknown agent or wrong password");
            }
            return sessions.open(agent.get()).onSuccess(token -> {
                ctx.response().addCookie(sessionCookie(token));
                ctx.json(new JsonObject().put("id", agent.get().id()).put("name", agent.get().name()));
            });
        }).onFailure(ctx::fail);
    }

    private void logout(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        Future<Void> closed = cookie != null && Origins.sameOrigin(ctx.request()) ? sessions.close(cookie.getValue())
                : Future.succeededFuture();
        closed.onSuccess(done -> {
            ctx.response().addCookie(sessionCookie("").setMaxAge(0));
            ctx.response().setStatusCode(204).end();
        }).onFailure(ctx::fail);
    }

    /**
     * Looks the request's console session up in the shared map, once, for {@link #sessionAgent} to
     * answer without waiting; a request without the cookie goes on at once.
     */
    private void findSession(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            ctx.next();
            return;
        }
        // Paused while the map answers, so that the request is not over before its handler runs: the console's
        // socket is upgraded from a request not yet read to its end.
        HttpServerRequest request = ctx.request();
        boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
        request.pause();
        sessions.agentId(cookie.getValue()).onComplete(found -> {
            if (!upgrade) {
                request.resume();
            }
            if (found.failed()) {
                ctx.fail(found.cause());
                return;
            }
            if (found.result() != null) {
                directory.byId(found.result()).ifPresent(agent -> ctx.put(SESSION_AGENT, agent));
            }
            ctx.next();
        });
    }

    private static Cookie sessionCookie(String value) {
        return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSecure(true)
                .setSameSite(CookieSameSite.STRICT);
    }

    /** The agent whose console session the request carries, if any. */
    public Optional<Agent> sessionAgent(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(SESSION_AGENT));
    }

    /** The agent making the request, by API token or console session; 401 for anyone else. */
    private Agent authenticate(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.startsWith("Bearer ")) {
            Agent agent = directory.authenticate(header.substring(7)).orElseThrow(() -> unauthorized(ctx));
            handoff.seen(agent);
            return agent;
        }
        Agent agent = sessionAgent(ctx).orElseThrow(() -> unauthorized(ctx));
        if (ctx.request().method() != HttpMethod.GET && !"1".equals(ctx.request().getHeader(CONSOLE_HEADER))) {
            throw new ApiError(403, "forbidden", "a console call that changes something needs " + CONSOLE_HEADER + ": 1");
        }
        return agent;
    }

    private static ApiError unauthorized(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        return new ApiError(401, "unauthorized", "log into the console, or send Authorization: Bearer <agent token>");
    }

    /**
     * An agent's action, done in the conversation's turn, so that it never runs at the same time
     * as a message of the person's; answers with the conversation as it now stands.
     */
    private void act(RoutingContext ctx, Runnable action) {
        String id = ctx.pathParam("id");
        gateway.act(id, () -> {
            action.run();
            Conversation conversation = conversations.find(id).orElseThrow();
            return JsonViews.forAgents(conversation, clock.instant());
        }).onSuccess(ctx::json).onFailure(ctx::fail);
    }

    private void blocking(RoutingContext ctx, Callable<JsonObject> work) {
        vertx.executeBlocking(work, false).onSuccess(ctx::json).onFailure(ctx::fail);
    }
}
