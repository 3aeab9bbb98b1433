package io.guichet.conversation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where conversations live. Every conversation it returns is a copy of the last committed state,
 * the caller's own to change; a change counts once {@link #commit} returns.
 */
public interface ConversationStore {
    /** A new conversation, already stored when this returns. */
    Conversation create(String channel, String lang);

    Optional<Conversation> find(String id);

    /** The conversation of a channel's user (one per channel and user), created on first contact. */
    Conversation forChannelUser(String channel, String channelUser);

    /** The conversations waiting for an agent, longest waiting first. */
    List<Conversation> waiting();

    /**
     * Stores a turn in one transaction: the conversation's state, the lines it appended, its lead,
     * its record and the inbox entry it handled. Returns only once all are durable; a reply is sent
     * after, never before. On failure nothing of it is stored. On success the conversation holds the
     * appended lines and becomes the store's committed state: the caller reads it, and changes a
     * copy from {@link #find} next time. Returns the id of the turn's record, 0 when it had none.
     */
    long commit(TurnCommit commit);

    /** Stores a change of the conversation and the lines it appended, as {@link #commit} does. */
    default void save(Conversation conversation, List<Message> appended) {
        commit(TurnCommit.of(conversation, appended));
    }

    /** The answer kept for the message its client named {@code messageId} in the conversation, if any. */
    Optional<MessageReceipt> receipt(String conversationId, String messageId);

    /** The id of the conversation's latest turn, when that turn answered from the pages. */
    OptionalLong lastAnswer(String conversationId);

    /** Whether {@code turn} is a turn of the conversation's that answered from the pages. */
    boolean answeredFromPages(String conversationId, long turn);

    /**
     * Empty when the store can write; otherwise why it cannot (a full disk, a read-only folder, a
     * database server out of reach). May try a write to find out: call off the event loop.
     */
    default Optional<String> writeProblem() {
        return Optional.empty();
    }
}
