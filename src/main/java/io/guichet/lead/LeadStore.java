package io.guichet.lead;

import java.util.List;

/** Where leads are kept. Only leads given with consent ever reach it. */
public interface LeadStore {
    /** Stores the lead (its id is ignored) and returns it with the id it was given. */
    Lead add(Lead lead);

    /** Every lead, newest first. */
    List<Lead> all();
}
