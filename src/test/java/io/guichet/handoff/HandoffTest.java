package io.guichet.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.Message;
import io.guichet.conversation.Status;
import io.guichet.dialogue.ConversationEvents;
import io.guichet.dialogue.Outbox;
import io.guichet.dialogue.Reply;
import io.guichet.dialogue.Staffing;
import io.guichet.store.Store;
import io.guichet.store.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@EnumSource(TestStores.class)
class HandoffTest {
    /** The engine this run stores in. */
    @Parameter
    private TestStores engine;
    /** This test's database, made on its first opening. */
    private TestStores.Place place;
    private static final Agent CLAIRE = new Agent("claire", "Claire", "*", Map.of("fr", "du bureau des congrès"));

    private static Handoff handoff(Store store, Map<String, Outbox> outboxes) {
        return new Handoff(store, outboxes, AgentDirectory.empty(), (team, lang) -> team, Outbox.delivery(outboxes),
                Clock.systemUTC());
    }

    /** A channel that will not take a message now, as WhatsApp outside its 24-hour window. */
    private static Outbox refusing() {
        return new Outbox() {
            @Override
            public boolean reaches(Conversation conversation) {
                return false;
            }

            @Override
            public void deliver(Conversation conversation, List<Reply> replies) {
                throw new AssertionError("nothing is sent through a channel that refuses it");
            }
        };
    }

    private static Conversation waiting(Store store, String channel) {
        Conversation conversation = store.forChannelUser(channel, "33639980001");
        conversation.status(Status.WAITING_AGENT);
        conversation.team("general");
        conversation.lang("fr");
        store.save(conversation, List.of(new Message("user", "un conseiller svp", Clock.systemUTC().instant())));
        return conversation;
    }

    @Test
    void messagesGoThroughTheChannelAndARefusalIsMarkedInTheTranscript(@TempDir Path folder) {
        try (Store store = open(folder, Clock.systemUTC())) {
            List<String> delivered = new ArrayList<>();
            Handoff handoff = handoff(store, Map.of(
                    "messenger", (c, replies) -> delivered.add(((Reply.Text) replies.get(0)).text()),
                    "whatsapp", refusing()));

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
        try (Store store = open(folder, Clock.systemUTC())) {
            Handoff handoff = handoff(store, Map.of());
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

    @Test
    void notesStayWithTheAgentsAndATransferRequeuesForTheOtherTeam(@TempDir Path folder) {
        try (Store store = open(folder, Clock.systemUTC())) {
            List<String> delivered = new ArrayList<>();
            Handoff handoff = handoff(store, Map.of("messenger",
                    (c, replies) -> delivered.add(((Reply.Text) replies.get(0)).text())));
            Conversation conversation = waiting(store, "messenger");
            handoff.claim(conversation.id(), CLAIRE);
            handoff.note(conversation.id(), CLAIRE, "client déjà venu en 2024");
            assertEquals(1, delivered.size(), "only the joined line went to the user, not the note");
            Message note = store.find(conversation.id()).orElseThrow().messages().stream()
                    .filter(m -> !m.visibleToUser()).findFirst().orElseThrow();
            assertEquals("Claire : client déjà venu en 2024", note.text());

            handoff.transfer(conversation.id(), CLAIRE, "convention_bureau");
            Conversation moved = store.find(conversation.id()).orElseThrow();
            assertEquals(Status.WAITING_AGENT, moved.status());
            assertEquals("convention_bureau", moved.team());
            assertEquals(null, moved.agent());
            Agent lea = new Agent("lea", "Léa", "tourist_office", Map.of());
            assertTrue(handoff.queue(lea).stream().noneMatch(c -> c.id().equals(conversation.id())));
            assertThrows(HandoffException.class, () -> handoff.transfer(conversation.id(), lea, "general"),
                    "an agent of another team can't move it");
        }
    }

    @Test
    void aTeamIsStaffedWhenOneOfItsAgentsIsOnlineWithinItsHours(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("agents.yml"), """
                timezone: Europe/Paris
                teams:
                  convention_bureau: {hours: "mon-fri 09:00-18:00"}
                agents:
                  - id: claire
                    team: convention_bureau
                    token_sha256: %s
                """.formatted(AgentDirectory.sha256("claire-token-0123456789")));
        AgentDirectory directory = AgentDirectory.load(file);
        Agent claire = directory.agents().get(0);
        // Wednesday 25 November 2026, 10:00 in Paris.
        MovableClock clock = new MovableClock(Instant.parse("2026-11-25T09:00:00Z"));
        try (Store store = open(folder, clock)) {
            Handoff handoff = new Handoff(store, Map.of(), directory, (team, lang) -> team, ConversationEvents.NONE,
                    clock);
            assertFalse(handoff.availability("convention_bureau").staffed(), "no one is online");
            handoff.consoleOpened(claire);
            assertEquals(new Staffing.Availability(true, Handoff.FIRST_ESTIMATE),
                    handoff.availability("convention_bureau"));
            assertFalse(handoff.availability("tourist_office").staffed(), "claire does not serve this team");

            Conversation conversation = waiting(store, "web");
            conversation.waitForAgent("convention_bureau", clock.instant());
            store.save(conversation, List.of());
            clock.advance(Duration.ofMinutes(7));
            handoff.claim(conversation.id(), claire);
            assertEquals(Duration.ofMinutes(7), handoff.availability("convention_bureau").expectedWait(),
                    "the measured wait replaces the first estimate");

            clock.advance(Duration.ofHours(9));
            assertFalse(handoff.availability("convention_bureau").staffed(), "19:07 is past the team's hours");
            handoff.consoleClosed(claire);
            clock.advance(Duration.ofHours(14));
            assertFalse(handoff.availability("convention_bureau").staffed(), "open, but the console is closed");
            handoff.seen(claire);
            assertTrue(handoff.availability("convention_bureau").staffed(), "an API user counts as online");
            clock.advance(Handoff.API_PRESENCE.plusSeconds(1));
            assertFalse(handoff.availability("convention_bureau").staffed());
        }
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Opens this test's store, made on first use in {@code folder}, as a restart does after. */
    private Store open(Path folder, Clock clock) {
        if (place == null) {
            place = engine.fresh(folder);
        }
        return place.open(clock);
    }
}
