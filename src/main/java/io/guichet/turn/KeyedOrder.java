package io.guichet.turn;

import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Asynchronous work kept in order per key: each piece starts once the previous piece of its key
 * has ended, successfully or not, while other keys go on side by side. Nothing waits on a lock,
 * and a key is forgotten as soon as its work is done.
 */
public final class KeyedOrder<K> {
    /** Each key's last piece of work, while it has any not done. */
    private final Map<K, Future<?>> tails = new ConcurrentHashMap<>();

    /** Starts {@code work} after the work queued before it under {@code key}. */
    public <T> Future<T> after(K key, Supplier<Future<T>> work) {
        @SuppressWarnings("unchecked")
        Future<T>[] mine = new Future[1];
        tails.compute(key, (k, tail) -> {
            Future<?> previous = tail == null ? Future.succeededFuture() : tail;
            mine[0] = previous.transform(done -> work.get());
            return mine[0];
        });
        mine[0].onComplete(done -> tails.remove(key, mine[0]));
        return mine[0];
    }

    /** Keys with work queued or running: none once everything is done. */
    int busy() {
        return tails.size();
    }
}
