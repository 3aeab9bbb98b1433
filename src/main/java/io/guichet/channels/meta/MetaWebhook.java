package io.guichet.channels.meta;

import io.guichet.http.RawBody;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;

/**
 * A Meta webhook (Messenger, WhatsApp): {@code GET} answers the subscription handshake
 * ({@code hub.mode}, {@code hub.verify_token}, {@code hub.challenge}); {@code POST} refuses
 * anything not signed with the app secret (403), answers 200 at once, since Meta redelivers what
 * is slow to answer, and then hands the payload over.
 */
public final class MetaWebhook {
    private static final int BODY_LIMIT = 1024 * 1024;

    private MetaWebhook() {
    }

    public static void mount(Router router, String path, String verifyToken, String appSecret,
                             Consumer<JsonObject> events) {
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

    private static void receive(RoutingContext ctx, String appSecret, Consumer<JsonObject> events) {
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
        ctx.response().setStatusCode(200).end("EVENT_RECEIVED");
        events.accept(payload);
    }
}
