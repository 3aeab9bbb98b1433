package io.guichet.http;

import io.guichet.edge.Origins;
import io.guichet.edge.RawBody;
import io.guichet.edge.SharedRateLimit;
import io.guichet.channels.web.WidgetChannel;
import io.guichet.channels.web.WidgetSecrets;
import io.guichet.conversation.Conversation;
import io.guichet.dialogue.ConversationService;
import io.guichet.dialogue.MessageIdTaken;
import io.guichet.handoff.HandoffException;
import io.guichet.kb.KnowledgeBase;
import io.guichet.lead.LeadStore;
import io.guichet.nlu.Understanding;
import io.guichet.store.StoreException;
import io.guichet.turn.InvalidMessage;
import io.guichet.turn.TurnGateway;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.time.Clock;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contract's HTTP API. Handlers run on the event loop only to read the request and write the
 * answer; understanding, search and conversation turns (a few milliseconds of embedding each)
 * run on the worker pool. Every refusal is a JSON error; a fault of ours is a logged 500 that
 * never shows a stack trace.
 */
public final class HttpApi {
    /** Larger bodies are refused with 413 before they are read whole. */
    public static final int BODY_LIMIT = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /** The header that carries a widget conversation's secret on the HTTP fallback. */
    public static final String SECRET_HEADER = "X-Guichet-Secret";
    private static final int MAX_K = 50;

    private final Vertx vertx;
    private final Understanding understanding;
    private final KnowledgeBase knowledge;
    private final ConversationService conversations;
    private final TurnGateway gateway;
    private final LeadStore leads;
    private final AdminToken adminToken;
    private final WidgetSecrets secrets;
    private final Origins origins;
    private final SharedRateLimit newWidgetConversations;
    private final Clock clock;

    /**
     * @param adminToken             the token that opens the leads API; null keeps it closed
     * @param newWidgetConversations widget conversations a client address may open over HTTP
     */
    public HttpApi(Vertx vertx, Understanding understanding, KnowledgeBase knowledge,
                   ConversationService conversations, TurnGateway gateway, LeadStore leads, String adminToken, WidgetSecrets secrets,
                   Origins origins, SharedRateLimit newWidgetConversations, Clock clock) {
        this.vertx = vertx;
        this.understanding = understanding;
        this.knowledge = knowledge;
        this.conversations = conversations;
        this.gateway = gateway;
        this.leads = leads;
        this.adminToken = new AdminToken(adminToken);
        this.secrets = secrets;
        this.origins = origins;
        this.newWidgetConversations = newWidgetConversations;
        this.clock = clock;
    }

    public Router router() {
        Router router = Router.router(vertx);
        router.route().handler(HttpApi::readableQuery);
        router.get("/health").handler(new Health(vertx, knowledge, conversations));
        router.route("/api/v1/conversations*").handler(cors());
        router.route("/api/*").handler(new Admission(Admission.DEFAULT_LIMIT));
        router.route("/api/*").handler(RawBody.limitedTo(BODY_LIMIT));
        router.get("/widget.js").handler(ctx -> ctx.response().putHeader("Cache-Control", "public, max-age=300")
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/javascript; charset=utf-8").sendFile("webroot/widget.js").onFailure(ctx::fail));
        router.get("/demo").handler(ctx -> ctx.response().sendFile("webroot/demo.html").onFailure(ctx::fail));
        router.post("/api/v1/parse").handler(this::parse);
        router.post("/api/v1/search").handler(this::search);
        router.post("/api/v1/conversations").handler(this::openConversation);
        router.post("/api/v1/conversations/:id/messages").handler(this::postMessage);
        router.get("/api/v1/conversations/:id").handler(this::getConversation);
        router.post("/api/v1/conversations/:id/feedback").handler(this::rateAnswer);
        router.get("/api/v1/leads").handler(this::listLeads);
        // Vert.x refuses what it cannot read (an address with "%zz", no Host) before any route, in plain text.
        router.errorHandler(400, ctx -> respond(ctx, 400, "bad_request",
                "the request cannot be read: its address, its query or its headers are malformed"));
        router.errorHandler(403, ctx -> respond(ctx, 403, "forbidden", ctx.failure() != null
                && ctx.failure().getMessage() != null && ctx.failure().getMessage().startsWith("CORS")
                ? "this site is not allowed to call the API" : "forbidden"));
        router.errorHandler(404, ctx -> respond(ctx, 404, "not_found", "no such endpoint: "
                + ctx.request().method() + " " + ctx.request().path()));
        router.errorHandler(405, ctx -> respond(ctx, 405, "method_not_allowed",
                ctx.request().method() + " is not allowed on " + ctx.request().path()));
        router.errorHandler(413, ctx -> respond(ctx, 413, "payload_too_large",
                "the body is larger than " + BODY_LIMIT + " bytes"));
        router.errorHandler(500, this::internalError);
        return router;
    }

    /**
     * Refuses a query string that is not valid percent-encoding before any handler reads a
     * parameter: Vert.x decodes the query only then, and its exception would be a 500.
     */
    private static void readableQuery(RoutingContext ctx) {
        try {
            ctx.request().params();
        } catch (IllegalArgumentException e) {
            ctx.fail(400, e);
            return;
        }
        ctx.next();
    }

    private void parse(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx, false);
        String text = body.text("text");
        String lang = body.language("lang");
        LocalDate now = body.date("now", LocalDate.now(clock));
        blocking(ctx, () -> JsonViews.parse(understanding.parse(text, lang, null, now)), 200);
    }

    private void search(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx, false);
        String query = body.text("query");
        int k = body.integer("k", 5, 1, MAX_K);
        String lang = body.language("lang");
        blocking(ctx, () -> JsonViews.hits(knowledge.search(query, k,
                lang != null ? lang : understanding.detectLanguage(query, null))), 200);
    }

    /**
     * The widget's pages call the conversation API from the sites that embed it: those sites
     * (any, when none is configured) may, with the widget's secret header.
     */
    private CorsHandler cors() {
        CorsHandler cors = CorsHandler.create().allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST))
                .allowedHeaders(Set.of("Content-Type", SECRET_HEADER)).maxAgeSeconds(600);
        return origins.allowed().isEmpty() ? cors : cors.addOrigins(origins.allowed());
    }

    private void openConversation(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx, true);
        String channel = body.optionalString("channel");
        String lang = body.language("lang");
        String named = channel == null || channel.isBlank() ? "web" : channel;
        boolean widget = named.equals(WidgetChannel.CHANNEL);
        Future<Boolean> allowed = widget ? newWidgetConversations.tryAcquire(clientAddress(ctx))
                : Future.succeededFuture(true);
        allowed.onSuccess(granted -> {
            if (!granted) {
                ctx.response().putHeader("Retry-After", Long.toString(newWidgetConversations.retryAfterSeconds()));
                respond(ctx, 429, "too_many_requests", "too many new conversations from this address");
                return;
            }
            blocking(ctx, () -> {
                String id = conversations.open(named, lang).id();
                JsonObject opened = new JsonObject().put("id", id);
                return widget ? opened.put("secret", secrets.of(id)) : opened;
            }, 201);
        }).onFailure(ctx::fail);
    }

    private void postMessage(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        RequestBody body = RequestBody.of(ctx, false);
        String text = TurnGateway.text(body.text("text"));
        String messageId = TurnGateway.messageId(body.value("messageId"));
        LocalDate now = body.date("now", LocalDate.now(clock));
        String secret = ctx.request().getHeader(SECRET_HEADER);
        gateway.post(id, text, messageId, now, conversation -> visible(conversation, secret))
                .onSuccess(turn -> ctx.json(JsonViews.turn(turn))).onFailure(ctx::fail);
    }

    /**
     * A thumb up ({@code "useful": true}) or down on one of the conversation's answers from the
     * pages, the {@code turn} its reply gave; a second one on the same answer replaces the first.
     */
    private void rateAnswer(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        RequestBody body = RequestBody.of(ctx, false);
        int turn = body.integer("turn", 0, 1, Integer.MAX_VALUE);
        if (turn == 0) {
            throw ApiError.badRequest("'turn' is required: the turn of the answer rated");
        }
        boolean useful = body.bool("useful");
        String secret = ctx.request().getHeader(SECRET_HEADER);
        gateway.act(id, () -> {
            try {
                conversations.rate(id, turn, useful, conversation -> visible(conversation, secret));
            } catch (IllegalArgumentException notAnAnswer) {
                throw ApiError.badRequest(notAnAnswer.getMessage());
            }
            return null;
        }).onSuccess(done -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    private void getConversation(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String secret = ctx.request().getHeader(SECRET_HEADER);
        blocking(ctx, () -> JsonViews.conversation(existing(id, secret)), 200);
    }

    static String clientAddress(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
    }

    /** Every lead, newest first, as JSON or, with {@code ?format=csv}, as a CSV export. */
    private void listLeads(RoutingContext ctx) {
        adminToken.authorize(ctx, "the leads API");
        boolean csv = "csv".equals(ctx.request().getParam("format"));
        vertx.executeBlocking(leads::all, false).onSuccess(all -> {
            if (csv) {
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"leads.csv\"")
                        .end(LeadsCsv.of(all));
            } else {
                ctx.json(new JsonObject().put("leads", new JsonArray(all.stream().map(JsonViews::lead).toList())));
            }
        }).onFailure(ctx::fail);
    }

    /**
     * The conversation, read from the store if need be: call on a worker. A widget's
     * conversation is found only with its secret; without it, it does not exist.
     */
    private Conversation existing(String id, String secret) {
        return conversations.find(id).filter(c -> visible(c, secret))
                .orElseThrow(() -> ApiError.notFound("no conversation " + id));
    }

    private boolean visible(Conversation conversation, String secret) {
        return !conversation.channel().equals(WidgetChannel.CHANNEL) || secrets.matches(conversation.id(), secret);
    }

    private void blocking(RoutingContext ctx, Callable<JsonObject> work, int status) {
        Future<JsonObject> result = vertx.executeBlocking(work, false);
        result.onSuccess(json -> {
            ctx.response().setStatusCode(status);
            ctx.json(json);
        }).onFailure(ctx::fail);
    }

    private void internalError(RoutingContext ctx) {
        if (ctx.failure() instanceof ApiError error) {
            respond(ctx, error.status(), error.code(), error.getMessage());
            return;
        }
        if (ctx.failure() instanceof InvalidMessage invalid) {
            respond(ctx, 400, "bad_request", invalid.getMessage());
            return;
        }
        if (ctx.failure() instanceof MessageIdTaken taken) {
            respond(ctx, 409, "conflict", taken.getMessage());
            return;
        }
        if (ctx.failure() instanceof NoSuchElementException missing) {
            respond(ctx, 404, "not_found", missing.getMessage());
            return;
        }
        if (ctx.failure() instanceof StoreException) {
            // Logged by the store; the client may try again once the disk is fixed.
            ctx.response().putHeader("Retry-After", "10");
            respond(ctx, 503, "store_unavailable", "the message could not be stored, so it was not processed;"
                    + " try again later");
            return;
        }
        if (ctx.failure() instanceof HandoffException refused) {
            switch (refused.kind()) {
                case NOT_FOUND -> respond(ctx, 404, "not_found", refused.getMessage());
                case FORBIDDEN -> respond(ctx, 403, "forbidden", refused.getMessage());
                default -> respond(ctx, 409, "conflict", refused.getMessage());
            }
            return;
        }
        LOG.error("unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), ctx.failure());
        respond(ctx, 500, "internal_error", "something went wrong on our side; the request was not processed");
    }

    private static void respond(RoutingContext ctx, int status, String code, String message) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .end(new JsonObject().put("error", code).put("message", message).encode());
    }
}
