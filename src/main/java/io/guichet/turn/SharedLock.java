package io.guichet.turn;

import java.util.concurrent.Callable;

/**
 * A lock that holds across the nodes sharing one store: while one node runs a conversation's work
 * under it, another node's work on that conversation waits. One process alone needs none.
 */
public interface SharedLock {
    /** No other node: the work runs as it is. */
    SharedLock NONE = new SharedLock() {
        @Override
        public <T> T holding(String key, Callable<T> work) throws Exception {
            return work.call();
        }
    };

    /** Runs {@code work} on the calling thread, blocking until no other node holds {@code key}. */
    <T> T holding(String key, Callable<T> work) throws Exception;
}
