package io.guichet.people;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the store keeps about a person, found by their e-mail or phone: the conversations whose
 * leads carry it, those where the person typed it, and the WhatsApp conversation of that number;
 * then everything stored under those conversations, and the webhook messages of their channel
 * users. Tables added later that key their rows by conversation are covered without changes.
 */
public interface PeopleStore {
    /** Everything stored about the person, table by table, each row as its columns' values. */
    Map<String, List<Map<String, Object>>> export(ContactKey key);

    /** Deletes what {@link #export} returns, in one transaction; the rows deleted, per table. */
    Map<String, Integer> erase(ContactKey key);

    /**
     * The contact details a conversation holds: those of its leads, those its person typed, its
     * WhatsApp number. Empty for an unknown conversation.
     */
    Set<ContactKey> contactsOf(String conversationId);

    /** The conversations of whoever has one of these details, the most recently active first. */
    List<PersonConversation> conversationsOf(Set<ContactKey> keys);
}
