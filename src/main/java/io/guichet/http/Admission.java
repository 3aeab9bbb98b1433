package io.guichet.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Back-pressure for the API: counts the requests being handled (mostly waiting for or running on
 * the worker pool) and, past a bound, answers at once {@code 503} with {@code Retry-After: 1}
 * instead of queueing. On two cores the service completes a few hundred turns a second; a
 * request admitted behind {@value #DEFAULT_LIMIT} others waits a few hundred milliseconds, while
 * an unbounded queue under a crowd grows until clients time out and retry, which is more work,
 * not less. Runs on the event loop and never blocks.
 */
public final class Admission implements Handler<RoutingContext> {
    /** Requests in progress past which new ones are refused. */
    public static final int DEFAULT_LIMIT = 128;
    static final String RETRY_AFTER_SECONDS = "1";

    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();

    public Admission(int limit) {
        this.limit = limit;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            ctx.response().setStatusCode(503).putHeader("Retry-After", RETRY_AFTER_SECONDS)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                    .end(new JsonObject().put("error", "overloaded").put("message",
                            "the service is busy; try again in " + RETRY_AFTER_SECONDS + " s").encode());
            return;
        }
        // Released however the exchange ends: answered, failed, or the client gone.
        ctx.addEndHandler(ended -> inFlight.decrementAndGet());
        ctx.next();
    }

    /** Requests being handled now. */
    public int inFlight() {
        return inFlight.get();
    }
}
