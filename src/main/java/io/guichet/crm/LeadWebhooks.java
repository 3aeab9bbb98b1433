package io.guichet.crm;

import io.guichet.channels.meta.HubSignature;
import io.guichet.crm.DeliveryStore.Attempt;
import io.guichet.crm.DeliveryStore.Delivery;
import io.guichet.dialogue.ConversationEvents;
import io.guichet.lead.Lead;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes each new lead to its team's CRM: a signed JSON POST to the team's webhook, retried with
 * back-off until the receiver answers 2xx or the {@link RetrySchedule} is used up.
 *
 * <p>A conversation never waits on it. The lead's delivery is queued in the lead's own
 * transaction ({@link DeliveryStore}); the turn's commit then only nudges this worker, which reads
 * and writes the store on worker threads and sends with the non-blocking {@link WebClient}, each
 * request bounded by {@link #TIMEOUT_MS}. A periodic poll sends the retries that come due and,
 * at start, whatever a previous run left.
 *
 * <p>Each team has its passes, one at a time, all on one event-loop context: a delivery is never
 * sent twice at once, a team's deliveries go one after the other, and the teams go side by side,
 * so a dead CRM holds up its own team's leads only, one time-out at a time.
 *
 * <p>Each request carries {@code X-Guichet-Timestamp} (Unix seconds) and {@code X-Guichet-Signature:
 * sha256=<hex HMAC-SHA256 of timestamp + "." + body, keyed with the team's secret>}, as Stripe and
 * GitHub sign theirs: the receiver recomputes it over the raw body and refuses an old timestamp, so
 * a copied request cannot be replayed later. The body is the same at every attempt; its
 * {@code delivery_id} (also in {@code X-Guichet-Delivery}) tells a receiver that it already has a lead.
 */
public final class LeadWebhooks implements ConversationEvents {
    private static final String SIGNATURE_HEADER = "X-Guichet-Signature";
    private static final String TIMESTAMP_HEADER = "X-Guichet-Timestamp";
    private static final String DELIVERY_HEADER = "X-Guichet-Delivery";
    private static final String EVENT = "lead.created";
    /** Connecting, and then each wait for the receiver's next bytes: a dead CRM costs this much, not more. */
    static final long TIMEOUT_MS = 5000;
    /** Deliveries read per pass; a full batch is followed by another pass at once. */
    static final int BATCH = 50;
    /**
     * How long a pass holds the deliveries it took, so that no other node sends them meanwhile: a
     * whole batch at worst, each delivery timing out at the connection and then at the answer.
     */
    static final Duration LEASE = Duration.ofMillis(BATCH * 2 * TIMEOUT_MS).plusMinutes(1);
    /** An error kept for the dashboard is cut to this length. */
    private static final int MAX_ERROR = 200;
    private static final Logger LOG = LoggerFactory.getLogger(LeadWebhooks.class);

    private final Vertx vertx;
    private final Context context;
    private final DeliveryStore store;
    private final Webhooks webhooks;
    private final Clock clock;
    private final WebClient client;
    /** The teams with a pass under way, and those nudged meanwhile; touched on {@link #context} only. */
    private final Set<String> passing = new HashSet<>();
    private final Set<String> again = new HashSet<>();

    public LeadWebhooks(Vertx vertx, DeliveryStore store, Webhooks webhooks, Clock clock) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.store = store;
        this.webhooks = webhooks;
        this.clock = clock;
        this.client = WebClient.create(vertx);
    }

    /**
     * Has the leads of the teams with a webhook queued from now on, sends what is already due (what
     * a previous run left), then looks for due retries at the schedule's poll period.
     */
    public void start() {
        store.queueLeadsOf(webhooks.teams());
        if (webhooks.teams().isEmpty()) {
            return;
        }
        context.runOnContext(v -> {
            vertx.setPeriodic(webhooks.retries().poll().toMillis(), id -> webhooks.teams().forEach(this::nudge));
            webhooks.teams().forEach(this::nudge);
        });
    }

    /** A lead for a team with a webhook was just committed: send it now rather than at the next poll. */
    @Override
    public void committed(Committed committed) {
        if (committed.lead() != null && webhooks.of(committed.lead().team()).isPresent()) {
            nudge(committed.lead().team());
        }
    }

    /** Starts a pass for the team, or has another one follow its pass under way, so that nothing nudged waits for the poll. */
    private void nudge(String team) {
        context.runOnContext(v -> {
            if (passing.add(team)) {
                pass(team);
            } else {
                again.add(team);
            }
        });
    }

    private void pass(String team) {
        again.remove(team);
        context.executeBlocking(() -> store.due(clock.instant(), team, BATCH, clock.instant().plus(LEASE)), false)
                .compose(due -> deliverInTurn(due).map(due.size()))
                .onComplete(result -> {
                    if (result.failed()) {
                        // Left due in the store: the next poll tries again, rather than a loop on a broken store.
                        LOG.error("lead webhooks: a pass for {} failed: {}", team, result.cause().getMessage());
                    }
                    if (again.contains(team) || result.succeeded() && result.result() == BATCH) {
                        pass(team);
                    } else {
                        passing.remove(team);
                    }
                });
    }

    /** One team's deliveries, one after the other. */
    private Future<Void> deliverInTurn(List<Delivery> deliveries) {
        Future<Void> chain = Future.succeededFuture();
        for (Delivery delivery : deliveries) {
            chain = chain.compose(v -> deliver(delivery));
        }
        return chain;
    }

    private Future<Void> deliver(Delivery delivery) {
        Webhook webhook = webhooks.of(delivery.lead().team()).orElseThrow();
        String body = body(delivery).encode();
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return client.postAbs(webhook.url().toString())
                .putHeader("Content-Type", "application/json")
                .putHeader(TIMESTAMP_HEADER, timestamp)
                .putHeader(SIGNATURE_HEADER, signature(webhook.secret(), timestamp, body))
                .putHeader(DELIVERY_HEADER, String.valueOf(delivery.id()))
                .connectTimeout(TIMEOUT_MS)
                .idleTimeout(TIMEOUT_MS)
                .sendBuffer(Buffer.buffer(body))
                .transform(response -> record(delivery, webhook, response));
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of {@code timestamp + "." + body}, keyed with the team's secret. */
    static String signature(String secret, String timestamp, String body) {
        // The same HMAC as Meta's signature on our own webhooks, over the timestamp as well as the body.
        return "sha256=" + HexFormat.of().formatHex(HubSignature.sign(secret,
                (timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    /** What the receiver gets: the event, the delivery's id, and the lead as it was stored. */
    static JsonObject body(Delivery delivery) {
        Lead lead = delivery.lead();
        return new JsonObject().put("event", EVENT).put("delivery_id", delivery.id()).put("lead", new JsonObject()
                .put("id", lead.id())
                .put("conversation_id", lead.conversationId())
                .put("journey", lead.journey())
                .put("team", lead.team())
                .put("lang", lead.lang())
                .put("name", lead.name())
                .put("email", lead.email())
                .put("phone", lead.phone())
                .put("slots", new JsonObject(lead.slots()))
                .put("created_at", lead.createdAt().toString()));
    }

    private Future<Void> record(Delivery delivery, Webhook webhook, AsyncResult<HttpResponse<Buffer>> response) {
        int attempts = delivery.attempts() + 1;
        Instant now = clock.instant();
        Integer status = response.succeeded() ? response.result().statusCode() : null;
        Attempt attempt;
        if (status != null && status / 100 == 2) {
            attempt = new Attempt(attempts, now, status, null, null);
        } else {
            String error = status != null ? "HTTP " + status : failure(response.cause());
            Instant retryAt = webhooks.retries().after(attempts).map(now::plus).orElse(null);
            attempt = new Attempt(attempts, now, status, error, retryAt);
            if (retryAt == null) {
                LOG.error("lead webhooks: lead {} not delivered to {} after {} attempts ({}); given up", delivery.lead().id(),
                        webhook, attempts, error);
            } else {
                LOG.warn("lead webhooks: lead {} not delivered to {} (attempt {}: {}); next attempt at {}",
                        delivery.lead().id(), webhook, attempts, error, retryAt);
            }
        }
        return context.executeBlocking(() -> {
            store.attempted(delivery.id(), attempt);
            return null;
        }, false);
    }

    /** A failure without a status, in the client's words: refused, timed out, unknown host. */
    private static String failure(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message;
    }
}
