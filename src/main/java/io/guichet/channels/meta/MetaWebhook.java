package io.guichet.channels.meta;

import io.guichet.edge.RawBody;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Meta webhook (Messenger, WhatsApp): {@code GET} answers the subscription handshake
 * ({@code hub.mode}, {@code hub.verify_token}, {@code hub.challenge}); {@code POST} refuses
 * anything not signed with the app secret (403), hands the payload over, and answers 200 once
 * its messages are stored: a crash right after the 200 loses nothing. When they cannot be stored
 * it answers 503, and Meta delivers them again later.
 */
public final class MetaWebhook {
    private static final int BODY_LIMIT = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(MetaWebhook.class);

    private MetaWebhook() {
    }

    public static void mount(Router router, String path, String verifyToken, String appSecret,
                             Function<JsonObject, Future<Void>> events) {
        router.get(path).handler(ctx -> verify(ctx, verifyToken));
        router.post(path).handler(RawBody.limitedTo(BODY_LIMIT))
                .handler(ctx -> receive(ctx, appSecret, events));
    }

    private static void verify(RoutingContext ctx, String verifyToken) {
        String challenge = ctx.request().getParam("hub.challenge");
        if ("subscribe".equals(ctx.request().getParam("hub.mode"))
                && verifyToken.equals(ctx.request().getParam("hub.verify_token")) && challenge != null) {
            ctx.response().putHeader("content-type", "text/plain").end(challenge);
        } else {
            ctx.response().setStatusCode(403).end();
        }
    }

    private static void receive(RoutingContext ctx, String appSecret, Function<JsonObject, Future<Void>> events) {
        Buffer body = RawBody.of(ctx);
        byte[] raw = body.getBytes();
        if (!HubSignature.valid(appSecret, raw, ctx.request().getHeader("X-Hub-Signature-256"))) {
            ctx.response().setStatusCode(403).end();
            return;
        }
        JsonObject payload;
        try {
            payload = new JsonObject(body);
        } catch (RuntimeException e) {
            ctx.response().setStatusCode(400).end();
            return;
        }
        events.apply(payload).onSuccess(stored -> ctx.response().setStatusCode(200).end("EVENT_RECEIVED"))
                .onFailure(e -> {
                    LOG.error("{}: webhook messages could not be stored; Meta will deliver them again: {}",
                            ctx.request().path(), e.getMessage());
                    ctx.response().setStatusCode(503).putHeader("Retry-After", "10").end();
                });
    }
}
