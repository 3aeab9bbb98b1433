package io.guichet.people;

import io.guichet.conversation.JourneyState;
import io.guichet.conversation.Status;
import io.guichet.lead.Lead;
import java.time.Instant;
import java.util.List;

/** One conversation of a person's, as their other conversations list it: what it was about, where it stands. */
public record PersonConversation(String id, String channel, Instant createdAt, Instant updatedAt, Status status,
                                 String agent, JourneyState journey, List<Lead> leads) {
}
