package io.guichet.people;

import java.util.List;
import java.util.Set;

/**
 * The person behind a conversation, as far as their details tell: those details, and their other
 * conversations (on any channel, with any team).
 */
public record SamePerson(Set<ContactKey> contacts, List<PersonConversation> otherConversations) {
}
