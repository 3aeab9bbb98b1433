package io.guichet.conversation;

/**
 * What the bot asked the person to rate and still waits for: the service from 1 to 5 (asked when
 * an agent closes the conversation or once a lead is stored), then an optional comment. The team
 * the rating goes to is kept with it, as it was when asked.
 */
public record Survey(Step step, String team) {
    public enum Step { RATING, COMMENT }

    /** As stored: "RATING:convention_bureau", or "RATING:" for no team. */
    public String stored() {
        return step.name() + ":" + (team == null ? "" : team);
    }

    /** The survey a stored value describes; null for none. */
    public static Survey fromStored(String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        String team = stored.substring(colon + 1);
        return new Survey(Step.valueOf(stored.substring(0, colon)), team.isEmpty() ? null : team);
    }
}
