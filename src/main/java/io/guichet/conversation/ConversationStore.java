package io.guichet.conversation;

import java.util.List;
import java.util.Optional;

/** Where conversations live. */
public interface ConversationStore {
    /** A new conversation, already stored when this returns. */
    Conversation create(String channel, String lang);

    Optional<Conversation> find(String id);

    /** The conversation of a channel's user (one per channel and user), created on first contact. */
    Conversation forChannelUser(String channel, String channelUser);

    /** The conversations waiting for an agent, longest waiting first. */
    List<Conversation> waiting();

    /**
     * Stores a turn at once: the messages it appended and the conversation's language and
     * status. Returns only once they are durable; a reply is sent after, never before.
     */
    void save(Conversation conversation, List<Message> appended);

    /**
     * Empty when the store can write; otherwise why it cannot (a full disk, a read-only folder).
     * May try a write to find out: call off the event loop.
     */
    default Optional<String> writeProblem() {
        return Optional.empty();
    }
}
