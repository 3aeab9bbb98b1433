package io.guichet.handoff;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.ConversationStore;
import io.guichet.conversation.Message;
import io.guichet.conversation.Status;
import io.guichet.dialogue.Outbox;
import io.guichet.dialogue.Reply;
import io.guichet.handoff.HandoffException.Kind;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Agents taking conversations over: the queue of their team, an exclusive claim (two agents
 * cannot hold one conversation), their messages to the user through the conversation's
 * channel, and giving the conversation back to the bot or closing it. Every change is stored
 * before it is answered. Blocking (store): call from a worker.
 */
public final class Handoff {
    private static final Map<String, String> JOINED = Map.of("fr", "%s, %s, a rejoint la conversation.",
            "en", "%s, %s, has joined the conversation.");
    private static final Map<String, String> BACK_TO_BOT = Map.of("fr",
            "Vous êtes de nouveau avec l'assistant. Comment puis-je vous aider ?",
            "en", "You're back with the assistant. How can I help?");

    static final String NOT_DELIVERED = "[Message not delivered: the channel refused it, e.g. WhatsApp more than"
            + " 24 hours after the person's last message. Contact them another way.]";

    private final ConversationStore store;
    private final Map<String, Outbox> outboxes;
    private final Clock clock;

    /** @param outboxes per channel name, the way to reach a user outside their own requests */
    public Handoff(ConversationStore store, Map<String, Outbox> outboxes, Clock clock) {
        this.store = store;
        this.outboxes = outboxes;
        this.clock = clock;
    }

    /** The conversations waiting for the agent's team, longest waiting first. */
    public List<Conversation> queue(Agent agent) {
        return store.waiting().stream().filter(c -> agent.serves(c.team())).toList();
    }

    public Conversation claim(String id, Agent agent) {
        Conversation conversation = find(id);
        synchronized (conversation) {
            if (conversation.status() == Status.AGENT && agent.id().equals(conversation.agent())) {
                return conversation;
            }
            if (conversation.status() != Status.WAITING_AGENT) {
                throw new HandoffException(Kind.CONFLICT, conversation.status() == Status.AGENT
                        ? "conversation " + id + " is already held by another agent"
                        : "conversation " + id + " is not waiting for an agent");
            }
            if (!agent.serves(conversation.team())) {
                throw new HandoffException(Kind.FORBIDDEN, "conversation " + id + " waits for team " + conversation.team());
            }
            String lang = conversation.lang() == null ? "fr" : conversation.lang();
            conversation.status(Status.AGENT);
            conversation.agent(agent.id());
            say(conversation, "bot", String.format(JOINED.getOrDefault(lang, JOINED.get("fr")), agent.name(),
                    agent.title(lang)));
            return conversation;
        }
    }

    public void message(String id, Agent agent, String text) {
        Conversation conversation = find(id);
        synchronized (conversation) {
            requireHeld(conversation, agent);
            say(conversation, "agent", text);
        }
    }

    /** Gives the conversation back to the bot. */
    public void release(String id, Agent agent) {
        Conversation conversation = find(id);
        synchronized (conversation) {
            requireHeld(conversation, agent);
            conversation.status(Status.BOT);
            conversation.agent(null);
            String lang = conversation.lang() == null ? "fr" : conversation.lang();
            say(conversation, "bot", BACK_TO_BOT.getOrDefault(lang, BACK_TO_BOT.get("fr")));
        }
    }

    public void close(String id, Agent agent) {
        Conversation conversation = find(id);
        synchronized (conversation) {
            requireHeld(conversation, agent);
            conversation.status(Status.CLOSED);
            store.save(conversation, List.of());
        }
    }

    /** Stores the line, then sends it to the user through their channel. */
    private void say(Conversation conversation, String from, String text) {
        Message message = new Message(from, text, clock.instant());
        store.save(conversation, List.of(message));
        conversation.append(message);
        Outbox outbox = outboxes.get(conversation.channel());
        if (outbox != null && !outbox.deliver(conversation, List.of(new Reply.Text(text)))) {
            // Marked in the transcript, where the agent sees it: the channel would not send it.
            Message note = new Message("bot", NOT_DELIVERED, clock.instant());
            store.save(conversation, List.of(note));
            conversation.append(note);
        }
    }

    private static void requireHeld(Conversation conversation, Agent agent) {
        if (conversation.status() != Status.AGENT || !agent.id().equals(conversation.agent())) {
            throw new HandoffException(Kind.CONFLICT, "conversation " + conversation.id() + " is not held by "
                    + agent.id());
        }
    }

    private Conversation find(String id) {
        return store.find(id).orElseThrow(() -> new HandoffException(Kind.NOT_FOUND, "no conversation " + id));
    }
}
