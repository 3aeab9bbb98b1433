package io.guichet.handoff;

import java.util.Map;

/**
 * A person of a territory's team who takes conversations over. {@code team} is a journey's team
 * id ({@code convention_bureau}…), or {@code *} for someone who sees every queue; {@code title}
 * introduces them to users ("du bureau des congrès").
 */
public record Agent(String id, String name, String team, Map<String, String> title) {
    public boolean serves(String conversationTeam) {
        return "*".equals(team) || team.equals(conversationTeam);
    }

    public String title(String lang) {
        return title.getOrDefault(lang, title.getOrDefault("fr", ""));
    }
}
