package io.guichet.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.ConversationStore;
import io.guichet.conversation.TurnCommit;
import io.guichet.store.StoreException;
import io.guichet.conversation.JourneyState;
import io.guichet.conversation.Status;
import io.guichet.lead.Lead;
import io.guichet.store.Store;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Scripted conversations through the journeys, in French and English, on the shipped journey definitions. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class JourneyConversationTest {
    private static final LocalDate NOW = LocalDate.parse("2026-11-21");
    private DialogueSetup setup;
    private Store store;
    private ConversationService service;

    @BeforeEach
    void open() throws IOException {
        setup = DialogueSetup.open();
        store = setup.store();
        service = DialogueSetup.service(store);
    }

    @AfterEach
    void close() {
        setup.close();
    }

    private Turn say(Conversation conversation, String text) {
        return service.post(conversation.id(), text, NOW);
    }

    private static String text(Turn turn) {
        return turn.replies().stream().filter(r -> r instanceof Reply.Text).map(r -> ((Reply.Text) r).text())
                .collect(Collectors.joining("\n"));
    }

    private static List<String> quickReplies(Turn turn) {
        return turn.replies().stream().filter(r -> r instanceof Reply.QuickReplies)
                .flatMap(r -> ((Reply.QuickReplies) r).options().stream()).toList();
    }

    /** The conversation as last committed: a turn works on a copy of its own. */
    private Conversation stored(Conversation conversation) {
        return service.find(conversation.id()).orElseThrow();
    }

    private JourneyState journey(Conversation conversation) {
        return stored(conversation).journey();
    }

    private Map<String, Object> slots(Conversation conversation) {
        return journey(conversation).slots();
    }

    @Test
    void aSeminarFromFirstMessageToLead() {
        Conversation c = service.open("web", null);
        Turn first = say(c, "Bonjour, nous organisons un séminaire pour 40 personnes les 12 et 13 mars");
        assertEquals("seminar_planning", journey(c).name());
        assertEquals(40, slots(c).get("people_count"));
        assertEquals(Map.of("start", "2027-03-12", "end", "2027-03-13"), slots(c).get("date"));
        assertEquals("nights", journey(c).awaiting(), "people and dates are not asked again: " + text(first));

        say(c, "1 nuit");
        assertEquals(1, slots(c).get("nights"));
        Turn layout = say(c, "en théâtre");
        assertEquals("theatre", slots(c).get("room_layout"), text(layout));
        Turn lodging = say(c, "oui");
        assertEquals(true, slots(c).get("lodging"), text(lodging));
        assertTrue(quickReplies(lodging).contains("Passer"), "the optional budget can be skipped: " + quickReplies(lodging));

        Turn concluded = say(c, "je ne sais pas");
        assertTrue(journey(c).skipped().contains("budget_eur"));
        assertTrue(journey(c).complete());
        assertEquals(JourneyState.Stage.CONSENT, journey(c).stage());
        assertTrue(text(concluded).contains("40"), "the summary restates the request: " + text(concluded));
        List<String> recommended = concluded.sources().stream().map(Reply.Card::sourceId).toList();
        assertTrue(recommended.contains("domaine-des-vignes") && recommended.contains("meeting-venues"), recommended.toString());
        assertFalse(recommended.contains("loft-des-canuts"), "a venue for 25 is never proposed for 40: " + recommended);

        say(c, "oui");
        assertEquals(JourneyState.Stage.CONTACT_NAME, journey(c).stage());
        say(c, "Je m'appelle Claire Martin");
        Turn invalid = say(c, "je n'ai pas d'adresse sous la main");
        assertTrue(store.all().isEmpty(), "no lead without valid contact details");
        assertEquals(JourneyState.Stage.CONTACT_DETAILS, journey(c).stage(), text(invalid));
        Turn sent = say(c, "claire.martin@example.org");
        assertEquals(JourneyState.Stage.DONE, journey(c).stage(), text(sent));

        List<Lead> leads = store.all();
        assertEquals(1, leads.size());
        Lead lead = leads.get(0);
        assertEquals("Claire Martin", lead.name());
        assertEquals("claire.martin@example.org", lead.email());
        assertEquals("convention_bureau", lead.team());
        assertEquals(40, lead.slots().get("people_count"));
        assertEquals(c.id(), lead.conversationId());
    }

    @Test
    void aNameAndANumberGivenTogetherWhenTheNameIsAskedMakeTheLead() {
        String request = "Bonjour, nous organisons un séminaire pour 40 personnes les 12 et 13 mars, 1 nuit, en théâtre, "
                + "avec hébergement, budget 20000 €";
        Conversation both = service.open("web", null);
        say(both, request);
        say(both, "oui");
        Turn sent = say(both, "Marc Dupont, 06 12 34 56 78");
        assertEquals(JourneyState.Stage.DONE, journey(both).stage(), "the name is not asked again: " + text(sent));
        assertEquals("Marc Dupont", store.all().get(0).name());

        Conversation number = service.open("web", null);
        say(number, request);
        say(number, "oui");
        Turn askedAgain = say(number, "06 98 76 54 32");
        assertTrue(text(askedAgain).contains("À quel nom"), "a request goes under a name: " + text(askedAgain));
        say(number, "Julie");
        assertEquals(JourneyState.Stage.DONE, journey(number).stage(), "the number given for the name is kept");
        assertEquals(2, store.all().size());
        assertEquals("0698765432", store.all().stream().filter(lead -> lead.name().equals("Julie")).findFirst()
                .orElseThrow().phone().replace("+33", "0"));

        Conversation nothing = service.open("web", null);
        say(nothing, request);
        say(nothing, "oui");
        for (int i = 0; i < 3; i++) {
            say(nothing, "?");
        }
        assertEquals(JourneyState.Stage.DONE, journey(nothing).stage(), "the name is not asked forever");
        assertEquals(2, store.all().size(), "nothing passed on without a way to reach them");
    }

    @Test
    void aNoWhenAskedForANameWithdrawsTheRequest() {
        Conversation c = service.open("web", null);
        say(c, "Bonjour, nous organisons un séminaire pour 40 personnes les 12 et 13 mars, 1 nuit, en théâtre, "
                + "avec hébergement, budget 20000 €");
        say(c, "oui");
        assertEquals(JourneyState.Stage.CONTACT_NAME, journey(c).stage());
        Turn declined = say(c, "non pas d'hébergement finalement");
        assertEquals(JourneyState.Stage.DONE, journey(c).stage(), text(declined));
        assertNull(journey(c).contactName(), "a no is not a name: " + text(declined));
        assertTrue(store.all().isEmpty());
    }

    @Test
    void aBusinessSetupInFrench() {
        Conversation c = service.open("web", null);
        say(c, "Nous cherchons un terrain de 5000 m2 pour implanter notre usine de 40 salariés");
        assertEquals("business_setup", journey(c).name());
        assertEquals(5000, ((Number) slots(c).get("surface_m2")).intValue());
        assertEquals("land", slots(c).get("need"));
        assertEquals("industry", slots(c).get("sector"));
        say(c, "40 emplois");
        Turn timeline = say(c, "dès que possible");
        assertEquals("under_6_months", slots(c).get("timeline"), text(timeline));
        Turn concluded = say(c, "budget 800 000 €");
        assertEquals(800000, ((Number) slots(c).get("budget_eur")).intValue());
        assertEquals(JourneyState.Stage.CONSENT, journey(c).stage(), text(concluded));
        assertTrue(text(concluded).contains("Valmoreau Invest"), "the team is named: " + text(concluded));
        assertEquals(List.of("parc-des-sources"), concluded.sources().stream().map(Reply.Card::sourceId).toList(),
                "the base's only business page, whose 40,000 m² fit the 5,000 sought");
    }

    @Test
    void aRelocationInEnglish() {
        Conversation c = service.open("web", null);
        Turn first = say(c, "We are moving to Valmoreau with our children next summer");
        assertEquals("relocation", journey(c).name(), text(first));
        assertEquals("family", slots(c).get("household"), text(first));
        say(c, "I'm looking for a job");
        say(c, "rent");
        Turn concluded = say(c, "yes");
        assertEquals(JourneyState.Stage.CONSENT, journey(c).stage(), text(concluded));
        assertTrue(text(concluded).contains("Would you like me to pass your request on"), text(concluded));
        say(c, "yes");
        say(c, "My name is Anna Lee");
        say(c, "+44 20 7946 0958");
        assertEquals("+442079460958", store.all().get(0).phone());
        assertEquals("Anna Lee", store.all().get(0).name());
        assertEquals("welcome_service", store.all().get(0).team());
    }

    @Test
    void correctionsAndOutOfRangeValues() {
        Conversation c = service.open("web", null);
        say(c, "on voudrait organiser un séminaire pour 40 personnes");
        say(c, "finalement on sera 60");
        assertEquals(60, slots(c).get("people_count"));
        Turn tooMany = say(c, "en fait pour 100000 personnes");
        assertEquals(60, slots(c).get("people_count"), "an impossible value does not replace a good one");
        assertTrue(text(tooMany).contains("Participants") || text(tooMany).contains("au plus"), text(tooMany));
        assertEquals("people_count", journey(c).awaiting(), "the refused slot is asked again");
        Turn past = say(c, "le 3 janvier 2020");
        assertNull(slots(c).get("date"), text(past));
        assertTrue(text(past).contains("passée"), text(past));
    }

    @Test
    void cancelling() {
        Conversation c = service.open("web", null);
        say(c, "je cherche un lieu pour le séminaire annuel de mon entreprise");
        Turn cancelled = say(c, "laisse tomber");
        assertFalse(journey(c).active());
        assertTrue(quickReplies(cancelled).size() >= 4, "the menu of journeys is offered again");
        Turn after = say(c, "merci");
        assertEquals("thanks", after.intent().name());
    }

    @Test
    void aQuestionThatSaysStopDoesNotCancel() {
        Conversation c = service.open("web", null);
        say(c, "séminaire pour 30 personnes le 4 février");
        say(c, "where is the bus stop?");
        assertTrue(journey(c).active(), "a question about a bus stop is no cancellation");
        say(c, "stop");
        assertFalse(journey(c).active());
    }

    @Test
    void aQuestionOnTheWayIsAnsweredThenTheJourneyResumes() {
        Conversation c = service.open("web", null);
        say(c, "séminaire pour 30 personnes le 4 février, 2 nuits");
        String awaiting = journey(c).awaiting();
        assertNotNull(awaiting);
        Turn answer = say(c, "à quelle heure ouvre l'office de tourisme le dimanche ?");
        assertTrue(text(answer).contains("10 h à 13 h"), text(answer));
        assertEquals("office-de-tourisme", answer.sources().get(0).sourceId());
        assertEquals(awaiting, journey(c).awaiting(), "the same question comes back");
        assertEquals(1, journey(c).attempts(), "a digression is not a failed answer");
    }

    @Test
    void aQuestionWhileTheRequestIsOfferedIsAnsweredThenTheOfferStands() {
        Conversation c = service.open("web", null);
        say(c, "Bonjour, nous organisons un séminaire pour 40 personnes les 12 et 13 mars, 1 nuit, en théâtre, "
                + "avec hébergement, budget 20000 €");
        assertEquals(JourneyState.Stage.CONSENT, journey(c).stage());
        Turn answered = say(c, "à quelle heure ouvre l'office de tourisme le dimanche ?");
        assertTrue(text(answered).contains("10 h à 13 h"), text(answered));
        assertTrue(text(answered).contains("Pour revenir à votre demande :"), text(answered));
        assertEquals(List.of("Oui", "Non"), quickReplies(answered), "the offer is made again: " + text(answered));
        assertEquals(JourneyState.Stage.CONSENT, journey(c).stage());
        Turn consented = say(c, "oui, et la navette pour l'aéroport coûte combien ?");
        assertEquals(JourneyState.Stage.CONTACT_NAME, journey(c).stage(), text(consented));
        assertTrue(text(consented).contains("€"), "the question is answered too: " + text(consented));
    }

    @Test
    void aRequestOutOfScopeOnTheWayIsDeclinedNotLeftToTheTeam() {
        Conversation c = service.open("web", null);
        say(c, "séminaire pour 30 personnes le 4 février, 2 nuits");
        String awaiting = journey(c).awaiting();
        Turn declined = say(c, "mets-moi un réveil à 7 h");
        assertTrue(text(declined).startsWith("Je ne peux pas m'en charger : je suis l'accueil du territoire."),
                text(declined));
        assertFalse(text(declined).contains("l'équipe pourra"), text(declined));
        assertEquals(awaiting, journey(c).awaiting(), "the same question comes back");
    }

    @Test
    void aQuestionNotAnsweredTwiceIsSetAsideAndAPersonOffered() {
        Conversation c = service.open("web", null);
        say(c, "nous allons déménager à Valmoreau avec nos deux enfants");
        assertEquals("relocation", journey(c).name());
        String asked = journey(c).awaiting();
        Turn once = say(c, "bleu");
        assertEquals(asked, journey(c).awaiting(), "asked once more");
        assertFalse(once.fallback());
        Turn twice = say(c, "bleu");
        assertTrue(journey(c).skipped().contains(asked), "not a third time: " + text(twice));
        assertFalse(asked.equals(journey(c).awaiting()), "the next question comes");
        assertTrue(quickReplies(twice).contains("Parler à un conseiller"), quickReplies(twice).toString());
        Turn handoff = say(c, "Parler à un conseiller");
        assertEquals(Status.WAITING_AGENT, handoff.status());
        assertEquals("relocation", journey(c).name(), "the agent will see the journey so far");
    }

    @Test
    void changingJourney() {
        Conversation c = service.open("web", null);
        say(c, "on organise un séminaire pour 25 personnes");
        Turn switched = say(c, "en fait je préfère venir passer un week-end en amoureux");
        assertEquals("weekend_stay", journey(c).name(), text(switched));
    }

    @Test
    void englishJourneyAndASwitchOfLanguage() {
        Conversation c = service.open("web", null);
        Turn first = say(c, "We'd like to plan a weekend getaway for two people next month");
        assertEquals("weekend_stay", journey(c).name());
        assertEquals(2, slots(c).get("people_count"));
        assertEquals(Map.of("start", "2026-12-01", "end", "2026-12-31"), slots(c).get("date"));
        assertEquals("en", stored(c).lang());
        assertTrue(quickReplies(first).contains("Yes"), "an English question with English buttons: " + quickReplies(first));
        Turn french = say(c, "non, sans enfants");
        assertEquals(false, slots(c).get("children"));
        assertEquals("fr", stored(c).lang(), text(french));
    }

    @Test
    void noConsentNoPersonalData() {
        Conversation c = service.open("web", null);
        say(c, "séminaire pour 20 personnes le 4 février, en théâtre");
        say(c, "0");
        assertEquals(0, slots(c).get("nights"));
        say(c, "non");
        say(c, "passer");
        assertEquals(JourneyState.Stage.CONSENT, journey(c).stage(), journey(c).toJson());
        Turn declined = say(c, "non merci");
        assertEquals(JourneyState.Stage.DONE, journey(c).stage(), text(declined));
        assertTrue(store.all().isEmpty());
        assertNull(journey(c).contactName());
    }

    @Test
    void aRequiredAnswerNotKnownYetIsLeftToTheTeam() {
        Conversation c = service.open("web", null);
        say(c, "séminaire pour 20 personnes");
        String awaiting = journey(c).awaiting();
        Turn passed = say(c, "je ne sais pas encore");
        assertTrue(journey(c).skipped().contains(awaiting), text(passed));
        assertFalse(awaiting.equals(journey(c).awaiting()), "it is not asked again: " + text(passed));
        assertFalse(text(passed).contains("pas bien compris"), "not knowing is understood: " + text(passed));
    }

    @Test
    void aJourneyResumesAfterARestart() {
        Conversation c = service.open("web", null);
        say(c, "séminaire pour 40 personnes les 12 et 13 mars");
        String id = c.id();
        store = setup.reopen();
        service = DialogueSetup.service(store);
        Conversation restored = service.find(id).orElseThrow();
        assertEquals(40, slots(restored).get("people_count"));
        assertEquals("nights", journey(restored).awaiting());
        say(restored, "2 nuits");
        assertEquals(2, slots(restored).get("nights"));
    }

    @Test
    void aLeadIsStoredOnceWhenTheFirstCommitOfItsTurnFails() {
        // The store refuses the first turn that carries a lead, as a full disk would; the client sends it again.
        ConversationStore failingOnce = new ConversationStore() {
            private boolean failed;

            @Override
            public Conversation create(String channel, String lang) {
                return store.create(channel, lang);
            }

            @Override
            public Optional<Conversation> find(String id) {
                return store.find(id);
            }

            @Override
            public Conversation forChannelUser(String channel, String channelUser) {
                return store.forChannelUser(channel, channelUser);
            }

            @Override
            public List<Conversation> waiting() {
                return store.waiting();
            }

            @Override
            public long commit(TurnCommit commit) {
                if (commit.lead() != null && !failed) {
                    failed = true;
                    throw new StoreException("disk full", new java.sql.SQLException("SQLITE_FULL"));
                }
                return store.commit(commit);
            }

            @Override
            public Optional<io.guichet.conversation.MessageReceipt> receipt(String conversationId, String messageId) {
                return store.receipt(conversationId, messageId);
            }

            @Override
            public java.util.OptionalLong lastAnswer(String conversationId) {
                return store.lastAnswer(conversationId);
            }

            @Override
            public boolean answeredFromPages(String conversationId, long turn) {
                return store.answeredFromPages(conversationId, turn);
            }
        };
        service = DialogueSetup.service(failingOnce);
        Conversation c = service.open("web", null);
        for (String text : List.of("séminaire pour 40 personnes les 12 et 13 mars", "1 nuit", "en théâtre", "oui",
                "je ne sais pas", "oui", "Je m'appelle Claire Martin")) {
            say(c, text);
        }
        int linesBefore = stored(c).messages().size();
        assertThrows(StoreException.class, () -> say(c, "claire.martin@example.org"));
        assertTrue(store.all().isEmpty(), "the failed turn stored no lead");
        assertEquals(linesBefore, stored(c).messages().size(), "nor any line");
        assertEquals(JourneyState.Stage.CONTACT_DETAILS, journey(c).stage(), "nor its change of state");

        Turn sent = say(c, "claire.martin@example.org");
        assertEquals(JourneyState.Stage.DONE, journey(c).stage(), text(sent));
        assertEquals(1, store.all().size(), "the retry stores the lead, once");
    }
}
