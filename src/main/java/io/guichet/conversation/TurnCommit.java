package io.guichet.conversation;

import io.guichet.lead.Lead;
import java.util.List;

/**
 * Everything one turn writes, committed in one transaction: the conversation's new state, the
 * lines it added, the lead it produced, its record, and the webhook inbox entry it handled. Either
 * all of it is stored or none: a failed commit followed by a retry stores a lead once.
 *
 * @param lead       a lead the person agreed to pass on, or null
 * @param record     the turn's record, or null for a change that is no turn of the person's (an agent's action)
 * @param inboxEntry the webhook inbox entry this turn answers, or null
 */
public record TurnCommit(Conversation state, List<Message> appended, Lead lead, TurnRecord record, Long inboxEntry) {
    /** A change of state and transcript only. */
    public static TurnCommit of(Conversation state, List<Message> appended) {
        return new TurnCommit(state, appended, null, null, null);
    }
}
