package io.guichet.dialogue;

import java.util.List;

/** What the bot says, channel-neutral: each channel renders what it can of it. */
public sealed interface Reply {
    record Text(String text) implements Reply {
    }

    record QuickReplies(List<String> options) implements Reply {
    }

    record Cards(List<Card> items) implements Reply {
    }

    /** A link to a knowledge-base document. */
    record Card(String title, String url, String sourceId) {
    }
}
