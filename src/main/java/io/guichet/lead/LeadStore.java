package io.guichet.lead;

import java.util.List;

/**
 * Where leads are read. Only leads given with consent ever reach it, each stored in the
 * transaction of the turn that produced it ({@code ConversationStore.commit}).
 */
public interface LeadStore {
    /** Every lead, newest first. */
    List<Lead> all();
}
