package io.guichet.handoff;

import io.guichet.conversation.AlreadyClaimedException;
import io.guichet.conversation.Conversation;
import io.guichet.conversation.ConversationStore;
import io.guichet.conversation.JourneyState;
import io.guichet.conversation.JourneyState.Stage;
import io.guichet.conversation.HandoffStep;
import io.guichet.conversation.Message;
import io.guichet.conversation.Status;
import io.guichet.conversation.Survey;
import io.guichet.conversation.TurnCommit;
import io.guichet.dialogue.ConversationEvents;
import io.guichet.dialogue.Outbox;
import io.guichet.dialogue.Reply;
import io.guichet.dialogue.Satisfaction;
import io.guichet.dialogue.Staffing;
import io.guichet.handoff.HandoffException.Kind;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Agents taking conversations over: the queue of their team, an exclusive claim (two agents
 * cannot hold one conversation), their messages to the user through the conversation's
 * channel, internal notes, a transfer to another team, and giving the conversation back to the
 * bot or closing it. Every change is stored before it is answered, then told to the live views and
 * the conversation's channel. It also knows who is online, so that a user is not left waiting for
 * nobody. Blocking (store): call from a worker, in the conversation's turn (the turn gateway), so
 * that an agent's action and the person's messages are never applied at once.
 */
public final class Handoff implements Staffing {
    /** An agent who used the API this recently counts as online, like one with the console open. */
    static final Duration API_PRESENCE = Duration.ofMinutes(2);
    /** The estimate per conversation ahead in the queue, before any wait has been measured. */
    static final Duration FIRST_ESTIMATE = Duration.ofMinutes(2);
    private static final int WAITS_KEPT = 20;
    private static final Map<String, String> JOINED = Map.of("fr", "%s, %s, a rejoint la conversation.",
            "en", "%s, %s, has joined the conversation.");
    private static final Map<String, String> BACK_TO_BOT = Map.of("fr",
            "Vous êtes de nouveau avec l'assistant. Comment puis-je vous aider ?",
            "en", "You're back with the assistant. How can I help?");
    private static final Map<String, String> TRANSFERRED = Map.of("fr",
            "Je transmets votre conversation à une autre équipe (%s), qui va vous répondre ici.",
            "en", "I'm passing your conversation on to %s, who will answer you here.");

    static final String NOT_DELIVERED = "[Message not delivered: the channel refused it, e.g. WhatsApp more than"
            + " 24 hours after the person's last message. Contact them another way.]";

    private final ConversationStore store;
    private final Map<String, Outbox> outboxes;
    private final AgentDirectory directory;
    private final BiFunction<String, String, String> teamNames;
    private final ConversationEvents events;
    private final Clock clock;
    private final AgentPresence presence;
    private final Map<String, Deque<Duration>> recentWaits = new HashMap<>();

    /**
     * @param outboxes  per channel name, whether a user can be reached outside their own requests
     * @param teamNames a team's name for users, from its id and a language
     */
    public Handoff(ConversationStore store, Map<String, Outbox> outboxes, AgentDirectory directory,
                   BiFunction<String, String, String> teamNames, ConversationEvents events, Clock clock) {
        this.store = store;
        this.outboxes = outboxes;
        this.directory = directory;
        this.teamNames = teamNames;
        this.events = events;
        this.clock = clock;
        this.presence = new AgentPresence(API_PRESENCE, clock);
    }

    /** Agents online on the other nodes count too: presence is shared through Vert.x shared data. */
    public void sharePresenceThrough(Vertx vertx) {
        presence.shareThrough(vertx);
    }

    /** The conversations waiting for the agent's team, longest waiting first. */
    public List<Conversation> queue(Agent agent) {
        return store.waiting().stream().filter(c -> agent.serves(c.team())).toList();
    }

    /** The conversation, for an agent of its team (or of every team), whatever its status. */
    public Conversation open(String id, Agent agent) {
        Conversation conversation = find(id);
        if (conversation.team() != null && !agent.serves(conversation.team())) {
            throw new HandoffException(Kind.FORBIDDEN, "conversation " + id + " belongs to team " + conversation.team());
        }
        return conversation;
    }

    public Conversation claim(String id, Agent agent) {
        Conversation conversation = find(id);
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
        Duration waited = Duration.between(conversation.waitingSince(), clock.instant());
        JourneyState journey = conversation.journey();
        if (journey != null && (journey.stage() == Stage.CONTACT_NAME || journey.stage() == Stage.CONTACT_DETAILS)) {
            // The message the bot was taking for lack of an agent: an agent is here now.
            journey.stage(Stage.DONE);
        }
        String lang = lang(conversation);
        conversation.status(Status.AGENT);
        conversation.agent(agent.id());
        try {
            say(conversation, "bot", List.of(new Reply.Text(String.format(JOINED.getOrDefault(lang, JOINED.get("fr")),
                    agent.name(), agent.title(lang)))), new HandoffStep(HandoffStep.Kind.CLAIMED, conversation.team()));
        } catch (AlreadyClaimedException e) {
            throw new HandoffException(Kind.CONFLICT, e.getMessage());
        }
        remember(conversation.team(), waited);
        return conversation;
    }

    public void message(String id, Agent agent, String text) {
        Conversation conversation = find(id);
        requireHeld(conversation, agent);
        say(conversation, "agent", List.of(new Reply.Text(text)), null);
    }

    /** An internal note on the conversation, for the agents only: the user never sees it. */
    public void note(String id, Agent agent, String text) {
        Conversation conversation = open(id, agent);
        commit(conversation, List.of(new Message(Message.NOTE, agent.name() + " : " + text, clock.instant())),
                List.of(), null);
    }

    /** Puts the conversation in another team's queue; its holder, or an agent of its current team, may. */
    public void transfer(String id, Agent agent, String team) {
        Conversation conversation = find(id);
        boolean held = conversation.status() == Status.AGENT && agent.id().equals(conversation.agent());
        boolean waitingForThem = conversation.status() == Status.WAITING_AGENT && agent.serves(conversation.team());
        if (!held && !waitingForThem) {
            throw new HandoffException(Kind.CONFLICT, "conversation " + id + " is neither held by " + agent.id()
                    + " nor waiting for their team");
        }
        conversation.waitForAgent(team, clock.instant());
        String lang = lang(conversation);
        say(conversation, "bot", List.of(new Reply.Text(String.format(TRANSFERRED.getOrDefault(lang,
                TRANSFERRED.get("fr")), teamNames.apply(team, lang)))), new HandoffStep(HandoffStep.Kind.TRANSFERRED, team));
    }

    /** Gives the conversation back to the bot. */
    public void release(String id, Agent agent) {
        Conversation conversation = find(id);
        requireHeld(conversation, agent);
        conversation.status(Status.BOT);
        conversation.agent(null);
        String lang = lang(conversation);
        say(conversation, "bot", List.of(new Reply.Text(BACK_TO_BOT.getOrDefault(lang, BACK_TO_BOT.get("fr")))),
                new HandoffStep(HandoffStep.Kind.RELEASED, conversation.team()));
    }

    /** Closes the conversation and asks the person to rate the exchange, where the channel still reaches them. */
    public void close(String id, Agent agent) {
        Conversation conversation = find(id);
        requireHeld(conversation, agent);
        conversation.status(Status.CLOSED);
        conversation.survey(new Survey(Survey.Step.RATING, conversation.team()));
        say(conversation, "bot", Satisfaction.askRating(lang(conversation)),
                new HandoffStep(HandoffStep.Kind.CLOSED, conversation.team()));
    }

    /** An agent opened the console: online until it closes, whatever the API use. */
    public void consoleOpened(Agent agent) {
        presence.consoleOpened(agent.id());
    }

    public void consoleClosed(Agent agent) {
        presence.consoleClosed(agent.id());
    }

    /** An agent used the API: an integration's agent counts as online for a while after. */
    public void seen(Agent agent) {
        presence.apiUsed(agent.id());
    }

    @Override
    public Availability availability(String team) {
        Instant now = clock.instant();
        boolean open = directory.hours(team).map(hours -> hours.openAt(now)).orElse(true);
        if (!open) {
            return new Availability(false, null);
        }
        Set<String> present = presence.online();
        long online = directory.agents().stream().filter(a -> a.serves(team)).filter(a -> present.contains(a.id()))
                .count();
        if (online == 0) {
            return new Availability(false, null);
        }
        return new Availability(true, expectedWait(team, online));
    }

    /**
     * The median of the team's last measured waits; before any, a fixed time per conversation
     * ahead in the queue, shared among the agents online.
     */
    private Duration expectedWait(String team, long online) {
        synchronized (recentWaits) {
            Deque<Duration> waits = recentWaits.get(team);
            if (waits != null && !waits.isEmpty()) {
                return waits.stream().sorted().toList().get(waits.size() / 2);
            }
        }
        long ahead = store.waiting().stream().filter(c -> team.equals(c.team())).count();
        return FIRST_ESTIMATE.multipliedBy(Math.max(1, (ahead + online - 1) / online));
    }

    private void remember(String team, Duration wait) {
        synchronized (recentWaits) {
            Deque<Duration> waits = recentWaits.computeIfAbsent(team, t -> new ArrayDeque<>());
            waits.addLast(wait);
            if (waits.size() > WAITS_KEPT) {
                waits.removeFirst();
            }
        }
    }

    /**
     * Stores the replies' text with the change of the conversation and the agent's step (null for
     * a message), then has them told to the live views and delivered through the conversation's
     * channel. A channel that will not take them (WhatsApp, 24 hours after the person's last
     * message) gets nothing, and a note says so in the transcript, where the agent sees it; a
     * survey is then not asked.
     */
    private void say(Conversation conversation, String from, List<Reply> replies, HandoffStep step) {
        List<Message> lines = new ArrayList<>();
        for (Reply reply : replies) {
            if (reply instanceof Reply.Text text) {
                lines.add(new Message(from, text.text(), clock.instant()));
            }
        }
        Outbox outbox = outboxes.get(conversation.channel());
        boolean reachable = outbox == null || outbox.reaches(conversation);
        if (!reachable) {
            lines.add(new Message(Message.NOTE, NOT_DELIVERED, clock.instant()));
            conversation.survey(null);
        }
        commit(conversation, lines, reachable ? replies : List.of(), step);
    }

    /** Stores, then tells; a step of the hand-off changes the conversation's status or team. */
    private void commit(Conversation conversation, List<Message> lines, List<Reply> replies, HandoffStep step) {
        store.commit(TurnCommit.of(conversation, lines, step));
        events.committed(new ConversationEvents.Committed(conversation, lines, replies, step != null, null));
    }

    private static String lang(Conversation conversation) {
        return conversation.lang() == null ? "fr" : conversation.lang();
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
