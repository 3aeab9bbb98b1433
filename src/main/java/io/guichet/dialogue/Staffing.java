package io.guichet.dialogue;

import java.time.Duration;

/** Whether a team can take a conversation now, and how long a user should expect to wait for it. */
public interface Staffing {
    /** For tools and tests without agents: always staffed, wait unknown. */
    Staffing ALWAYS = team -> new Availability(true, null);

    Availability availability(String team);

    /**
     * @param staffed      an agent of the team is online, within the team's opening hours
     * @param expectedWait null when there is nothing to base an estimate on
     */
    record Availability(boolean staffed, Duration expectedWait) {
    }
}
