package io.guichet.http;

import io.guichet.dialogue.ConversationService;
import io.guichet.kb.KnowledgeBase;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /health}: 200 {@code {"status":"UP"}} while the service can answer and store what it
 * answers; 503 {@code {"status":"DOWN","store":"…why…"}} once the store cannot write (a full disk,
 * a read-only data folder), so that a load balancer or a supervisor sees it rather than messages
 * being lost, or once the database shared with other nodes is out of reach. The store is asked on
 * a worker: after a failed write it tries a small write again. An answer never waits more than
 * {@link #CHECK_TIMEOUT_MS}: a store that has not answered by then is DOWN (a server gone away keeps
 * a connection attempt waiting far longer), and until the check under way ends, later requests
 * wait for it rather than tie up another worker each.
 */
final class Health implements Handler<RoutingContext> {
    static final long CHECK_TIMEOUT_MS = 3000;
    private final Vertx vertx;
    private final KnowledgeBase knowledge;
    private final ConversationService conversations;
    private final AtomicReference<Future<Optional<String>>> check = new AtomicReference<>();

    Health(Vertx vertx, KnowledgeBase knowledge, ConversationService conversations) {
        this.vertx = vertx;
        this.knowledge = knowledge;
        this.conversations = conversations;
    }

    private Future<Optional<String>> checkUnderWay() {
        Future<Optional<String>> current = check.get();
        if (current != null && !current.isComplete()) {
            return current;
        }
        Future<Optional<String>> next = vertx.executeBlocking(conversations::storeProblem, false);
        check.set(next);
        return next;
    }

    @Override
    public void handle(RoutingContext ctx) {
        checkUnderWay().timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS).onComplete(checked -> {
            Optional<String> problem = checked.succeeded() ? checked.result()
                    : Optional.of(checked.cause() instanceof TimeoutException
                    ? "the store did not answer within " + CHECK_TIMEOUT_MS / 1000 + " s"
                    : "the store cannot be checked: " + checked.cause().getMessage());
            JsonObject body = new JsonObject().put("status", problem.isEmpty() ? "UP" : "DOWN")
                    .put("documents", knowledge.size());
            problem.ifPresent(why -> body.put("store", why));
            ctx.response().setStatusCode(problem.isEmpty() ? 200 : 503);
            ctx.json(body);
        });
    }
}
