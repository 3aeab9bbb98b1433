package io.guichet.conversation;

import java.util.Optional;

/** Where conversations live. */
public interface ConversationStore {
    Conversation create(String channel, String lang);

    Optional<Conversation> find(String id);
}
