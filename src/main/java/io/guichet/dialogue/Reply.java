package io.guichet.dialogue;

import java.time.LocalDate;
import java.util.List;

/** What the bot says, channel-neutral: each channel renders what it can of it. */
public sealed interface Reply {
    record Text(String text) implements Reply {
    }

    record QuickReplies(List<String> options) implements Reply {
    }

    record Cards(List<Card> items) implements Reply {
    }

    /**
     * The answer just given came from the pages and can be rated: the widget shows a thumb up
     * and down, channels without buttons of their own offer 👍 and 👎 as quick replies.
     *
     * @param turn the id of the answer's turn, that a thumb refers to
     */
    record Rating(long turn) implements Reply {
    }

    /** A link to a knowledge-base document, with the date it was last updated when the page gives one. */
    record Card(String title, String url, String sourceId, LocalDate updated) {
        public Card(String title, String url, String sourceId) {
            this(title, url, sourceId, null);
        }
    }
}
