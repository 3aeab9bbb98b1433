package io.guichet.edge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;

/**
 * At most {@code limit} attempts per key (a client address) in each window of time, counted in
 * Vert.x shared data, so that on a cluster a client gets its allowance once, not once per node.
 * Each attempt takes a numbered slot of the key's window with an atomic put-if-absent, every slot
 * expiring with its window: no count is ever updated in place (an update would lose its expiry on
 * the cluster's map), and nothing outlives a window. An attempt past the limit costs one lookup.
 * A fixed window, not a bucket: up to twice the limit can pass around a window's end.
 */
public final class SharedRateLimit {
    private final int limit;
    private final long windowMs;
    private final boolean enabled;
    private final Future<AsyncMap<String, Boolean>> slots;

    /**
     * @param name    the map's name, one per kind of attempt
     * @param enabled false lets everything through (load tests from one address)
     */
    public SharedRateLimit(Vertx vertx, String name, int limit, long windowMs, boolean enabled) {
        this.limit = limit;
        this.windowMs = windowMs;
        this.enabled = enabled;
        this.slots = vertx.sharedData().getAsyncMap(name);
    }

    /** Takes one of the key's attempts in this window; false when they are spent. */
    public Future<Boolean> tryAcquire(String key) {
        if (!enabled) {
            return Future.succeededFuture(true);
        }
        String window = key + "#" + System.currentTimeMillis() / windowMs + "#";
        return slots.compose(map -> map.get(window + (limit - 1))
                .compose(lastTaken -> lastTaken != null ? Future.succeededFuture(false) : take(map, window, 0)));
    }

    private Future<Boolean> take(AsyncMap<String, Boolean> map, String window, int slot) {
        if (slot >= limit) {
            return Future.succeededFuture(false);
        }
        return map.putIfAbsent(window + slot, true, windowMs)
                .compose(taken -> taken == null ? Future.succeededFuture(true) : take(map, window, slot + 1));
    }

    /** Seconds until a new window opens at the latest, for a Retry-After header. */
    public long retryAfterSeconds() {
        return Math.max(1, (windowMs + 999) / 1000);
    }
}
