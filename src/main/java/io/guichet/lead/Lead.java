package io.guichet.lead;

import java.time.Instant;
import java.util.Map;

/**
 * A qualified request a person agreed to pass to a team: who (name, and an e-mail or a phone),
 * for which journey and team, and what they asked (the journey's slots).
 */
public record Lead(long id, String conversationId, String journey, String team, String lang, String name,
                   String email, String phone, Map<String, Object> slots, Instant createdAt) {
}
