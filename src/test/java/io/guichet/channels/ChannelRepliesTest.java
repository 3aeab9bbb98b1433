package io.guichet.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guichet.channels.ChannelReplies.Bubble;
import io.guichet.channels.ChannelReplies.Limits;
import io.guichet.dialogue.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelRepliesTest {
    private static final Limits SMALL = new Limits(20, 3);

    @Test
    void quickRepliesGoWithTheLastTextAndCardsBecomeTextsWithTheirLink() {
        List<Bubble> bubbles = ChannelReplies.fit(List.of(new Reply.Text("Voici :"),
                new Reply.Cards(List.of(new Reply.Card("Palais", "https://ex.org/p", "palais"),
                        new Reply.Card("Sans lien", null, "x"))),
                new Reply.Text("Autre chose ?"), new Reply.QuickReplies(List.of("Oui", "Non"))), new Limits(500, 3));
        assertEquals(List.of(new Bubble("Voici :", List.of()), new Bubble("Palais\nhttps://ex.org/p", List.of()),
                new Bubble("Sans lien", List.of()), new Bubble("Autre chose ?", List.of("Oui", "Non"))), bubbles);
    }

    @Test
    void anAnswerThatCanBeRatedOffersThumbsUnlessItOffersOtherChoices() {
        Reply.Cards card = new Reply.Cards(List.of(new Reply.Card("Navette", "https://ex.org/n", "navette")));
        assertEquals(List.of(new Bubble("Voici :", List.of()), new Bubble("Navette\nhttps://ex.org/n", List.of("👍", "👎"))),
                ChannelReplies.fit(List.of(new Reply.Text("Voici :"), card, new Reply.Rating(42)), new Limits(500, 3)));
        assertEquals(List.of(new Bubble("Voici :", List.of()), new Bubble("Navette\nhttps://ex.org/n", List.of()),
                new Bubble("Un séjour ?", List.of("Oui"))), ChannelReplies.fit(List.of(new Reply.Text("Voici :"), card,
                new Reply.Text("Un séjour ?"), new Reply.QuickReplies(List.of("Oui")), new Reply.Rating(42)),
                new Limits(500, 3)), "the offer of a journey is not crowded out");
    }

    @Test
    void moreChoicesThanTheChannelShowsBecomeANumberedListAndLongTextsAreCut() {
        List<Bubble> bubbles = ChannelReplies.fit(List.of(new Reply.Text("Choix :"),
                new Reply.QuickReplies(List.of("a", "b", "c", "d"))), new Limits(500, 3));
        assertEquals(List.of(new Bubble("Choix :\n1. a\n2. b\n3. c\n4. d", List.of())), bubbles);

        Bubble cut = ChannelReplies.fit(List.of(new Reply.Text("x".repeat(50))), SMALL).get(0);
        assertEquals(20, cut.text().length());
        assertEquals('…', cut.text().charAt(19));
    }

    @Test
    void choicesWithNothingSaidBeforeThemGetABubbleOfTheirOwn() {
        assertEquals(List.of(new Bubble(ChannelReplies.CHOICES_ONLY, List.of("Oui"))),
                ChannelReplies.fit(List.of(new Reply.QuickReplies(List.of("Oui"))), SMALL));
        assertEquals(List.of(new Bubble("Q ?", List.of("a")), new Bubble(ChannelReplies.CHOICES_ONLY, List.of("b"))),
                ChannelReplies.fit(List.of(new Reply.Text("Q ?"), new Reply.QuickReplies(List.of("a")),
                        new Reply.QuickReplies(List.of("b"))), SMALL));
    }
}
