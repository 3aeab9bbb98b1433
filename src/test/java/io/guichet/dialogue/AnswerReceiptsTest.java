package io.guichet.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guichet.conversation.Status;
import io.guichet.nlu.IntentScore;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerReceiptsTest {
    @Test
    void anAnswerReadBackIsTheAnswerGivenWithoutItsRating() {
        Reply.Card card = new Reply.Card("Office de tourisme", "https://example.org/office", "office",
                LocalDate.of(2026, 3, 1));
        List<Reply> shown = List.of(new Reply.Text("D'après « Office de tourisme » : ouvert de 10 h à 13 h."),
                new Reply.Cards(List.of(card, new Reply.Card("Plan", "https://example.org/plan", "plan"))),
                new Reply.QuickReplies(List.of("Oui", "Non merci")));
        Turn given = new Turn(concat(shown, new Reply.Rating(42)), new IntentScore("none", 0.31), List.of(card),
                false, Status.WAITING_AGENT);
        assertEquals(new Turn(shown, given.intent(), given.sources(), false, Status.WAITING_AGENT),
                AnswerReceipts.read(AnswerReceipts.write(given)));
    }

    private static List<Reply> concat(List<Reply> replies, Reply last) {
        return java.util.stream.Stream.concat(replies.stream(), java.util.stream.Stream.of(last)).toList();
    }
}
