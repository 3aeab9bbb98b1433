package io.guichet.channels;

import io.guichet.dialogue.Reply;
import io.guichet.dialogue.Satisfaction;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way every channel adapter degrades the channel-neutral replies into what it can show:
 * a list of bubbles, each a text with, optionally, the choices to answer it with. A card becomes a
 * bubble of its own with its title and link; quick replies go with the last bubble (a bubble of
 * their own, "…", when nothing was said before them); more choices than the channel shows become
 * a numbered list in the text, to be answered in words; an answer that can be rated offers 👍 and
 * 👎 when it offers no other choice; a text is cut to the channel's length.
 * Adapters then only spell the bubbles in their wire format.
 */
public final class ChannelReplies {
    /** What a bubble says when it only carries choices. */
    static final String CHOICES_ONLY = "…";

    private ChannelReplies() {
    }

    /**
     * What a channel shows.
     *
     * @param maxText    the longest text of one bubble, in characters
     * @param maxChoices the most choices a bubble shows as buttons
     */
    public record Limits(int maxText, int maxChoices) {
    }

    /** A message as the channel shows it: a text, and the choices offered to answer it (possibly none). */
    public record Bubble(String text, List<String> choices) {
    }

    public static List<Bubble> fit(List<Reply> replies, Limits limits) {
        List<String> texts = new ArrayList<>();
        List<List<String>> choices = new ArrayList<>();
        for (Reply reply : replies) {
            if (reply instanceof Reply.Text text) {
                texts.add(text.text());
                choices.add(List.of());
            } else if (reply instanceof Reply.Cards cards) {
                for (Reply.Card card : cards.items()) {
                    texts.add(card.url() == null ? card.title() : card.title() + "\n" + card.url());
                    choices.add(List.of());
                }
            } else if (reply instanceof Reply.QuickReplies quick) {
                int last = texts.size() - 1;
                if (last < 0 || !choices.get(last).isEmpty()) {
                    texts.add(CHOICES_ONLY);
                    choices.add(List.of());
                    last++;
                }
                if (quick.options().size() > limits.maxChoices()) {
                    texts.set(last, ChannelText.numbered(texts.get(last), quick.options()));
                } else {
                    choices.set(last, quick.options());
                }
            } else if (reply instanceof Reply.Rating && !texts.isEmpty() && choices.get(texts.size() - 1).isEmpty()) {
                // Under an answer that offers nothing else to tap; a thumb typed back is read by the dialogue.
                choices.set(texts.size() - 1, Satisfaction.THUMBS);
            }
        }
        List<Bubble> bubbles = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            bubbles.add(new Bubble(ChannelText.cut(texts.get(i), limits.maxText()), choices.get(i)));
        }
        return bubbles;
    }
}
