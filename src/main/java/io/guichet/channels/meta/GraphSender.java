package io.guichet.channels.meta;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts to a Graph API endpoint with a bounded retry: a 5xx, a 429 or a time-out is retried
 * with exponential back-off (honouring Retry-After), up to {@link #ATTEMPTS} attempts; any other
 * 4xx is final, and a rejected token (401/403) is logged as such instead of retried.
 */
public final class GraphSender {
    public static final int ATTEMPTS = 4;
    private static final long TIMEOUT_MS = 5000;
    private static final long FIRST_BACKOFF_MS = 200;
    private static final long MAX_BACKOFF_MS = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(GraphSender.class);

    private final Vertx vertx;
    private final WebClient client;
    private final String url;
    private final String token;
    private final String channel;

    /** @param url the endpoint, e.g. {@code https://graph.facebook.com/v21.0/me/messages} */
    public GraphSender(Vertx vertx, String url, String token, String channel) {
        this.vertx = vertx;
        this.client = WebClient.create(vertx);
        this.url = url;
        this.token = token;
        this.channel = channel;
    }

    /** Completes when Meta accepted the call; fails (already logged) when it never did. */
    public Future<Void> send(JsonObject body) {
        Promise<Void> done = Promise.promise();
        attempt(body, 1, done);
        return done.future();
    }

    private void attempt(JsonObject body, int attempt, Promise<Void> done) {
        client.postAbs(url).putHeader("Authorization", "Bearer " + token).timeout(TIMEOUT_MS).sendJsonObject(body)
                .onComplete(result -> {
                    if (result.succeeded() && result.result().statusCode() / 100 == 2) {
                        done.complete();
                        return;
                    }
                    HttpResponse<Buffer> response = result.succeeded() ? result.result() : null;
                    int status = response == null ? 0 : response.statusCode();
                    if (status == 401 || status == 403) {
                        LOG.error("{}: the Graph API rejected the access token ({}); not retrying. Check the token"
                                + " in the configuration.", channel, status);
                        done.fail("token rejected");
                        return;
                    }
                    boolean retriable = response == null || status == 429 || status >= 500;
                    if (!retriable || attempt >= ATTEMPTS) {
                        String reason = response == null ? String.valueOf(result.cause()) : status + " " + response.bodyAsString();
                        LOG.error("{}: message not delivered after {} attempt(s): {}", channel, attempt, reason);
                        done.fail(reason);
                        return;
                    }
                    long delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << (attempt - 1));
                    String retryAfter = response == null ? null : response.getHeader("Retry-After");
                    if (retryAfter != null && retryAfter.strip().matches("\\d{1,4}")) {
                        delay = Math.min(MAX_BACKOFF_MS, Math.max(delay, Long.parseLong(retryAfter.strip()) * 1000));
                    }
                    vertx.setTimer(delay, id -> attempt(body, attempt + 1, done));
                });
    }
}
