package io.guichet.crm;

import io.guichet.lead.Lead;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Where the leads to push to the teams' CRMs wait, and what became of each attempt. A delivery is
 * queued in the transaction that stores its lead, so a lead is never stored without it; it
 * survives a restart, and is sent at least once (a receiver tells a second copy by its id).
 */
public interface DeliveryStore {
    /** From now on, each lead for one of {@code teams} is queued for delivery in its own turn's transaction. */
    void queueLeadsOf(Set<String> teams);

    /**
     * Up to {@code limit} of the team's deliveries due at {@code now}, longest due first, each with
     * its lead, leased to the caller until {@code leasedUntil} (or until its attempt is recorded):
     * nodes sharing the store never take the same delivery at once, and a node that dies leaves
     * its deliveries to the others once the lease runs out.
     */
    List<Delivery> due(Instant now, String team, int limit, Instant leasedUntil);

    /** Records how an attempt at a delivery went, which ends its lease. */
    void attempted(long delivery, Attempt attempt);

    /** A lead to deliver, and the attempts already made. */
    record Delivery(long id, int attempts, Lead lead) {
    }

    /**
     * One attempt's outcome.
     *
     * @param attempts how many attempts, this one included
     * @param status   the receiver's HTTP status, or null when it gave none (refused, timed out)
     * @param error    why it failed (a status, a time-out: nothing the lead said), or null when delivered
     * @param retryAt  when to try again, or null: delivered, or failed for good
     */
    record Attempt(int attempts, Instant at, Integer status, String error, Instant retryAt) {
        public boolean delivered() {
            return error == null;
        }
    }
}
