package io.guichet.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person as the territory's teams and its data protection see them, whatever channel they
 * wrote on: one contact with their whole history, which an admin can export or erase. Exports
 * and erasures are logged, by a fingerprint of the key and counts only, never the personal data.
 * Every call blocks on the store: call on a worker.
 */
public final class People {
    private static final Logger LOG = LoggerFactory.getLogger(People.class);

    private final PeopleStore store;

    public People(PeopleStore store) {
        this.store = store;
    }

    /** Everything stored about the person, table by table. */
    public Map<String, List<Map<String, Object>>> export(ContactKey key) {
        Map<String, List<Map<String, Object>>> records = store.export(key);
        Map<String, Integer> rows = new LinkedHashMap<>();
        records.forEach((table, tableRows) -> rows.put(table, tableRows.size()));
        LOG.info("exported person ({}): {}", key, counts(rows));
        return records;
    }

    /** Deletes everything stored about the person; the rows deleted, per table. */
    public Map<String, Integer> erase(ContactKey key) {
        Map<String, Integer> erased = store.erase(key);
        LOG.info("erased person ({}): {}", key, counts(erased));
        return erased;
    }

    /** The contact details of a conversation, and the other conversations of whoever has them. */
    public SamePerson samePersonAs(String conversationId) {
        Set<ContactKey> contacts = store.contactsOf(conversationId);
        return new SamePerson(contacts, store.conversationsOf(contacts).stream()
                .filter(conversation -> !conversation.id().equals(conversationId)).toList());
    }

    private static String counts(Map<String, Integer> perTable) {
        return perTable.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }
}
