package io.guichet.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.TestFixtures;
import io.guichet.conversation.Conversation;
import io.guichet.conversation.JourneyState;
import io.guichet.conversation.Message;
import io.guichet.kb.KnowledgeBase;
import io.guichet.kb.SearchHit;
import io.guichet.nlu.EntityExtractor;
import io.guichet.nlu.IntentFile;
import io.guichet.nlu.IntentScore;
import io.guichet.nlu.Parse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Questions with a date are asked of the agenda: the events that take place then, the soonest
 * first, before the evergreen pages; a weekend's recommendations bring the events of its dates.
 */
class EventsTest {
    /** A Saturday. */
    private static final LocalDate NOW = LocalDate.parse("2026-12-05");
    private static final EntityExtractor ENTITIES = new EntityExtractor();
    private static Answers answers;
    private static Recommender recommender;
    private static Journey weekend;

    @BeforeAll
    static void load(@TempDir Path kb) throws IOException {
        page(kb, "marche-de-noel", "Marché de Noël de Valmoreau", "periods: [{start: 2026-11-28, end: 2026-12-24}]",
                "Cinquante chalets place de la Halle, vin chaud et artisans, tous les jours de 11 h à 20 h.");
        page(kb, "concert-orgue", "Concert d'orgue à la collégiale", "periods: [{start: 2026-12-12}]",
                "Un concert de musique baroque à l'orgue de la collégiale, à 20 h 30, entrée 12 €.");
        page(kb, "carnaval", "Carnaval des enfants", "periods: [{start: 2027-02-13, end: 2027-02-16}]",
                "Le festival des enfants : défilé costumé, ateliers de masques et goûter pendant les vacances.");
        page(kb, "piscine", "Piscine des Sources", "", "La piscine municipale est ouverte tous les jours de 10 h à 19 h,"
                + " bassin de 25 mètres, entrée 4 €.");
        page(kb, "collegiale", "La collégiale Saint-Martin", "", "L'église romane de la ville : visite libre tous les"
                + " jours de 9 h à 18 h, visite guidée du clocher le samedi à 15 h.");
        page(kb, "gite-des-pres", "Gîte des Prés", "price_from_eur: 90\nprice_unit: night",
                "Un gîte pour six personnes au bord de la rivière, cheminée et jardin.");
        page(kb, "agenda", "Agenda des festivals et grands événements", "", "Les rendez-vous de l'année :\n\n"
                + "- **Trail des Crêtes**, 23 mai 2027 : courses de 12 et 28 km.\n- **Carnaval des enfants**, du 13 au "
                + "16 février 2027 : défilé costumé.");
        page(kb, "parc-des-varennes", "Parc d'activités des Varennes", "", "business_setup",
                "Quarante hectares de terrains viabilisés. Visites des terrains sur rendez-vous le mardi, we are"
                        + " visiting companies next month.");
        KnowledgeBase knowledge = KnowledgeBase.load(kb, TestFixtures.embedder());
        answers = new Answers(knowledge, Phrases.shipped(), Clock.fixed(NOW.atStartOfDay().toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC));
        recommender = new Recommender(knowledge);
        for (IntentFile file : IntentFile.loadAll(TestFixtures.INTENTS)) {
            Journey.from(file).filter(j -> j.name().equals("weekend_stay")).ifPresent(j -> weekend = j);
        }
    }

    private static void page(Path kb, String id, String title, String facts, String body) throws IOException {
        page(kb, id, title, facts, "weekend_stay", body);
    }

    private static void page(Path kb, String id, String title, String facts, String journey, String body)
            throws IOException {
        Files.writeString(kb.resolve(id + ".md"), "---\nid: " + id + "\ntitle: " + title
                + "\nlang: fr\njourney: " + journey + "\nurl: https://valmoreau.example/" + id + "\n" + facts
                + "\n---\n# " + title + "\n\n" + body + "\n");
    }

    private static Parse parse(String text, String lang) {
        return new Parse(text, lang, new IntentScore("none", 0.5), List.of(), ENTITIES.extract(text, NOW));
    }

    private static Optional<Answers.Answer> ask(String text, String lang) {
        return answers.answer(parse(text, lang));
    }

    private static List<String> sources(Optional<Answers.Answer> answer) {
        return answer.orElseThrow().sources().stream().map(Reply.Card::sourceId).toList();
    }

    @Test
    void whatIsOnAtTheDatesAskedComesFromTheAgenda() {
        Optional<Answers.Answer> weekendOn = ask("qu'est-ce qu'il y a à faire ce week-end ?", "fr");
        assertEquals(List.of("marche-de-noel"), sources(weekendOn), "the 5-6 December weekend");
        assertEquals(new Reply.Text("Voici ce qui est prévu du 5 au 6 décembre 2026 :"), weekendOn.get().replies().get(0));
        assertTrue(weekendOn.get().replies().get(1).toString().contains("Marché de Noël de Valmoreau (du 28 novembre"
                + " au 24 décembre 2026)"), weekendOn.get().replies().toString());

        assertEquals(List.of("concert-orgue"), sources(ask("any concerts next Saturday?", "en")),
                "a kind of event named: the concert, not the Christmas market of that day too");
        assertEquals(List.of("marche-de-noel", "concert-orgue"), sources(ask("que faire du 10 au 15 décembre ?", "fr")),
                "the soonest first");
        assertEquals(List.of("carnaval"), sources(ask("que faire pendant les vacances de février ?", "fr")));
        assertEquals(List.of("concert-orgue", "marche-de-noel"), sources(ask("what's on next weekend?", "en")),
                "both on the Saturday: the one-off concert before the month-long market");
        assertEquals(List.of("concert-orgue"), sources(ask("des concerts en décembre ?", "fr")),
                "the market is on in December too, but it is no concert");
    }

    @Test
    void aSeasonAskedAboutIsItsSpanOfTheAgenda() {
        assertEquals(List.of("marche-de-noel", "carnaval"), sources(ask("que faire cet hiver ?", "fr")),
                "the winter from 21 December: the market's last days, then the carnival");
        assertEquals(List.of("carnaval"), sources(ask("what can we do in february?", "en")));
        assertEquals(List.of("marche-de-noel", "carnaval"), sources(ask("what can we do this winter?", "en")));
    }

    @Test
    void anAgendaWithNothingAtTheDatesAskedSaysSoBeforeThePageThatAnswers() {
        Answers.Answer pool = ask("que faire le 20 janvier à la piscine ?", "fr").orElseThrow();
        assertEquals(new Reply.Text("Je ne vois rien au programme le 20 janvier 2027."), pool.replies().get(0),
                pool.replies().toString());
        assertEquals(List.of("piscine"), sources(Optional.of(pool)));
        Answers.Answer visiting = ask("we are visiting next month, what's on?", "en").orElseThrow();
        assertEquals(new Reply.Text("I can't see anything scheduled from 1 to 31 January 2027."),
                visiting.replies().get(0), "nothing on is an answer");
        assertFalse(sources(Optional.of(visiting)).contains("parc-des-varennes"),
                "the business park's visits are not what there is to do in January: " + visiting);
        assertFalse(sources(ask("peut-on visiter les terrains du parc en janvier ?", "fr")).isEmpty(),
                "asked for, the business park's visits are still found");
        Answers.Answer weekend = ask("qu'est-ce qu'il y a à faire ce week-end ?", "fr").orElseThrow();
        assertFalse(weekend.replies().get(0).toString().contains("rien"), "the Christmas market is on then");
    }

    @Test
    void theEventsOfAKindAreListedThoughTheYearsAgendaIsTheFirstPageFound() {
        Answers.Answer carnival = ask("y'a quoi comme festivals en février ?", "fr").orElseThrow();
        assertEquals(List.of("carnaval"), sources(Optional.of(carnival)), carnival.replies().toString());
    }

    @Test
    void whatIsOnIsAskedInManyWords() {
        for (String whatsOn : List.of("samedi, on fait quoi ?", "qu'est-ce qu'on fait samedi ?", "que faire ?",
                "what can we do on Saturday?")) {
            assertTrue(Events.asksWhatIsOn(whatsOn), whatsOn);
        }
        assertFalse(Events.asksWhatIsOn("des concerts samedi ?"), "a kind of event named");
    }

    @Test
    void aQuestionOnTheEventListedIsAnsweredFromItsPage() {
        Parse onThe12th = parse("qu'est-ce qu'il y a le 12 décembre ?", "fr");
        Answers.Answer listed = ask(onThe12th.text(), "fr").orElseThrow();
        Conversation conversation = new Conversation("c1", "web", "fr", Instant.EPOCH);
        conversation.append(new Message("user", onThe12th.text(), Instant.EPOCH));
        listed.replies().stream().filter(reply -> reply instanceof Reply.Text)
                .forEach(reply -> conversation.append(new Message("bot", ((Reply.Text) reply).text(), Instant.EPOCH)));
        for (String followUp : List.of("c'est où ?", "et ça commence à quelle heure ?", "c'est payant ?")) {
            assertEquals(List.of("concert-orgue"), sources(answers.consult(parse(followUp, "fr"), conversation).answer()),
                    followUp);
        }
        assertEquals(List.of("piscine"), sources(answers.consult(parse("et la piscine, elle ouvre à quelle heure ?", "fr"),
                conversation).answer()), "a question on something else");
    }

    @Test
    void theWeekendOfAQuestionIsWhenNotAStay() {
        assertTrue(!JourneyFlow.statesAProjectBesidesWhen(weekend, parse("qu'est-ce qu'il y a à faire ce week-end ?",
                "fr"), NOW), "a question on what is on");
        assertTrue(JourneyFlow.statesAProjectBesidesWhen(weekend, parse("un week-end à Valmoreau en mars", "fr"), NOW),
                "a stay, with its month");
    }

    @Test
    void aDayNamedForAVisitAsksAboutThePlaceNotAnEventHeldThere() {
        // The organ concert is at the collégiale that Saturday; the question is about visiting the church.
        assertEquals(List.of("collegiale"), sources(ask("peut-on visiter la collégiale samedi prochain ?", "fr")));
    }

    @Test
    void anEventsPageAnsweringForOtherDatesSaysItIsNotOnThen() {
        Optional<Answers.Answer> concert = ask("un concert d'orgue le 3 janvier ?", "fr");
        assertEquals(List.of("concert-orgue"), sources(concert));
        assertEquals(new Reply.Text("Je ne vois rien de tel au programme le 3 janvier 2027."),
                concert.get().replies().get(0));
        assertEquals(new Reply.Text("I can't see anything like that scheduled on 20 December 2026."),
                ask("is there an organ concert on 20 December?", "en").orElseThrow().replies().get(0));
        assertTrue(ask("la piscine est-elle ouverte le 26 décembre ?", "fr").orElseThrow().replies().stream()
                .noneMatch(reply -> reply.toString().contains("programme")), "a page of no event has no agenda");
    }

    @Test
    void aDatedQuestionWithNoEventOnIsAnsweredFromThePages() {
        Optional<Answers.Answer> pool = ask("la piscine est-elle ouverte le 26 décembre ?", "fr");
        assertEquals(List.of("piscine"), sources(pool));
        Answers.Answer march = ask("que faire le 3 mars ?", "fr").orElseThrow();
        assertEquals(new Reply.Text("Je ne vois rien au programme le 3 mars 2027."), march.replies().get(0));
        assertFalse(sources(Optional.of(march)).contains("carnaval"), "the carnival is over by then");
    }

    @Test
    void aWeekendsRecommendationsBringTheEventsOfItsDatesAndPricesCountForTheNights() {
        JourneyState state = new JourneyState("weekend_stay");
        state.slots().put("date", Map.of("start", "2026-12-12", "end", "2026-12-13"));
        state.slots().put("nights", 1);
        List<String> recommended = recommender.recommend(weekend, state, "week-end en famille", "fr").stream()
                .map(SearchHit::id).toList();
        assertEquals(List.of("concert-orgue", "marche-de-noel"), recommended.subList(0, 2), recommended.toString());
        assertTrue(!recommended.contains("carnaval"), "an event at other dates is no recommendation");
        assertTrue(recommended.contains("gite-des-pres"));

        state.slots().put("budget_eur", 200);
        state.slots().put("nights", 3);
        assertTrue(recommender.recommend(weekend, state, "week-end en famille", "fr").stream()
                .noneMatch(hit -> hit.id().equals("gite-des-pres")), "three nights at 90 € are over a 200 € budget");
        state.slots().put("nights", 2);
        assertTrue(recommender.recommend(weekend, state, "week-end en famille", "fr").stream()
                .anyMatch(hit -> hit.id().equals("gite-des-pres")), "two nights at 90 € fit in it");
    }
}
