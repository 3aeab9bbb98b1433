package io.guichet.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.analytics.AnalyticsStore;
import io.guichet.analytics.ContentGaps;
import io.guichet.analytics.Filter;
import io.guichet.conversation.Conversation;
import io.guichet.conversation.Message;
import io.guichet.conversation.Status;
import io.guichet.handoff.Agent;
import io.guichet.handoff.AgentDirectory;
import io.guichet.handoff.Handoff;
import io.guichet.store.TestStores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The marketing team's figures, read from a store filled by real conversations: journeys, leads, gaps,
 * hand-offs, and what people thought when asked (ratings, comments, thumbs); on both engines.
 */
@ParameterizedClass
@EnumSource(TestStores.class)
class AnalyticsFiguresTest {
    private static final LocalDate NOW = LocalDate.parse("2026-11-21");

    @Parameter
    private TestStores engine;
    private DialogueSetup setup;
    private ConversationService service;
    private AnalyticsStore figures;

    @BeforeEach
    void open() throws Exception {
        setup = DialogueSetup.open(engine);
        service = DialogueSetup.service(setup.store());
        figures = setup.store().analytics();
    }

    @AfterEach
    void close() {
        setup.close();
    }

    private void converse(String channel, String lang, String... messages) {
        String id = service.open(channel, lang).id();
        for (String message : messages) {
            service.post(id, message, NOW);
        }
    }

    private static Filter all() {
        Instant now = Instant.now();
        return new Filter(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), null, null, null);
    }

    @Test
    void conversationsJourneysLeadsAndGapsAreCountedAsDriven() {
        converse("web", "fr", "séminaire pour 30 personnes le 10 mars, une nuit sur place, en théâtre", "passer",
                "ok parfait, envoyez-moi tout ça : Marc Leroy, marc.leroy@example.org");
        converse("web", "fr", "séminaire pour 12 personnes le 4 juin, deux nuits sur place, en réunion en U", "passer",
                "non merci");
        converse("widget", "en", "How many seats does the congress centre auditorium have for a conference?");
        converse("web", "fr", "la déchetterie prend-elle l'amiante ?");
        converse("web", "fr", "la déchetterie prend-elle l'amiante ?");
        converse("web", "fr", "est-ce que la déchetterie accepte l'amiante ? écrivez-moi à paul@example.org");
        converse("web", "fr", "mets un réveil à 7h demain");

        AnalyticsStore.Overview overview = figures.overview(all());
        assertEquals(7, overview.conversations());
        assertEquals(11, overview.messages());
        assertEquals(List.of(new AnalyticsStore.Count("web", 6), new AnalyticsStore.Count("widget", 1)),
                overview.channels());
        assertEquals(1, overview.outOfScope(), "the alarm is out of scope, no gap in the content");

        AnalyticsStore.Funnel seminar = figures.funnels(all()).stream()
                .filter(funnel -> funnel.journey().equals("seminar_planning")).findFirst().orElseThrow();
        assertEquals(2, seminar.started());
        assertEquals(2, seminar.factsGiven(), seminar.toString());
        assertEquals(1, seminar.leads(), "one consented and left a contact, the other declined: " + seminar);
        assertEquals(42, seminar.demand().get("people_count").sum(), 1e-9, "30 and 12 people asked for");
        assertEquals(List.of(new AnalyticsStore.Count("2027-03", 1), new AnalyticsStore.Count("2027-06", 1)),
                seminar.demand().get("date").months());

        List<ContentGaps.Question> unanswered = figures.unanswered(all(), 10);
        assertEquals(2, unanswered.size(), "the two questions on asbestos, each text once, not the alarm: "
                + unanswered);
        assertTrue(unanswered.stream().allMatch(q -> q.text().contains("amiante")), unanswered.toString());
        assertEquals(3, unanswered.stream().mapToInt(ContentGaps.Question::asked).sum(), unanswered.toString());

        assertTrue(figures.pagesQuoted(all()).stream().anyMatch(page -> page.key().equals("meeting-venues")));
        Instant now = Instant.now();
        Filter widgetOnly = new Filter(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), "widget", null, null);
        assertEquals(1, figures.overview(widgetOnly).conversations());
        Filter seminarsOnly = new Filter(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), null, null,
                "seminar_planning");
        assertEquals(2, figures.overview(seminarsOnly).conversations());
        Filter yesterday = new Filter(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), null, null, null);
        assertEquals(0, figures.overview(yesterday).conversations());
    }

    @Test
    void aHandoffCountsAsUnansweredUntilAnAgentReplies() {
        converse("web", "fr", "je veux parler à un conseiller");
        AnalyticsStore.Handoffs handoffs = figures.handoffs(all());
        assertEquals(1, handoffs.handedOff());
        assertEquals(1, handoffs.teams().get(0).unanswered());
        assertEquals(null, handoffs.medianWaitSeconds(), "no agent replied yet");
    }

    private static String said(Turn turn) {
        return turn.replies().stream().filter(Reply.Text.class::isInstance).map(r -> ((Reply.Text) r).text())
                .reduce("", (a, b) -> a + " " + b).strip();
    }

    @Test
    void aLeadIsFollowedByARatingAndAnOptionalCommentThatCountInTheFigures() {
        String id = service.open("web", "fr").id();
        for (String message : List.of("séminaire pour 30 personnes le 10 mars, une nuit sur place, en théâtre",
                "passer")) {
            service.post(id, message, NOW);
        }
        Turn lead = service.post(id, "ok parfait, envoyez-moi tout ça : Marc Leroy, marc.leroy@example.org", NOW);
        assertTrue(lead.lead() != null, said(lead));
        assertTrue(said(lead).contains("de 1 (décevant) à 5 (excellent)"), said(lead));
        assertTrue(lead.replies().contains(new Reply.QuickReplies(List.of("1", "2", "3", "4", "5"))));

        assertEquals(new io.guichet.conversation.Survey(io.guichet.conversation.Survey.Step.RATING, "convention_bureau"),
                setup.store().find(id).orElseThrow().survey());
        Turn rated = service.post(id, "4", NOW);
        assertTrue(said(rated).contains("ajouter un mot"), said(rated));
        Turn commented = service.post(id, "Rapide et clair, merci ! (marc.leroy@example.org)", NOW);
        assertTrue(said(commented).contains("votre avis est transmis"), said(commented));
        Turn after = service.post(id, "4", NOW);
        assertFalse(said(after).contains("votre avis"), "the survey is over: '4' is no rating any more");

        AnalyticsStore.Satisfaction satisfaction = figures.satisfaction(all());
        assertEquals(1, satisfaction.ratings());
        assertEquals(4.0, satisfaction.average(), 1e-9);
        assertEquals(List.of(0L, 0L, 0L, 1L, 0L), satisfaction.distribution());
        assertEquals(List.of(new AnalyticsStore.Score("seminar_planning", 1, 4.0)), satisfaction.journeys());
        assertEquals("convention_bureau", satisfaction.teams().get(0).key());
        assertEquals("Rapide et clair, merci ! (marc.leroy@example.org)", satisfaction.comments().get(0).text());
        assertFalse(ContentGaps.mask(satisfaction.comments().get(0).text()).contains("marc.leroy@"));
    }

    @Test
    void aQuestionWhereACommentWasAwaitedIsAnsweredNotFiled() {
        String id = service.open("web", "fr").id();
        for (String message : List.of("séminaire pour 30 personnes le 10 mars, une nuit sur place, en théâtre",
                "passer", "ok parfait, envoyez-moi tout ça : Marc Leroy, marc.leroy@example.org", "5")) {
            service.post(id, message, NOW);
        }
        Turn answered = service.post(id, "How many seats does the congress centre auditorium have?", NOW);
        assertFalse(answered.sources().isEmpty(), said(answered));
        assertTrue(figures.satisfaction(all()).comments().isEmpty());
        assertEquals(5.0, figures.satisfaction(all()).average(), 1e-9);
    }

    @Test
    void aThumbRatesTheLastAnswerAndAThumbDownMakesItAContentGap() {
        String id = service.open("widget", "en").id();
        Turn answer = service.post(id, "How many seats does the congress centre auditorium have for a conference?", NOW);
        Reply.Rating rating = answer.replies().stream().filter(Reply.Rating.class::isInstance)
                .map(Reply.Rating.class::cast).findFirst().orElseThrow(() -> new AssertionError(answer.toString()));

        service.rate(id, rating.turn(), true, conversation -> true);
        // A change of mind replaces the first thumb.
        Turn thanked = service.post(id, "👎", NOW);
        assertTrue(said(thanked).contains("review this answer"), said(thanked));

        AnalyticsStore.Satisfaction satisfaction = figures.satisfaction(all());
        assertEquals(0, satisfaction.useful());
        assertEquals(1, satisfaction.notUseful());
        assertEquals(new AnalyticsStore.PageThumbs("meeting-venues", 0, 1), satisfaction.pages().get(0));
        assertTrue(figures.unanswered(all(), 10).stream().anyMatch(q -> q.text().contains("auditorium")),
                "an answer rated not useful is a gap in the content");
        assertEquals(1, figures.overview(all()).messages(), "a thumb is no question");
    }

    @Test
    void anAgentsCloseAsksForARatingThatGoesToTheirTeam() {
        Handoff handoff = new Handoff(setup.store(), Map.of(), AgentDirectory.empty(), (team, lang) -> team,
                ConversationEvents.NONE, Clock.systemUTC());
        String id = service.open("web", "fr").id();
        service.post(id, "je veux parler à un conseiller", NOW);
        Conversation waiting = setup.store().find(id).orElseThrow();
        assertEquals(Status.WAITING_AGENT, waiting.status());
        Agent claire = new Agent("claire", "Claire", "*", Map.of("fr", "de l'office"));
        handoff.claim(id, claire);
        handoff.message(id, claire, "Bonjour, je regarde ça.");
        handoff.close(id, claire);
        List<Message> transcript = setup.store().find(id).orElseThrow().messages();
        assertTrue(transcript.get(transcript.size() - 1).text().contains("comment évaluez-vous cet échange"));

        Turn rated = service.post(id, "5 - super réactive", NOW);
        assertTrue(said(rated).contains("votre avis est transmis"), said(rated));
        assertEquals(Status.CLOSED, setup.store().find(id).orElseThrow().status(), "a rating does not reopen it");

        AnalyticsStore.Satisfaction satisfaction = figures.satisfaction(all());
        assertEquals(List.of(new AnalyticsStore.Score(waiting.team(), 1, 5.0)), satisfaction.teams());
        assertEquals("super réactive", satisfaction.comments().get(0).text());
        AnalyticsStore.Handoffs handoffs = figures.handoffs(all());
        assertEquals(1, handoffs.claimed());
        assertEquals(1, handoffs.closed());
        assertEquals(0, handoffs.teams().get(0).unanswered());
    }
}
