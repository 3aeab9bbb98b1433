package io.guichet.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Drives simulated users against the service, closed-loop: each user sends its next request
 * once the previous one is answered, after a think time. A request the service sheds (503) is
 * retried after the one second its {@code Retry-After} asks for; a failed one counts as an
 * error and the user starts a new conversation. Latencies are recorded only after a ramp-up,
 * during which the users start one after the other.
 */
final class LoadRun {
    /** What the service's {@code Retry-After: 1} asks a shed client to wait. */
    private static final long RETRY_AFTER_MS = 1000;
    /** How long the in-flight requests may take to settle once the run is over. */
    private static final long DRAIN_SECONDS = HttpChat.TIMEOUT_MS / 1000 + 5;

    /** One request a user is about to make: its text (for the distinct-text share) and the call. */
    private record Request(String text, Supplier<Future<Integer>> call, boolean measured) {
    }

    /** A simulated user's behaviour: what to send next, and what to do once it went through or failed. */
    private interface Behaviour {
        Request next();

        void succeeded();

        void failed();
    }

    private final Vertx vertx;
    private final Measurement measurement = new Measurement();
    private volatile boolean running = true;

    private LoadRun(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Users holding conversations through {@code channels}; blocks for the ramp-up and the measured time. */
    static Measurement conversations(Vertx vertx, Supplier<ChatChannel> channels, UserScripts scripts, int users,
                                     Duration rampUp, Duration measured, Duration think) throws Exception {
        return new LoadRun(vertx).run(users, rampUp, measured, think, () -> new Conversing(channels.get(), scripts));
    }

    /** Users sending search queries to {@code POST /api/v1/search}, back to back. */
    static Measurement searches(Vertx vertx, WebClient client, UserScripts scripts, int users, Duration rampUp,
                                Duration measured) throws Exception {
        return new LoadRun(vertx).run(users, rampUp, measured, Duration.ZERO, () -> new Behaviour() {
            @Override
            public Request next() {
                String query = scripts.question();
                return new Request(query, () -> client.post("/api/v1/search").timeout(HttpChat.TIMEOUT_MS)
                        .sendJsonObject(new JsonObject().put("query", query).put("k", 5))
                        .compose(response -> response.statusCode() == ChatChannel.OK
                                || response.statusCode() == ChatChannel.OVERLOADED
                                ? Future.succeededFuture(response.statusCode())
                                : Future.failedFuture(HttpChat.unexpected("searching", response))), true);
            }

            @Override
            public void succeeded() {
            }

            @Override
            public void failed() {
            }
        });
    }

    private Measurement run(int users, Duration rampUp, Duration measured, Duration think,
                            Supplier<Behaviour> behaviours) throws Exception {
        List<Future<Void>> finished = new ArrayList<>();
        long gapNanos = rampUp.toNanos() / Math.max(1, users);
        for (int u = 0; u < users; u++) {
            Promise<Void> done = Promise.promise();
            finished.add(done.future());
            Behaviour behaviour = behaviours.get();
            long delayMs = Math.max(1, u * gapNanos / 1_000_000);
            vertx.setTimer(delayMs, id -> step(behaviour, think.toMillis(), done));
        }
        TimeUnit.NANOSECONDS.sleep(rampUp.toNanos());
        measurement.open();
        TimeUnit.NANOSECONDS.sleep(measured.toNanos());
        measurement.close();
        running = false;
        Future.join(finished).toCompletionStage().toCompletableFuture().get(DRAIN_SECONDS, TimeUnit.SECONDS);
        return measurement;
    }

    private void step(Behaviour behaviour, long thinkMs, Promise<Void> done) {
        if (!running) {
            done.complete();
            return;
        }
        Request request = behaviour.next();
        long started = System.nanoTime();
        request.call().get().onComplete(result -> {
            long pause = thinkMs;
            if (result.succeeded() && result.result() == ChatChannel.OK) {
                if (request.measured()) {
                    measurement.completed(request.text(), started);
                }
                behaviour.succeeded();
            } else if (result.succeeded()) {
                measurement.shed();
                pause = RETRY_AFTER_MS;
            } else {
                measurement.error(result.cause());
                behaviour.failed();
            }
            if (pause <= 0) {
                // Through the context rather than a direct call: a request that fails at once must not recurse.
                vertx.runOnContext(v -> step(behaviour, thinkMs, done));
            } else {
                vertx.setTimer(pause, id -> step(behaviour, thinkMs, done));
            }
        });
    }

    /** A user going through conversations one after the other, each with a script of messages. */
    private static final class Conversing implements Behaviour {
        private final ChatChannel channel;
        private final UserScripts scripts;
        private List<String> script = List.of();
        private int position;
        private boolean open;

        Conversing(ChatChannel channel, UserScripts scripts) {
            this.channel = channel;
            this.scripts = scripts;
        }

        @Override
        public Request next() {
            if (!open || position >= script.size()) {
                if (open) {
                    channel.close();
                    open = false;
                }
                return new Request("", channel::open, false);
            }
            String text = script.get(position);
            return new Request(text, () -> channel.send(text), true);
        }

        @Override
        public void succeeded() {
            if (open) {
                position++;
            } else {
                open = true;
                script = scripts.next();
                position = 0;
            }
        }

        @Override
        public void failed() {
            channel.close();
            open = false;
        }
    }
}
