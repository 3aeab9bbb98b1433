package io.guichet.conversation;

import java.time.Instant;
import java.util.List;

/**
 * Where webhook messages wait until a turn has answered them. A webhook answers 200 only once its
 * messages are here, so a crash right after loses nothing; they are handled once each, since a
 * redelivery of a message already received is dropped here and the turn that answers one marks
 * it handled in its own transaction ({@link TurnCommit#inboxEntry()}). An entry is leased to the
 * node that took it, so that nodes sharing the store do not answer it twice; once the lease runs
 * out without the entry handled (the node died, its turn failed), any node takes it up again.
 * Blocking: call on a worker.
 */
public interface Inbox {
    /**
     * Stores the messages never received before, leased to the caller until {@code leasedUntil};
     * returns those, numbered, in the order given.
     */
    List<InboxEntry> accept(List<InboxEntry> received, Instant leasedUntil);

    /**
     * The channel's entries not handled yet and not leased at {@code now}, oldest first, leased to
     * the caller until {@code leasedUntil}: what a restart, or a node whose turn failed, resumes.
     */
    List<InboxEntry> takePending(String channel, Instant now, Instant leasedUntil);

    /** Marks an entry handled without a turn: a message the channel does not allow to answer any more. */
    void dismiss(long entry);
}
