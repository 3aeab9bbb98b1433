package io.guichet.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversation's state. Callers that change it hold its monitor ({@code synchronized
 * (conversation)}) for the whole turn, so that two messages of one conversation are handled one
 * after the other while different conversations proceed in parallel.
 */
public final class Conversation {
    private final String id;
    private final String channel;
    private final Instant createdAt;
    private final List<Message> messages = new ArrayList<>();
    private String lang;
    private Status status = Status.BOT;
    private JourneyState journey;
    private String channelUser;
    private String team;
    private String agent;
    private Instant waitingSince;

    public Conversation(String id, String channel, String lang, Instant createdAt) {
        this.id = id;
        this.channel = channel;
        this.lang = lang;
        this.createdAt = createdAt;
    }

    /** A stored conversation as it was left. */
    public static Conversation restore(String id, String channel, String channelUser, String lang, Status status,
                                       Instant createdAt, JourneyState journey, String team, String agent,
                                       List<Message> messages) {
        Conversation conversation = new Conversation(id, channel, lang, createdAt);
        conversation.channelUser = channelUser;
        conversation.status = status;
        conversation.journey = journey;
        conversation.team = team;
        conversation.agent = agent;
        conversation.messages.addAll(messages);
        return conversation;
    }

    public String id() {
        return id;
    }

    public String channel() {
        return channel;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The language of the conversation so far; null until known. */
    public synchronized String lang() {
        return lang;
    }

    public synchronized void lang(String lang) {
        this.lang = lang;
    }

    public synchronized Status status() {
        return status;
    }

    public synchronized void status(Status status) {
        this.status = status;
    }

    /** The user's id on a messaging channel (a PSID, a phone number), or null on the web. */
    public synchronized String channelUser() {
        return channelUser;
    }

    public synchronized void channelUser(String channelUser) {
        this.channelUser = channelUser;
    }

    /** The team the conversation was handed to; null until handed off. */
    public synchronized String team() {
        return team;
    }

    public synchronized void team(String team) {
        this.team = team;
    }

    /** The id of the agent holding the conversation; null when none does. */
    public synchronized String agent() {
        return agent;
    }

    public synchronized void agent(String agent) {
        this.agent = agent;
    }

    /**
     * Since when the conversation waits for an agent; after a restart, the time of its last
     * line, the best the transcript tells. Null when it does not wait.
     */
    public synchronized Instant waitingSince() {
        if (status != Status.WAITING_AGENT) {
            return null;
        }
        if (waitingSince == null && !messages.isEmpty()) {
            return messages.get(messages.size() - 1).at();
        }
        return waitingSince == null ? createdAt : waitingSince;
    }

    /** Puts the conversation in its team's queue from {@code at} on. */
    public synchronized void waitForAgent(String team, Instant at) {
        this.status = Status.WAITING_AGENT;
        this.team = team;
        this.agent = null;
        this.waitingSince = at;
    }

    /** The journey under way or last followed; null when there has been none. */
    public synchronized JourneyState journey() {
        return journey;
    }

    public synchronized void journey(JourneyState journey) {
        this.journey = journey;
    }

    public synchronized void append(Message message) {
        messages.add(message);
    }

    /** Drops the messages older than {@code cutoff} (the retention period has run out for them). */
    public synchronized void forgetBefore(Instant cutoff) {
        messages.removeIf(m -> m.at().isBefore(cutoff));
    }

    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }
}
