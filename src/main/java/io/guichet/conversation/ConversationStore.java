package io.guichet.conversation;

import java.util.List;
import java.util.Optional;

/** Where conversations live. */
public interface ConversationStore {
    /** A new conversation, already stored when this returns. */
    Conversation create(String channel, String lang);

    Optional<Conversation> find(String id);

    /**
     * Stores a turn at once: the messages it appended and the conversation's language and
     * status. Returns only once they are durable; a reply is sent after, never before.
     */
    void save(Conversation conversation, List<Message> appended);
}
