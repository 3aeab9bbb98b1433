package io.guichet.analytics;

import java.util.List;
import java.util.Map;

/**
 * The figures the store keeps for the territory's marketing team, read from the turns' records,
 * the transcripts and the leads. Reads only, on a connection of their own: a dashboard's query
 * never holds up a conversation's turn.
 */
public interface AnalyticsStore {
    /** Conversations and the person's messages over the period, as a whole and split. */
    Overview overview(Filter filter);

    /** Each journey's funnel, the demand behind it, and the teams its leads went to. */
    List<Funnel> funnels(Filter filter);

    /** Conversations handed to a person, and how long they waited for an agent's first reply. */
    Handoffs handoffs(Filter filter);

    /** What people thought: the ratings of the service and the thumbs on answers. */
    Satisfaction satisfaction(Filter filter);

    /** The pages answers quoted, most quoted first. */
    List<Count> pagesQuoted(Filter filter);

    /**
     * The questions the bot could not answer (out-of-scope requests aside) and those whose answer
     * got a thumb down, each text once with the times it was asked, the {@code limit} asked most
     * recently.
     */
    List<ContentGaps.Question> unanswered(Filter filter, int limit);

    /**
     * The leads of the period pushed to the teams' CRMs: per team, and the {@code limit} latest
     * deliveries whose last attempt failed. The period is the leads'; the other criteria do not apply.
     */
    Deliveries deliveries(Filter filter, int limit);

    /** A key and how many. */
    record Count(String key, long count) {
    }

    /** One day: conversations with a turn that day, and the person's messages. */
    record Day(String day, long conversations, long messages) {
    }

    /**
     * @param fallbacks   the bot's "I don't know"s, out-of-scope requests aside
     * @param outOfScope  requests the territory does not deal with (the weather, an alarm)
     * @param handedOff   conversations handed to a team
     */
    record Overview(long conversations, long messages, long fallbacks, long outOfScope, long handedOff,
                    List<Day> days, List<Count> channels, List<Count> languages, List<Count> journeys) {
    }

    /**
     * started → required facts given → recommendations shown → consent → lead, in conversations.
     *
     * @param teams  leads per team they went to
     * @param demand what the people who started it asked for, per slot
     */
    record Funnel(String journey, long started, long factsGiven, long recommended, long consented, long leads,
                  List<Count> teams, Map<String, Demand> demand) {
    }

    /**
     * The figures people gave for one slot (group sizes, surfaces, budgets, nights), or for a
     * date slot the months they asked for.
     */
    record Demand(long count, double sum, double median, double p90, double max, List<Count> months) {
    }

    /**
     * Hand-offs over the period, overall and per team; waits in seconds from the hand-off to an
     * agent's first reply, null when no agent replied.
     *
     * @param claimed             hand-offs an agent took
     * @param closed              hand-offs an agent closed
     * @param medianClaimSeconds  from the hand-off to an agent taking it
     * @param medianCloseSeconds  from the hand-off to its close
     */
    record Handoffs(long conversations, long handedOff, long claimed, long closed, Long medianWaitSeconds,
                    Long p90WaitSeconds, Long medianClaimSeconds, Long medianCloseSeconds, List<TeamHandoffs> teams) {
    }

    /**
     * @param unanswered conversations handed to the team that no agent has answered yet
     * @param medianWaitSeconds from the hand-off to the agent's first reply, over those answered
     */
    record TeamHandoffs(String team, long handedOff, long claimed, long closed, long unanswered,
                        Long medianWaitSeconds) {
    }

    /**
     * Ratings of the service (1 to 5) and thumbs on answers over the period.
     *
     * @param distribution how many ratings of 1, 2, 3, 4 and 5
     * @param days         the ratings per day, with their average
     * @param comments     the latest comments, newest first, as the person wrote them
     * @param pages        the thumbs per page the rated answers quoted, most thumbs down first
     */
    record Satisfaction(long ratings, Double average, List<Long> distribution, List<Score> days,
                        List<Score> journeys, List<Score> teams, List<Comment> comments, long useful,
                        long notUseful, List<PageThumbs> pages) {
    }

    /** Ratings under a key (a day, a journey, a team): how many, and their average. */
    record Score(String key, long count, double average) {
    }

    record Comment(String at, int score, String team, String journey, String text) {
    }

    record PageThumbs(String page, long useful, long notUseful) {
    }

    /** Lead deliveries: each team's, and the latest failures, most recent first. */
    record Deliveries(List<TeamDeliveries> teams, List<DeliveryFailure> failures) {
    }

    /**
     * @param pending  not delivered yet, to be tried again
     * @param failed   given up after the last attempt of the retry schedule
     */
    record TeamDeliveries(String team, long delivered, long pending, long failed) {
    }

    /**
     * A delivery whose last attempt failed, with no personal data: which lead, how many attempts,
     * the receiver's status (null when it gave none) or the error, and when it is tried again
     * (null: given up).
     */
    record DeliveryFailure(long delivery, long leadId, String team, int attempts, Integer lastStatus, String lastError,
                           String lastAttemptAt, String retryAt) {
    }
}
