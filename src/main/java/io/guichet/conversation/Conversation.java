package io.guichet.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversation's state, as one turn sees it. The store hands out copies: a turn changes its own
 * copy and commits it, so that nothing is shared between threads and a turn that fails to commit
 * leaves no trace. Turns of one conversation are put in order by the turn gateway, not by locks
 * on this object.
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
    private boolean fellBack;
    private Survey survey;

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
    public String lang() {
        return lang;
    }

    public void lang(String lang) {
        this.lang = lang;
    }

    public Status status() {
        return status;
    }

    public void status(Status status) {
        this.status = status;
    }

    /** The user's id on a messaging channel (a PSID, a phone number), or null on the web. */
    public String channelUser() {
        return channelUser;
    }

    public void channelUser(String channelUser) {
        this.channelUser = channelUser;
    }

    /** The team the conversation was handed to; null until handed off. */
    public String team() {
        return team;
    }

    public void team(String team) {
        this.team = team;
    }

    /** The id of the agent holding the conversation; null when none does. */
    public String agent() {
        return agent;
    }

    public void agent(String agent) {
        this.agent = agent;
    }

    /**
     * Since when the conversation waits for an agent; after a restart, the time of its last
     * line, the best the transcript tells. Null when it does not wait.
     */
    public Instant waitingSince() {
        if (status != Status.WAITING_AGENT) {
            return null;
        }
        if (waitingSince == null && !messages.isEmpty()) {
            return messages.get(messages.size() - 1).at();
        }
        return waitingSince == null ? createdAt : waitingSince;
    }

    /** Since when the stored conversation waits, as it was committed; null when that was not stored. */
    public void waitingSince(Instant at) {
        this.waitingSince = at;
    }

    /** Puts the conversation in its team's queue from {@code at} on. */
    public void waitForAgent(String team, Instant at) {
        this.status = Status.WAITING_AGENT;
        this.team = team;
        this.agent = null;
        this.waitingSince = at;
    }

    /** Whether the bot's last answer was a fallback: it found nothing it trusted to say. */
    public boolean fellBack() {
        return fellBack;
    }

    public void fellBack(boolean fellBack) {
        this.fellBack = fellBack;
    }

    /** The rating or comment the bot asked for and waits for; null when it waits for none. */
    public Survey survey() {
        return survey;
    }

    public void survey(Survey survey) {
        this.survey = survey;
    }

    /** The journey under way or last followed; null when there has been none. */
    public JourneyState journey() {
        return journey;
    }

    public void journey(JourneyState journey) {
        this.journey = journey;
    }

    public void append(Message message) {
        messages.add(message);
    }

    /** Drops the messages older than {@code cutoff} (the retention period has run out for them). */
    public void forgetBefore(Instant cutoff) {
        messages.removeIf(m -> m.at().isBefore(cutoff));
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    /** A copy that shares nothing mutable with this one: the state a turn may change. */
    public Conversation copy() {
        Conversation copy = restore(id, channel, channelUser, lang, status, createdAt,
                journey == null ? null : journey.copy(), team, agent, messages);
        copy.waitingSince = waitingSince;
        copy.fellBack = fellBack;
        copy.survey = survey;
        return copy;
    }
}
