package io.guichet.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.TestFixtures;
import io.guichet.conversation.JourneyState;
import io.guichet.nlu.EntityExtractor;
import io.guichet.nlu.IntentFile;
import io.guichet.nlu.IntentScore;
import io.guichet.nlu.Parse;
import io.guichet.nlu.TextNormalizer;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What free-form messages fill, on the shipped journeys, whatever question was asked. */
class SlotFillerTest {
    private static final LocalDate NOW = LocalDate.parse("2026-11-21");
    private static final EntityExtractor ENTITIES = new EntityExtractor();
    private static Map<String, Journey> journeys;

    @BeforeAll
    static void load() throws IOException {
        journeys = new java.util.HashMap<>();
        for (IntentFile file : IntentFile.loadAll(TestFixtures.INTENTS)) {
            Journey.from(file).ifPresent(j -> journeys.put(j.name(), j));
        }
    }

    private static SlotFiller.Filling fill(String journey, JourneyState state, String text) {
        Parse parse = new Parse(text, "fr", new IntentScore("none", 0.5), List.of(), ENTITIES.extract(text, NOW));
        return SlotFiller.fill(journeys.get(journey), state, parse, NOW);
    }

    private static JourneyState awaiting(String journey, String slot) {
        return awaiting(journey, slot, Map.of());
    }

    /** The journey asking {@code slot}, with the values {@code given} before. */
    private static JourneyState awaiting(String journey, String slot, Map<String, Object> given) {
        JourneyState state = new JourneyState(journey);
        state.slots().putAll(given);
        state.ask(slot);
        return state;
    }

    @Test
    void aNumberWithItsCueGoesToItsOwnSlotNotToTheQuestionAsked() {
        SlotFiller.Filling filling = fill("seminar_planning", awaiting("seminar_planning", "nights"), "on sera 45");
        assertEquals(Map.of("people_count", 45), filling.values());
        assertTrue(filling.refusals().isEmpty(), "45 is no number of nights: " + filling.refusals());

        assertEquals(Map.of("nights", 2, "lodging", true), fill("seminar_planning", awaiting("seminar_planning",
                "nights"), "2").values(), "a bare number answers the question asked, and nights on site need beds");
    }

    @Test
    void aNumberTakenBackCorrectsTheNumberItFits() {
        JourneyState state = awaiting("seminar_planning", "nights", Map.of("people_count", 40));
        assertEquals(Map.of("people_count", 60), fill("seminar_planning", state, "en fait plutôt 60").values(),
                "60 nights is no stay: the head count given before is corrected");
        assertEquals(3, fill("seminar_planning", state, "non, 3").values().get("nights"),
                "a number that fits the question asked answers it");
        assertTrue(fill("seminar_planning", awaiting("seminar_planning", "nights"), "en fait plutôt 60").values()
                .isEmpty(), "nothing given before that 60 fits");
        JourneyState datesAsked = awaiting("seminar_planning", "date", Map.of("people_count", 40));
        for (String afterward : List.of("could be 45 actually", "45 finalement", "plutôt 45 en fait")) {
            assertEquals(Map.of("people_count", 45), fill("seminar_planning", datesAsked, afterward).values(), afterward);
        }
    }

    @Test
    void aQuestionChangesNoChoiceAlreadyMade() {
        Journey weekend = journeys.get("weekend_stay");
        JourneyState state = awaiting("weekend_stay", "date", Map.of("interests", "family", "children", true));
        SlotFiller.Filling read = fill("weekend_stay", state, "c'est quoi les horaires du musée ?");
        assertEquals("culture", read.values().get("interests"), "the museum reads as culture");
        assertFalse(read.asked(weekend, state).values().containsKey("interests"),
                "asked about, the museum is no change of the family's wishes");
        assertEquals("culture", fill("weekend_stay", awaiting("weekend_stay", "date"), "c'est quoi les horaires du "
                + "musée ?").asked(weekend, awaiting("weekend_stay", "date")).values().get("interests"),
                "a wish not yet said may be read from a question");
    }

    @Test
    void aRoomNamedInPassingIsNoLayout() {
        JourneyState state = awaiting("seminar_planning", "nights");
        assertNull(fill("seminar_planning", state, "c'est quoi les hôtels avec salle de réunion ?").values()
                .get("room_layout"), "every seminar has a meeting room");
        assertEquals("boardroom", fill("seminar_planning", state, "une table en U pour le codir").values()
                .get("room_layout"));
    }

    @Test
    void severalFactsInOneMessageAndAnImpliedAnswer() {
        Map<String, Object> values = fill("seminar_planning", new JourneyState("seminar_planning"),
                "nous serons 30 pour deux jours en mars avec une nuit sur place, budget 8000 €").values();
        assertEquals(30, values.get("people_count"));
        assertEquals(Map.of("start", "2027-03-01", "end", "2027-03-31"), values.get("date"));
        assertEquals(1, values.get("nights"));
        assertEquals(8000L, ((Number) values.get("budget_eur")).longValue());
        assertEquals(true, values.get("lodging"), "a night on site implies lodging");

        Map<String, Object> dayOnly = fill("seminar_planning", new JourneyState("seminar_planning"),
                "juste une réunion, pas besoin de dormir sur place").values();
        assertEquals(false, dayOnly.get("lodging"));
        assertEquals(0, dayOnly.get("nights"), "no accommodation is no night on site");
        assertEquals(0, fill("seminar_planning", new JourneyState("seminar_planning"),
                "séminaire pour 25 personnes le 12 mai, sans nuit").values().get("nights"));
    }

    @Test
    void yesNoSlotsAreAnsweredInPassing() {
        assertEquals(true, fill("weekend_stay", awaiting("weekend_stay", "date"),
                "on viendrait avec les enfants, ils ont 6 et 9 ans").values().get("children"));
        assertEquals(false, fill("weekend_stay", awaiting("weekend_stay", "date"),
                "un week-end en amoureux, sans enfants").values().get("children"));
        assertEquals(true, fill("relocation", awaiting("relocation", "household"),
                "il nous faudra une école pour notre fille").values().get("schools"));
        assertEquals("has_job", fill("relocation", awaiting("relocation", "household"),
                "je m'installe pour mon nouveau poste à l'hôpital").values().get("job_search"));
    }

    @Test
    void aPartnerNamedIsACoupleAndChildrenNamedBesideMakeAFamily() {
        JourneyState state = awaiting("relocation", "job_search");
        assertEquals("couple", fill("relocation", state, "je viens m'installer avec ma femme").values()
                .get("household"));
        assertEquals("couple", fill("relocation", state, "moving here with my husband").values().get("household"));
        assertEquals("family", fill("relocation", state, "avec ma femme et nos deux enfants").values()
                .get("household"), "children named beside a partner make a family, whatever phrase is longer");
        assertEquals("family", fill("relocation", state, "en couple avec 2 enfants").values().get("household"));
        assertEquals(2, fill("weekend_stay", awaiting("weekend_stay", "date"),
                "me and my gf want to come for a long weekend").values().get("people_count"), "as people type it");
        assertNull(fill("relocation", state, "non pas d'enfants").values().get("household"),
                "no children is no couple: she may move alone");
        assertEquals("couple", fill("relocation", state, "en couple, sans enfants").values().get("household"),
                "\"enfants\" said inside \"sans enfants\" says no family");
    }

    @Test
    void anEventOrAStaySaidInDaysLastsOneNightFewer() {
        Map<String, Object> seminar = fill("seminar_planning", new JourneyState("seminar_planning"),
                "on organise un séminaire de 2 jours pour 30 personnes en mars").values();
        assertEquals(1, seminar.get("nights"));
        assertEquals(true, seminar.get("lodging"), "a night on site needs beds");
        Map<String, Object> answered = fill("seminar_planning", awaiting("seminar_planning", "nights"), "2 days")
                .values();
        assertEquals(Map.of("nights", 1, "lodging", true), answered, "the nights asked, answered in days");
        assertEquals(0, fill("seminar_planning", new JourneyState("seminar_planning"),
                "une journée d'étude pour 50 personnes").values().get("nights"));
        assertEquals(2, fill("weekend_stay", new JourneyState("weekend_stay"), "on vient trois jours en mai").values()
                .get("nights"));

        assertNull(fill("weekend_stay", new JourneyState("weekend_stay"), "on arrive dans 3 jours").values()
                .get("nights"), "a day that comes is no length");
        assertNull(fill("weekend_stay", new JourneyState("weekend_stay"), "j'ai réservé il y a 3 jours").values()
                .get("nights"), "nor a day gone by");
        assertNull(fill("weekend_stay", new JourneyState("weekend_stay"), "on vient pour la journée").values()
                .get("nights"), "a day trip is no stay of no nights");
        assertNull(fill("seminar_planning", new JourneyState("seminar_planning"),
                "nos équipes sont sur site 2 jours par semaine").values().get("nights"), "a rhythm is no length");
    }

    @Test
    void whatAGroupOrAMoveIsForSaysItsFacts() {
        Map<String, Object> party = fill("weekend_stay", awaiting("weekend_stay", "children"),
                "on est un groupe de 12 pour un EVG, plutôt activités sportives").values();
        assertEquals(false, party.get("children"), "a stag party brings no children");
        assertEquals("sport", party.get("interests"));
        assertEquals("has_job", fill("relocation", awaiting("relocation", "household"),
                "I'm relocating to Valmoreau for a job at the hospital").values().get("job_search"));
        assertEquals("looking", fill("relocation", awaiting("relocation", "household"),
                "we're moving and I'm looking for a job").values().get("job_search"), "the longer phrase wins");
        assertEquals("partner_looking", fill("relocation", awaiting("relocation", "job_search"),
                "mon mari est infirmier et cherche un poste").values().get("job_search"), "a phrase with a gap");
        assertEquals("partner_looking", fill("relocation", awaiting("relocation", "job_search"),
                "my wife is a nurse and she's looking for a job").values().get("job_search"));
        assertEquals("both_looking", fill("relocation", awaiting("relocation", "job_search"),
                "my wife and I are both looking for jobs").values().get("job_search"), "whole phrases first");
    }

    @Test
    void aNumberGivenToAQuestionThatTakesNoneGoesToTheOneOpenSlotItFits() {
        JourneyState state = awaiting("weekend_stay", "children", Map.of("nights", 2));
        assertEquals(Map.of("budget_eur", 600.0), fill("weekend_stay", state, "maybe 600").values(),
                "600 travellers is no party: the budget");
        assertEquals(Map.of(), fill("weekend_stay", state, "2").values(), "two children, or two travellers: not guessed");
        JourneyState layout = awaiting("seminar_planning", "room_layout", Map.of("people_count", 40, "nights", 1));
        assertEquals(Map.of("budget_eur", 8000.0), fill("seminar_planning", layout, "8000").values(),
                "no room layout is a number");
    }

    @Test
    void peopleAddedToAHeadCountAreCountedIn() {
        JourneyState state = awaiting("relocation", "household");
        assertEquals(3, fill("relocation", state, "on est 2, plus un bébé qui arrive en mai, donc 3").values()
                .get("people_count"));
        assertEquals(6, fill("weekend_stay", awaiting("weekend_stay", "people_count"), "nous sommes 4, plus 2 enfants")
                .values().get("people_count"));
        assertNull(fill("relocation", awaiting("relocation", "household"), "on arrive en mars, j'ai 2 enfants de 5 et 8 "
                + "ans").values().get("people_count"), "the children are not the whole household: asked rather than set");
        assertEquals(30, fill("seminar_planning", awaiting("seminar_planning", "people_count"), "une classe de 30 enfants")
                .values().get("people_count"), "a group of children is the group");
        assertEquals(45, fill("seminar_planning", awaiting("seminar_planning", "people_count"),
                "40 personnes, enfin plutôt 45").values().get("people_count"), "a count taken back is no addition");
    }

    @Test
    void aYearOrASeasonIsADateWhereTheJourneyExpectsOneAndSaysTheDelay() {
        Map<String, Object> works = fill("business_setup", awaiting("business_setup", "timeline"),
                "on voudrait commencer les travaux début 2028").values();
        assertEquals(Map.of("start", "2028-01-01", "end", "2028-03-31"), works.get("date"));
        assertEquals("1_to_2_years", works.get("timeline"), "a year and a few months ahead of 21 November 2026");
        assertEquals("6_to_12_months", fill("business_setup", awaiting("business_setup", "timeline"), "courant 2027")
                .values().get("timeline"));
        assertEquals("under_6_months", fill("business_setup", new JourneyState("business_setup"),
                "on cherche 300 m2 de bureaux, démarrage rapide").values().get("timeline"));
        assertEquals(Map.of("start", "2027-06-21", "end", "2027-09-22"), fill("weekend_stay",
                awaiting("weekend_stay", "date"), "on voudrait venir cet été").values().get("date"));
        assertEquals(Map.of("start", "2027-09-01", "end", "2027-09-30"), fill("relocation",
                awaiting("relocation", "household"), "on arrive à la rentrée avec les enfants").values().get("date"));
        assertNull(fill("relocation", awaiting("relocation", "household"), "le quartier a été rénové en 2019").values()
                .get("date"), "a year gone by, and \"été\" of \"a été\", are no move-in date");
    }

    @Test
    void chatYesesAndNos() {
        for (String yes : List.of("oui", "c bon pour moi", "c'est bon", "ça me va", "parfait merci", "sounds good",
                "go ahead")) {
            assertEquals(Boolean.TRUE, SlotWords.yesOrNo(String.join(" ", TextNormalizer.tokens(yes))), yes);
        }
        for (String no : List.of("non merci", "nope", "pas besoin")) {
            assertEquals(Boolean.FALSE, SlotWords.yesOrNo(String.join(" ", TextNormalizer.tokens(no))), no);
        }
        assertNull(SlotWords.yesOrNo("on verra"));
    }

    @Test
    void relocationKeepsTheFactsOfTheHome() {
        JourneyState state = awaiting("relocation", "housing");
        Map<String, Object> values = fill("relocation", state,
                "on cherche à louer un trois pièces d'au moins 75 m², loyer maximum 950 €").values();
        assertEquals("rent", values.get("housing"));
        assertEquals(75L, ((Number) values.get("surface_m2")).longValue());
        assertEquals(950L, ((Number) values.get("budget_eur")).longValue());
        assertEquals(Map.of("start", "2027-02-01", "end", "2027-02-01"), fill("relocation", state,
                "on emménage le 1er février").values().get("date"));
    }

    @Test
    void datesAreReadAgainstWhatWasSaidBefore() {
        JourneyState state = awaiting("seminar_planning", "date");
        state.slots().put("date", Map.of("start", "2027-04-01", "end", "2027-04-30"));
        assertEquals(Map.of("start", "2027-04-19", "end", "2027-04-19"),
                fill("seminar_planning", state, "plutôt le 19").values().get("date"), "in the month said before");

        JourneyState correcting = awaiting("seminar_planning", "nights");
        correcting.slots().put("date", Map.of("start", "2027-05-14", "end", "2027-05-14"));
        assertEquals(Map.of("start", "2027-05-21", "end", "2027-05-21"),
                fill("seminar_planning", correcting, "ah non, pas le 14 : le 21").values().get("date"));

        JourneyState twoDays = awaiting("seminar_planning", "nights");
        twoDays.slots().put("date", Map.of("start", "2027-03-12", "end", "2027-03-13"));
        assertEquals(Map.of("start", "2027-03-19", "end", "2027-03-20"),
                fill("seminar_planning", twoDays, "finalement le 19").values().get("date"), "its length kept");

        assertNull(fill("seminar_planning", new JourneyState("seminar_planning"), "le 19").values().get("date"),
                "a day alone is no date when none is expected");
    }

    @Test
    void aQuestionAboutADayOfTheStayDoesNotMoveIt() {
        JourneyState stay = awaiting("weekend_stay", "people_count");
        stay.slots().put("date", Map.of("start", "2027-06-19", "end", "2027-06-20"));
        assertNull(fill("weekend_stay", stay, "et il y a un marché le samedi ?").values().get("date"));
        assertEquals(Map.of("start", "2027-06-26", "end", "2027-06-27"),
                fill("weekend_stay", stay, "et si on venait le week-end du 26 juin ?").values().get("date"),
                "a day said with its date is a change of plan, even asked");
        assertEquals(Map.of("start", "2026-11-21", "end", "2026-11-21"),
                fill("weekend_stay", awaiting("weekend_stay", "date"), "c'est possible samedi ?").values().get("date"),
                "nothing held: the day asked about is the date");
    }

    @Test
    void notKnowingPassesTheSlotItNamesOrTheOneAsked() {
        assertEquals(java.util.Set.of("budget_eur"), fill("seminar_planning", awaiting("seminar_planning", "nights"),
                "pour le budget je sais pas encore").skipped());
        assertEquals(java.util.Set.of("budget_eur"), fill("seminar_planning", awaiting("seminar_planning",
                "budget_eur"), "pas de budget fixé pour l'instant").skipped());
        SlotFiller.Filling nothing = fill("seminar_planning", awaiting("seminar_planning", "nights"),
                "c'est pour notre équipe commerciale");
        assertFalse(nothing.said(), nothing.toString());
    }
}
