package io.guichet.http;

import io.guichet.analytics.Dashboard;
import io.guichet.analytics.Filter;
import io.guichet.analytics.GapStatuses;
import io.guichet.handoff.Agent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The territory's figures for its marketing team and its own BI tools, for a marketing account
 * logged in at the console or with the admin token:
 * {@code GET /api/v1/analytics/{overview,funnels,handoffs,satisfaction,answers,gaps}} over a period
 * ({@code from} and {@code to}, days inclusive, UTC; the last 30 days by default), filtered by
 * {@code channel}, {@code lang} and {@code journey}; {@code deliveries}, the period's leads pushed to
 * the teams' CRMs; and the dashboard's page at {@code /admin}.
 */
public final class AnalyticsApi {
    /** The period shown when none is asked for. */
    static final int DEFAULT_DAYS = 30;
    /** A longer period is refused: its queries would hold a worker for long. */
    static final int MAX_DAYS = 366;
    private static final int DEFAULT_GAPS = 20;
    private static final int MAX_GAPS = 200;
    private static final Set<String> LANGUAGES = Set.of("fr", "en");
    /** A gap shows its typical wording and three examples; a few more are welcome, not a whole list. */
    private static final int MAX_GAP_WORDINGS = 20;

    private final Vertx vertx;
    private final Dashboard dashboard;
    private final AdminToken adminToken;
    private final Function<String, Map<String, String>> labels;
    private final Function<RoutingContext, Optional<Agent>> sessions;
    private final Clock clock;

    /**
     * @param labels   the names, in a language, of the teams' and slots' ids the figures use
     * @param sessions the console session a request carries: a marketing account's opens the figures
     */
    public AnalyticsApi(Vertx vertx, Dashboard dashboard, Function<String, Map<String, String>> labels,
                        Function<RoutingContext, Optional<Agent>> sessions, String adminToken, Clock clock) {
        this.vertx = vertx;
        this.sessions = sessions;
        this.labels = labels;
        this.dashboard = dashboard;
        this.adminToken = new AdminToken(adminToken);
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/admin").handler(ctx -> ctx.response().putHeader("Cache-Control", "no-store")
                .putHeader("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'")
                .sendFile("webroot/admin/dashboard.html").onFailure(ctx::fail));
        router.get("/admin/dashboard.js").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/javascript; charset=utf-8")
                .sendFile("webroot/admin/dashboard.js").onFailure(ctx::fail));
        figure(router, "overview", (dashboard, ctx) -> JsonObject.mapFrom(dashboard.overview(filter(ctx))));
        figure(router, "funnels", (dashboard, ctx) -> new JsonObject().put("funnels",
                array(dashboard.funnels(filter(ctx)))));
        figure(router, "handoffs", (dashboard, ctx) -> JsonObject.mapFrom(dashboard.handoffs(filter(ctx))));
        figure(router, "satisfaction", (dashboard, ctx) -> JsonObject.mapFrom(dashboard.satisfaction(filter(ctx))));
        figure(router, "answers", (dashboard, ctx) -> JsonObject.mapFrom(dashboard.answers(filter(ctx))));
        figure(router, "labels", (dashboard, ctx) -> new JsonObject(new LinkedHashMap<>(
                labels.apply("en".equals(ctx.request().getParam("lang")) ? "en" : "fr"))));
        figure(router, "gaps", (dashboard, ctx) -> new JsonObject().put("gaps",
                array(dashboard.gaps(filter(ctx), limit(ctx)))));
        // A change, from the dashboard's own page: the session's SameSite=Strict cookie is never sent by another site.
        router.post("/api/v1/analytics/gaps/status").handler(this::markGap);
        figure(router, "deliveries", (dashboard, ctx) -> JsonObject.mapFrom(dashboard.deliveries(filter(ctx),
                limit(ctx))));
    }

    /**
     * {@code POST /api/v1/analytics/gaps/status} with {@code {"questions": [the gap's typical wording
     * and examples, as given], "status": "written"}} ({@code open}, {@code written} or
     * {@code dismissed}): 204.
     */
    private void markGap(RoutingContext ctx) {
        authorize(ctx);
        RequestBody body = RequestBody.of(ctx, false);
        List<String> questions = body.strings("questions", MAX_GAP_WORDINGS);
        GapStatuses.Status status;
        try {
            status = GapStatuses.Status.valueOf(body.text("status").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("'status' is \"open\", \"written\" or \"dismissed\"");
        }
        vertx.executeBlocking(() -> {
            dashboard.mark(questions, status);
            return null;
        }, false).onSuccess(done -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    /** A marketing account's console session, or the admin token. */
    private void authorize(RoutingContext ctx) {
        if (sessions.apply(ctx).filter(Agent::marketing).isEmpty()) {
            adminToken.authorize(ctx, "the analytics API");
        }
    }

    /** How one figure is read: from the dashboard, for the request's filter. */
    private interface Figure {
        JsonObject read(Dashboard dashboard, RoutingContext ctx);
    }

    private void figure(Router router, String name, Figure figure) {
        router.get("/api/v1/analytics/" + name).handler(ctx -> {
            // Reads only: the session's SameSite=Strict cookie is enough, no other site's page can read the answer.
            authorize(ctx);
            // Read the parameters on the event loop, so that a bad one is a 400 before any work.
            filter(ctx);
            limit(ctx);
            vertx.executeBlocking(() -> figure.read(dashboard, ctx), false)
                    .onSuccess(ctx::json).onFailure(ctx::fail);
        });
    }

    private static JsonArray array(List<?> records) {
        return new JsonArray(records.stream().map(JsonObject::mapFrom).toList());
    }

    private Filter filter(RoutingContext ctx) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate to = day(ctx, "to", today);
        LocalDate from = day(ctx, "from", to.minusDays(DEFAULT_DAYS - 1));
        if (from.isAfter(to)) {
            throw ApiError.badRequest("'from' (" + from + ") comes after 'to' (" + to + ")");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ApiError.badRequest("a period is at most " + MAX_DAYS + " days");
        }
        String lang = optional(ctx, "lang", null);
        if (lang != null && !LANGUAGES.contains(lang)) {
            throw ApiError.badRequest("'lang' is 'fr' or 'en'");
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Filter(start, end, optional(ctx, "channel", null), lang, optional(ctx, "journey", null));
    }

    private static LocalDate day(RoutingContext ctx, String name, LocalDate otherwise) {
        String value = optional(ctx, name, null);
        try {
            return value == null ? otherwise : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("'" + name + "' is a day written YYYY-MM-DD, not '" + value + "'");
        }
    }

    private static int limit(RoutingContext ctx) {
        String value = optional(ctx, "limit", null);
        try {
            int limit = value == null ? DEFAULT_GAPS : Integer.parseInt(value);
            if (limit < 1 || limit > MAX_GAPS) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("'limit' is a whole number from 1 to " + MAX_GAPS);
        }
    }

    private static String optional(RoutingContext ctx, String name, String otherwise) {
        String value = ctx.request().getParam(name);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

}
