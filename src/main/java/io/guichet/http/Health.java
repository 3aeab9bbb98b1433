package io.guichet.http;

import io.guichet.dialogue.ConversationService;
import io.guichet.kb.KnowledgeBase;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code GET /health}: 200 {@code {"status":"UP"}} while the service can answer and store what it
 * answers; 503 {@code {"status":"DOWN","store":"…why…"}} once the store cannot write (a full disk,
 * a read-only data folder), so that a load balancer or a supervisor sees it rather than messages
 * being lost. The store is asked on a worker: after a failed write it tries a small write again.
 */
final class Health implements Handler<RoutingContext> {
    private final Vertx vertx;
    private final KnowledgeBase knowledge;
    private final ConversationService conversations;

    Health(Vertx vertx, KnowledgeBase knowledge, ConversationService conversations) {
        this.vertx = vertx;
        this.knowledge = knowledge;
        this.conversations = conversations;
    }

    @Override
    public void handle(RoutingContext ctx) {
        vertx.executeBlocking(conversations::storeProblem, false).onComplete(checked -> {
            Optional<String> problem = checked.succeeded() ? checked.result()
                    : Optional.of("the store cannot be checked: " + checked.cause().getMessage());
            JsonObject body = new JsonObject().put("status", problem.isEmpty() ? "UP" : "DOWN")
                    .put("documents", knowledge.size());
            problem.ifPresent(why -> body.put("store", why));
            ctx.response().setStatusCode(problem.isEmpty() ? 200 : 503);
            ctx.json(body);
        });
    }
}
