package io.guichet.conversation;

import java.util.List;

/**
 * Where webhook messages wait until a turn has answered them. A webhook answers 200 only once its
 * messages are here, so a crash right after loses nothing; they are handled once each, since a
 * redelivery of a message already received is dropped here and the turn that answers one marks
 * it handled in its own transaction ({@link TurnCommit#inboxEntry()}). Blocking: call on a worker.
 */
public interface Inbox {
    /** Stores the messages never received before; returns those, numbered, in the order given. */
    List<InboxEntry> accept(List<InboxEntry> received);

    /** The entries not handled yet, oldest first: what a restart resumes. */
    List<InboxEntry> pending();

    /** Marks an entry handled without a turn: a message the channel does not allow to answer any more. */
    void dismiss(long entry);
}
