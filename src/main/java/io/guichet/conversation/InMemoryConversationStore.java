package io.guichet.conversation;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Conversations kept in memory, for the life of the process. Ids are 128 random bits: unguessable. */
public final class InMemoryConversationStore implements ConversationStore {
    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public InMemoryConversationStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Conversation create(String channel, String lang) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Conversation conversation = new Conversation(id, channel, lang, clock.instant());
        conversations.put(id, conversation);
        return conversation;
    }

    @Override
    public Optional<Conversation> find(String id) {
        return Optional.ofNullable(conversations.get(id));
    }
}
