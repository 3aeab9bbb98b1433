package io.guichet.turn;

import io.vertx.core.Future;
import java.util.concurrent.Callable;

/**
 * Puts the work done on one conversation in order: each piece of work runs alone, after the one
 * submitted before it, while other conversations proceed in parallel. One process needs no more
 * than {@link LocalConversationLocks}; nodes sharing a database also hold a {@link SharedLock} per
 * conversation (the store's), behind this same interface.
 */
public interface ConversationLocks {
    /** Runs {@code work} (blocking) on a worker once the conversation's earlier work is done. */
    <T> Future<T> inTurn(String key, Callable<T> work);
}
