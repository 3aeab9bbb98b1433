package io.guichet.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guichet.dialogue.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveEventsTest {
    private static final Reply.Cards CARDS = new Reply.Cards(List.of(new Reply.Card("Domaine", null, "domaine")));
    private static final Reply.QuickReplies YES_NO = new Reply.QuickReplies(List.of("Oui", "Non"));

    @Test
    void cardsGoWithTheLineBeforeThemAndButtonsWithTheQuestion() {
        // The person's line, then the bot's three: a summary, "here is what I recommend", the question.
        List<Reply> replies = List.of(new Reply.Text("Récapitulatif"), new Reply.Text("Je vous recommande :"), CARDS,
                new Reply.Text("Souhaitez-vous que je transmette ?"), YES_NO);
        assertEquals(List.of(List.of(), List.of(), List.of(CARDS), List.of(YES_NO)), LiveEvents.shownWith(4, replies));
    }

    @Test
    void repliesThatDoNotMatchTheLinesGoWithTheLast() {
        assertEquals(List.of(List.of(YES_NO)), LiveEvents.shownWith(1, List.of(new Reply.Text("a"),
                new Reply.Text("b"), YES_NO)));
        assertEquals(List.of(List.of(YES_NO)), LiveEvents.shownWith(1, List.of(YES_NO)));
    }
}
