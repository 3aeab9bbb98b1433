package io.guichet.nlu;

import java.util.List;
import java.util.Set;

/** The contract's intent names. The engine never answers anything else. */
public final class Intents {
    public static final String NONE = "none";
    public static final String HUMAN_HANDOFF = "human_handoff";
    public static final String GREETING = "greeting";
    public static final String THANKS = "thanks";
    public static final String GOODBYE = "goodbye";
    public static final List<String> JOURNEYS =
            List.of("business_setup", "weekend_stay", "seminar_planning", "relocation");
    public static final Set<String> ALL = Set.of("business_setup", "weekend_stay", "seminar_planning",
            "relocation", HUMAN_HANDOFF, GREETING, THANKS, GOODBYE, NONE);

    private Intents() {
    }

    public static boolean isJourney(String intent) {
        return JOURNEYS.contains(intent);
    }
}
