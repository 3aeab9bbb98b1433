package io.guichet.dialogue;

/**
 * Pieces of an answer told while a model writes it, before its turn commits: the widget shows
 * them as they come, and the committed answer replaces them (which may be the quote of the
 * pages instead, when the whole answer fails its checks). Called from event-loop threads, in
 * the order written; implementations must not block.
 */
public interface Drafts {
    /** Tells no one: the answer is shown when it is committed. */
    Drafts NONE = (conversationId, piece) -> { };

    /** The next {@code piece} of the answer being written in conversation {@code conversationId}. */
    void drafted(String conversationId, String piece);
}
