package io.guichet.handoff;

import java.util.Map;

/**
 * A person of a territory's team who takes conversations over. {@code team} is a journey's team
 * id ({@code convention_bureau}…), or {@code *} for someone who sees every queue; {@code title}
 * introduces them to users ("du bureau des congrès"). A marketing account ({@code role:
 * marketing}) reads the territory's figures and takes no conversation.
 */
public record Agent(String id, String name, String team, Map<String, String> title, boolean marketing) {
    /** An agent who takes conversations over. */
    public Agent(String id, String name, String team, Map<String, String> title) {
        this(id, name, team, title, false);
    }

    public boolean serves(String conversationTeam) {
        return !marketing && ("*".equals(team) || team.equals(conversationTeam));
    }

    public String title(String lang) {
        return title.getOrDefault(lang, title.getOrDefault("fr", ""));
    }
}
