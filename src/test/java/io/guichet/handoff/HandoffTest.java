package io.guichet.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.Message;
import io.guichet.conversation.Status;
import io.guichet.dialogue.Reply;
import io.guichet.store.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandoffTest {
    private static final Agent CLAIRE = new Agent("claire", "Claire", "*", Map.of("fr", "du bureau des congrès"));

    private static Conversation waiting(SqliteStore store, String channel) {
        Conversation conversation = store.forChannelUser(channel, "33639980001");
        conversation.status(Status.WAITING_AGENT);
        conversation.team("general");
        conversation.lang("fr");
        store.save(conversation, List.of(new Message("user", "un conseiller svp", Clock.systemUTC().instant())));
        return conversation;
    }

    @Test
    void messagesGoThroughTheChannelAndARefusalIsMarkedInTheTranscript(@TempDir Path folder) {
        try (SqliteStore store = SqliteStore.open(folder, Clock.systemUTC())) {
            List<String> delivered = new ArrayList<>();
            Handoff handoff = new Handoff(store, Map.of(
                    "messenger", (c, replies) -> delivered.add(((Reply.Text) replies.get(0)).text()),
                    "whatsapp", (c, replies) -> false), Clock.systemUTC());

            Conversation messenger = waiting(store, "messenger");
            handoff.claim(messenger.id(), CLAIRE);
            handoff.message(messenger.id(), CLAIRE, "Bonjour !");
            assertEquals(List.of("Claire, du bureau des congrès, a rejoint la conversation.", "Bonjour !"), delivered);

            Conversation whatsapp = waiting(store, "whatsapp");
            handoff.claim(whatsapp.id(), CLAIRE);
            handoff.message(whatsapp.id(), CLAIRE, "Bonjour !");
            List<Message> transcript = store.find(whatsapp.id()).orElseThrow().messages();
            assertEquals("agent", transcript.get(transcript.size() - 2).from());
            assertEquals(Handoff.NOT_DELIVERED, transcript.get(transcript.size() - 1).text());
        }
    }

    @Test
    void aClaimIsExclusiveAndOnlyTheHolderActs(@TempDir Path folder) {
        try (SqliteStore store = SqliteStore.open(folder, Clock.systemUTC())) {
            Handoff handoff = new Handoff(store, Map.of(), Clock.systemUTC());
            Conversation conversation = waiting(store, "web");
            Agent paul = new Agent("paul", "Paul", "*", Map.of());
            handoff.claim(conversation.id(), CLAIRE);
            assertEquals(HandoffException.Kind.CONFLICT,
                    assertThrows(HandoffException.class, () -> handoff.claim(conversation.id(), paul)).kind());
            assertThrows(HandoffException.class, () -> handoff.release(conversation.id(), paul));
            handoff.release(conversation.id(), CLAIRE);
            Conversation restored = store.find(conversation.id()).orElseThrow();
            assertEquals(Status.BOT, restored.status());
            assertFalse(restored.messages().isEmpty());
        }
    }
}
