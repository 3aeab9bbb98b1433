package io.guichet.turn;

import io.vertx.core.Future;
import java.util.concurrent.Callable;

/**
 * Puts the work done on one conversation in order: each piece of work runs alone, after the one
 * submitted before it, while other conversations proceed in parallel. One process needs no more
 * than {@link LocalConversationLocks}; several instances sharing a database would take the
 * conversation's row lock or a cluster lock behind this same interface.
 */
public interface ConversationLocks {
    /** Runs {@code work} (blocking) on a worker once the conversation's earlier work is done. */
    <T> Future<T> inTurn(String key, Callable<T> work);
}
