package io.guichet.channels.messenger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.dialogue.Reply;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessengerRenderTest {

    @Test
    void quickRepliesWithinMessengersLimitsAndANumberedListBeyond() {
        List<String> few = List.of("Théâtre", "Une disposition au nom vraiment très long");
        JsonObject buttons = MessengerChannel.render("psid", List.of(new Reply.Text("Quelle disposition ?"),
                new Reply.QuickReplies(few))).get(0).getJsonObject("message");
        assertEquals(2, buttons.getJsonArray("quick_replies").size());
        JsonObject long_ = buttons.getJsonArray("quick_replies").getJsonObject(1);
        assertEquals(MessengerChannel.MAX_TITLE, long_.getString("title").length());
        assertEquals(few.get(1), long_.getString("payload"), "the payload keeps the whole option");

        List<String> many = IntStream.rangeClosed(1, 15).mapToObj(i -> "option " + i).toList();
        JsonObject numbered = MessengerChannel.render("psid", List.of(new Reply.Text("Choisissez :"),
                new Reply.QuickReplies(many))).get(0).getJsonObject("message");
        assertFalse(numbered.containsKey("quick_replies"));
        assertTrue(numbered.getString("text").endsWith("\n15. option 15"), numbered.getString("text"));
    }

    @Test
    void cardsBecomeTextsWithTheirLink() {
        List<JsonObject> calls = MessengerChannel.render("psid", List.of(new Reply.Cards(List.of(
                new Reply.Card("Palais des congrès", "https://example.org/palais", "palais")))));
        assertEquals("Palais des congrès\nhttps://example.org/palais", calls.get(0).getJsonObject("message").getString("text"));
        assertEquals("psid", calls.get(0).getJsonObject("recipient").getString("id"));
    }
}
