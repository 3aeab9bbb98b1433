package io.guichet.conversation;

import java.util.Locale;

/** Who answers the conversation: the bot, nobody yet (handed off), an agent, or nobody any more. */
public enum Status {
    BOT, WAITING_AGENT, AGENT, CLOSED;

    /** The contract's spelling: {@code bot}, {@code waiting_agent}, {@code agent}, {@code closed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
