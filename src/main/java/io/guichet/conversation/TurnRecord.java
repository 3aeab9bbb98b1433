package io.guichet.conversation;

import java.time.Instant;
import java.util.List;

/**
 * What one turn was, for the territory's figures: the channel and language, what the bot
 * understood and how sure it was, whether it fell back, the documents it answered from, the
 * journey and its stage after the turn, the team it was handed to, and where the time went.
 * Nothing personal: the person's words stay in the transcript.
 *
 * @param handoffTeam the team the turn handed the conversation to, or null
 * @param outOfScope  whether the person asked for something the territory does not deal with at all
 */
public record TurnRecord(Instant at, String channel, String lang, String intent, double confidence,
                         boolean fallback, boolean outOfScope, List<String> sources, String journey, String stage, String handoffTeam,
                         Status status, long understandMicros, long decideMicros) {
}
