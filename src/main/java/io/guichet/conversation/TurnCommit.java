package io.guichet.conversation;

import io.guichet.lead.Lead;
import java.util.List;

/**
 * Everything one turn writes, committed in one transaction: the conversation's new state, the
 * lines it added, the lead it produced, its record, the webhook inbox entry it handled, and the
 * events it adds to the figures. Either all of it is stored or none: a failed commit followed by a
 * retry stores a lead once.
 *
 * @param lead        a lead the person agreed to pass on, or null
 * @param record      the turn's record, or null for a change that is no turn of the person's (an agent's action)
 * @param inboxEntry  the webhook inbox entry this turn answers, or null
 * @param feedback    what the person thought of an answer or of the service, or null
 * @param handoffStep what an agent did to the conversation, or null
 * @param receipt     the answer to keep for a message its client named, or null; stored with the
 *                    id of this turn's record
 */
public record TurnCommit(Conversation state, List<Message> appended, Lead lead, TurnRecord record, Long inboxEntry,
                         Feedback feedback, HandoffStep handoffStep, MessageReceipt receipt) {
    public TurnCommit(Conversation state, List<Message> appended, Lead lead, TurnRecord record, Long inboxEntry) {
        this(state, appended, lead, record, inboxEntry, null, null, null);
    }

    public TurnCommit(Conversation state, List<Message> appended, Lead lead, TurnRecord record, Long inboxEntry,
                      Feedback feedback, HandoffStep handoffStep) {
        this(state, appended, lead, record, inboxEntry, feedback, handoffStep, null);
    }

    /** The same commit, keeping {@code receipt} (null: none) for the message it answers. */
    public TurnCommit receipt(MessageReceipt kept) {
        return new TurnCommit(state, appended, lead, record, inboxEntry, feedback, handoffStep, kept);
    }

    /** A change of state and transcript only. */
    public static TurnCommit of(Conversation state, List<Message> appended) {
        return new TurnCommit(state, appended, null, null, null);
    }

    /** An agent's step, with the change of state and the lines it brings. */
    public static TurnCommit of(Conversation state, List<Message> appended, HandoffStep step) {
        return new TurnCommit(state, appended, null, null, null, null, step);
    }

    /** The person's feedback, with the change of state and the lines it brings; no turn of theirs. */
    public static TurnCommit of(Conversation state, List<Message> appended, Feedback feedback, Long inboxEntry) {
        return new TurnCommit(state, appended, null, null, inboxEntry, feedback, null);
    }
}
