package io.guichet.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import io.guichet.TestFixtures;
import io.guichet.nlu.IntentFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlotWordingTest {
    private final SlotWording wording = new SlotWording(Phrases.shipped());

    private static Slot slot(String json) throws Exception {
        return Slot.from(new ObjectMapper().readTree(json));
    }

    @Test
    void aNumberAskedAgainShowsTheSlotsOwnExampleOrItsTypes() throws Exception {
        Slot travellers = slot("{\"name\": \"people_count\", \"type\": \"people_count\", \"required\": true,"
                + " \"label\": {\"fr\": \"Voyageurs\"}, \"example\": {\"fr\": \"2 adultes et 2 enfants\"}}");
        assertEquals(List.of(new Reply.Text("Pour « Voyageurs », il me faudrait une indication comme « 2 adultes et 2 "
                + "enfants ». Qu'en est-il pour vous ?")), wording.question(travellers, "fr", true));
        Slot participants = slot("{\"name\": \"people_count\", \"type\": \"people_count\","
                + " \"required\": true, \"label\": {\"en\": \"Participants\"}}");
        assertEquals(List.of(new Reply.Text("For “Participants”, I'd need something like “40 people”. What would it "
                + "be for you?")), wording.question(participants, "en", true));
    }

    @Test
    void whatIsWantedLeavesOutTheNosAndTheFigures() throws Exception {
        Journey weekend = IntentFile.loadAll(TestFixtures.INTENTS).stream().map(Journey::from)
                .flatMap(Optional::stream).filter(journey -> journey.name().equals("weekend_stay")).findFirst()
                .orElseThrow();
        assertEquals("Envies : Bien-être", wording.wanted(weekend, Map.of("children", false, "interests", "wellness",
                "nights", 2, "budget_eur", 300.0), "fr"), "a couple's wellness weekend is no request for children");
        assertEquals("Avec enfants : oui", wording.wanted(weekend, Map.of("children", true), "fr"));
    }

    @Test
    void aPeriodSaysItsMonthAndYearOnce() {
        LocalDate june12 = LocalDate.of(2027, 6, 12);
        assertEquals("du 12 au 13 juin 2027", SlotWording.period(june12, LocalDate.of(2027, 6, 13), "fr"));
        assertEquals("12 to 13 June 2027", SlotWording.period(june12, LocalDate.of(2027, 6, 13), "en"));
        assertEquals("du 30 avril au 2 mai 2027",
                SlotWording.period(LocalDate.of(2027, 4, 30), LocalDate.of(2027, 5, 2), "fr"));
        assertEquals("du 30 décembre 2026 au 2 janvier 2027",
                SlotWording.period(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 2), "fr"));
        assertEquals("12 juin 2027", SlotWording.period(june12, june12, "fr"));
        assertEquals("du 1er au 10 mars 2027",
                SlotWording.period(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 10), "fr"));
        assertEquals("1 to 10 March 2027", SlotWording.period(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 10), "en"));
        assertEquals("du 30 avril au 1er mai 2027",
                SlotWording.period(LocalDate.of(2027, 4, 30), LocalDate.of(2027, 5, 1), "fr"));
    }
}
