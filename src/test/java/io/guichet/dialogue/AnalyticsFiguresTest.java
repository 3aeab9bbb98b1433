package io.guichet.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.analytics.AnalyticsStore;
import io.guichet.analytics.ContentGaps;
import io.guichet.analytics.Filter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The marketing team's figures, read from a store filled by real conversations. */
class AnalyticsFiguresTest {
    private static final LocalDate NOW = LocalDate.parse("2026-11-21");

    private DialogueSetup setup;
    private ConversationService service;
    private AnalyticsStore figures;

    @BeforeEach
    void open() throws Exception {
        setup = DialogueSetup.open();
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
}
