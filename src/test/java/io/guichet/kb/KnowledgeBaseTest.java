package io.guichet.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.TestFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {

    private static void write(Path folder, String id, String lang, String title, String body) throws IOException {
        Files.writeString(folder.resolve(id + ".md"),
                "---\nid: " + id + "\ntitle: " + title + "\nlang: " + lang + "\n---\n# " + title + "\n\n" + body + "\n");
    }

    /** The passage quoted for {@code question} from the knowledge base in {@code folder}. */
    private static String quoted(Path folder, String question, String lang) throws IOException {
        return KnowledgeBase.load(folder, TestFixtures.embedder()).search(question, 1, lang).get(0).passage();
    }

    private static void seed(Path folder) throws IOException {
        write(folder, "plage", "fr", "La plage du lac", "Baignade surveillée en juillet et août, de 11 h à 19 h.");
        write(folder, "musee", "fr", "Musée des beaux-arts", "Ouvert du mercredi au dimanche, entrée 7 €.");
        write(folder, "ski", "en", "Ski area", "Eight slopes open from December to March; a day pass costs 29 euros.");
    }

    @Test
    void findsTheRightDocumentAndTellsWeakAnswersApart(@TempDir Path folder) throws IOException {
        seed(folder);
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        List<SearchHit> hits = base.search("prix d'entrée du musee", 3, "fr");
        assertEquals("musee", hits.get(0).id());
        assertTrue(hits.get(0).score() >= KnowledgeBase.TRUSTED, "score " + hits.get(0).score());
        assertEquals("ski", base.search("combien coûte le forfait de ski", 1, "fr").get(0).id());
        List<SearchHit> unrelated = base.search("réparer le moteur de ma voiture", 3, "fr");
        assertTrue(unrelated.isEmpty() || unrelated.get(0).score() < KnowledgeBase.TRUSTED, unrelated.toString());
    }

    @Test
    void aPriceQuestionFindsThePageOfTariffsOverAnotherLanguagesPageThatSaysCosts(@TempDir Path folder)
            throws IOException {
        seed(folder);
        write(folder, "stationnement", "fr", "Stationner en ville, parkings et tarifs", "| Parking | Places | Tarif |\n"
                + "|---|---|---|\n| Gare (souterrain) | 900 | 2 € l'heure |\n| Halles | 400 | 1,80 € l'heure |\n\n"
                + "La première demi-heure est gratuite dans tous les parkings couverts.");
        write(folder, "getting-here", "en", "Getting here by train or car", "The station is in the city centre, "
                + "with a taxi rank at the main exit. A taxi from the station costs about 32 euros. The old town is "
                + "pedestrian, so leave your car in a car park on the edge of town.");
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        assertEquals("stationnement", base.search("combien coute le parking a la gare", 1, "fr").get(0).id());
        assertEquals("stationnement", base.search("ça coûte combien le parking de la gare ?", 1, "fr").get(0).id());
    }

    @Test
    void theShareOfAQuestionASentenceStatesCountsSynonymsAndTheTitle(@TempDir Path folder) throws IOException {
        seed(folder);
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        KbDocument museum = base.documents().stream().filter(d -> d.id().equals("musee")).findFirst().orElseThrow();
        var share = base.statedShare("ça coûte combien l'entrée du musée ?", "fr", museum);
        double price = share.applyAsDouble(List.of("Plein tarif 8 €, tarif réduit 5 €."));
        double works = share.applyAsDouble(List.of("Le couvent présente 2 500 œuvres du Moyen Âge."));
        assertTrue(price > works, price + " against " + works);
        // The title says "musée" for every sentence: a sentence that says nothing else still states it.
        assertTrue(works > 0, "works " + works);
        assertEquals(share.applyAsDouble(List.of("Plein tarif 8 €.", "Le couvent.")),
                share.applyAsDouble(List.of("Le couvent.", "Plein tarif 8 €.")), 1e-9);
    }

    @Test
    void aPageThatStatesTheQuestionsWordsTogetherOutranksOneThatScattersThem(@TempDir Path folder) throws IOException {
        write(folder, "piscine", "fr", "La piscine olympique", "La piscine olympique accueille les clubs de natation "
                + "et le public. Les horaires des bassins de la piscine changent selon les saisons : la piscine les "
                + "affiche à l'accueil. La piscine propose l'aquagym et des cours de natation.\n\n"
                + "## Autour\n\nLe marché se tient sur le parvis le dimanche matin.");
        write(folder, "vivre", "fr", "Vivre en ville", "La médiathèque prête livres, disques et jeux. Le cinéma "
                + "programme des films en version originale chaque semaine. La mairie délivre les cartes d'identité "
                + "sur rendez-vous. Le bassin de la piscine municipale est ouvert le dimanche de 9 h à 12 h. La "
                + "patinoire ouvre de novembre à mars. Le bowling compte douze pistes. Les parcs ferment à 20 h.");
        List<SearchHit> hits = KnowledgeBase.load(folder, TestFixtures.embedder())
                .search("la piscine est-elle ouverte le dimanche ?", 2, "fr");
        assertEquals("vivre", hits.get(0).id(), hits.toString());
    }

    @Test
    void theQuotedPassageIsTheOneThatStatesWhatWasAsked(@TempDir Path folder) throws IOException {
        // The passage on luggage is the closest in meaning; the list of services is the one that says it.
        write(folder, "office", "fr", "Office de tourisme", "L'office de tourisme vous accueille place du Marché.\n\n"
                + "## Bagages\n\nVos valises, sacs et bagages sont les bienvenus : nos conseillers vous aident à "
                + "organiser vos visites avec vos bagages.\n\n## Services\n\nWi-fi gratuit, prêt de poussettes, "
                + "billetterie des spectacles, location de vélos électriques, consigne à bagages (3 € la journée), "
                + "boutique de produits locaux.");
        String passage = quoted(folder, "consigne à bagages", "fr");
        assertTrue(passage.startsWith("Wi-fi gratuit"), passage);
    }

    @Test
    void aQuestionThatTheTitleSaysInFullIsAnsweredByThePagesLead() throws IOException {
        KnowledgeBase shipped = KnowledgeBase.load(Path.of("knowledge-base"), TestFixtures.embedder());
        SearchHit overview = shipped.search("quelles aides financières existent pour une implantation ?", 1, "fr")
                .get(0);
        assertEquals("aides-a-l-implantation", overview.id());
        assertTrue(overview.passage().startsWith("Créer des emplois"), overview.passage());
        // "est" of "c'est" is no information, though it is the word for "east" too ("l'est de la métropole").
        assertTrue(shipped.search("c'est quoi les aides ?", 1, "fr").get(0).passage().startsWith("Créer des emplois"));
        assertTrue(shipped.search("exonération de CFE : combien d'années ?", 1, "fr").get(0).passage()
                .contains("CFE"));
    }

    @Test
    void anAspectTheTitleListsAfterItsSubjectIsAnsweredByItsSection(@TempDir Path folder) throws IOException {
        write(folder, "office", "fr", "Office de tourisme de Lanvaux, horaires et services", "L'office de tourisme "
                + "vous accueille au 4 rue des Halles, dans l'ancienne maison du péage.\n\n## Horaires d'ouverture\n\n"
                + "Du lundi au samedi de 9 h à 18 h, le dimanche de 10 h à 13 h.\n\n## Services\n\n"
                + "Billetterie, wifi gratuit, consigne à bagages.");
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        assertTrue(base.search("bonjour, je voudrais les horaires de l'office de tourisme svp", 1, "fr").get(0)
                .passage().startsWith("Du lundi au samedi"));
        assertTrue(base.search("où est l'office de tourisme ?", 1, "fr").get(0).passage()
                .startsWith("L'office de tourisme vous accueille"));
    }

    @Test
    void theSectionThatWritesTheHoursTheAddressOrTheNumberAskedForIsQuotedThoughItNeverNamesThem(@TempDir Path folder)
            throws IOException {
        write(folder, "batellerie", "fr", "Musée de la Batellerie", "Trois siècles de navigation sur la rivière, des "
                + "gabares aux péniches.\n\n## La visite\n\nOuvert du mardi au dimanche de 10 h à 18 h.\n\n## Accès\n\n"
                + "3 quai des Mariniers, à 10 minutes à pied de la gare. Accueil : 04 70 12 34 56.");
        write(folder, "gare", "fr", "La gare", "Trains pour Lyon toutes les heures, parking de 300 places.");
        assertTrue(quoted(folder, "quels sont les horaires du musée de la batellerie ?", "fr").startsWith("Ouvert"));
        assertTrue(quoted(folder, "c'est quoi le numéro de téléphone du musée de la batellerie ?", "fr")
                .startsWith("3 quai"));
        assertTrue(quoted(folder, "adresse du musée de la batellerie", "fr").startsWith("3 quai"));
    }

    @Test
    void theSectionOnTheNarrowerThingAskedAboutIsQuotedAndOpeningIsAskingTheHours(@TempDir Path folder)
            throws IOException {
        // Every section states "marché", and "marché couvert" is a way of saying it; one section is on the
        // covered market. "Ouvre" asks what "ouvert de 7 h à 13 h" says.
        write(folder, "marches", "fr", "Les marchés de Lanvaux", "Faire son marché fait partie de l'art de vivre "
                + "lanvaudin.\n\n## Les Halles\n\nLe marché couvert de la place des Halles réunit 30 commerçants. "
                + "Il est ouvert du mardi au samedi de 7 h à 13 h.\n\n## En plein air\n\n"
                + "Grand marché du samedi : de 7 h à 13 h place du Foirail, avec 150 exposants.");
        for (String question : List.of("quand ouvre le marché couvert ?", "à quelle heure ouvre le marché couvert",
                "le marché couvert ouvre quand ?", "what time does the covered market open?")) {
            String lang = question.startsWith("what") ? "en" : "fr";
            assertTrue(quoted(folder, question, lang).startsWith("Le marché couvert"), question);
        }
        assertTrue(quoted(folder, "quand ouvre le grand marché du samedi ?", "fr").startsWith("Grand marché"));
    }

    @Test
    void aPageNamedByItsTitleAloneIsTrustedThoughTheWordIsSaidEverywhere(@TempDir Path folder)
            throws IOException {
        write(folder, "marches", "fr", "Les marchés de Lanvaux", "Le marché couvert réunit quarante commerçants.\n\n"
                + "## Plein air\n\nLe grand marché a lieu le samedi matin autour des Halles.");
        write(folder, "stationner", "fr", "Stationner à Lanvaux, parkings et tarifs", "Le centre est piéton ; "
                + "quatre parkings couverts l'entourent.");
        write(folder, "musee", "fr", "Le musée de Lanvaux", "Peinture ancienne et objets d'art dans un couvent.\n\n"
                + "## Visite\n\nDu mardi au dimanche de 10 h à 18 h.");
        write(folder, "gare", "fr", "La gare de Lanvaux", "Trains pour Lyon toutes les heures.");
        write(folder, "lac", "fr", "Le lac de Lanvaux", "Baignade surveillée en été.");
        // "marché" said in passing by many pages: alone, it carries little information.
        for (String place : List.of("bistrot", "cave", "fromagerie", "boulangerie", "librairie", "fleuriste", "hotel")) {
            write(folder, place, "fr", "Le " + place + " du centre", "Une adresse près du marché, de ses "
                    + "restaurants et du musée, ouverte le matin.");
        }
        write(folder, "manger", "fr", "Où manger à Lanvaux, restaurants et cafés", "Des bouchons de la vieille ville "
                + "aux tables du lac.");
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        for (String topic : List.of("le marché", "les marchés", "marché")) {
            SearchHit hit = base.search(topic, 1, "fr").get(0);
            assertEquals("marches", hit.id(), topic);
            assertTrue(hit.score() >= KnowledgeBase.TRUSTED, topic + ": " + hit.score());
            assertTrue(hit.passage().startsWith("Le marché couvert"), "the page's lead: " + hit.passage());
        }
        SearchHit restaurants = base.search("les restaurants", 1, "fr").get(0);
        assertEquals("manger", restaurants.id(), "an aspect the title lists names the page too");
        assertTrue(restaurants.score() >= KnowledgeBase.TRUSTED, "les restaurants: " + restaurants.score());
        SearchHit hours = base.search("quels sont les horaires du musée ?", 1, "fr").get(0);
        assertEquals("musee", hours.id(), "the page named, which writes its hours");
        // Stated wholly by the page's name and its hours, not by its name alone (0.42, at the edge of trust).
        assertTrue(hours.score() >= 0.6, "les horaires du musée: " + hours.score());
        assertTrue(hours.passage().startsWith("Du mardi"), hours.passage());
        SearchHit openingHours = base.search("what are the museum opening hours?", 1, "en").get(0);
        assertEquals("musee", openingHours.id(), "in English, \"opening hours\" are the page's hours");
        assertTrue(openingHours.score() >= 0.6, "the museum opening hours: " + openingHours.score());
    }

    @Test
    void thePassageThatStatesWhatTheTitleDoesNotIsQuotedOverTheLeadThatRepeatsTheTitle(@TempDir Path folder)
            throws IOException {
        write(folder, "thermes", "en", "Les Thermes de Lanvaux, spa and thermal baths", "Since 2019 the warm water "
                + "has filled the pools of a day spa built inside the restored bathhouse.\n\n## Opening hours\n\n"
                + "Every day from 10 am to 9 pm. Minimum age 16; children are welcome on Sunday mornings in the family "
                + "pool.");
        // Children are spoken of everywhere, the spa on one page: the lead's "spa" would outweigh them.
        for (String place : List.of("ecole", "creche", "parc", "ferme", "piscine", "cinema", "musee", "zoo")) {
            write(folder, place, "fr", "Le " + place + " de Lanvaux", "Un lieu pour les enfants, ouvert le matin.");
        }
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        SearchHit children = base.search("le spa accepte les enfants ?", 1, "fr").get(0);
        assertEquals("thermes", children.id());
        assertTrue(children.passage().startsWith("Every day"), children.passage());
    }

    @Test
    void anAcknowledgementBeforeAQuestionAsksNothing(@TempDir Path folder) throws IOException {
        write(folder, "stationner", "fr", "Stationner à Lanvaux, parkings et tarifs", "Le centre est piéton ; "
                + "quatre parkings couverts l'entourent. Se garer coûte 2 € l'heure.");
        write(folder, "gare", "fr", "La gare de Lanvaux", "Trains pour Lyon toutes les heures.");
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        double alone = base.search("on peut se garer à côté ?", 1, "fr").get(0).score();
        assertEquals(alone, base.search("ok merci, et on peut se garer à côté ?", 1, "fr").get(0).score(), 0.01);
    }

    @Test
    void theWordsThatFrameAQuestionAskNothing() throws IOException {
        // On the shipped pages, where "si" of "savoir si" quoted the trams' ramps rather than the museum's lift.
        KnowledgeBase shipped = KnowledgeBase.load(Path.of("knowledge-base"), TestFixtures.embedder());
        SearchHit framed = shipped.search("bonjour, j'aimerais savoir si le musée est accessible en fauteuil roulant", 1,
                "fr").get(0);
        assertEquals("accessibility", framed.id());
        assertTrue(framed.passage().contains("fine arts museum are fully accessible"), framed.passage());
    }

    @Test
    void nearbyIsHereAndAsksNothing(@TempDir Path folder) throws IOException {
        // "Loin" is a rare word of the pages: read, it would weigh more than the restaurant asked for.
        for (String question : List.of("un resto pas loin de la gare", "un hotel a proximité de la cathédrale",
                "y a une piscine tout pres ?")) {
            List<String> terms = KbAnalyzers.terms(KbAnalyzers.forQuery("fr"), question);
            assertTrue(terms.stream().noneMatch(term -> term.startsWith("loin") || term.startsWith("proxim")
                    || term.startsWith("pres")), terms.toString());
        }
        assertEquals(List.of("pool"), KbAnalyzers.terms(KbAnalyzers.forQuery("en"), "a pool nearby"));
        // The château's pool, not its lead that gives how far it is from the centre.
        write(folder, "chateau", "fr", "Château de Lormeraie", "À 8 km du centre, le château domine 40 hectares de "
                + "vignes.\n\n## Détente\n\nPiscine extérieure chauffée de mai à septembre, sauna.");
        assertTrue(quoted(folder, "y a une piscine pas loin ?", "fr").startsWith("Piscine"));
    }

    @Test
    void publicTransportIsNoTransportCompany() throws IOException {
        // On the shipped pages, where the logistics hub's "31 entreprises de transport" answered for the trams.
        KnowledgeBase shipped = KnowledgeBase.load(Path.of("knowledge-base"), TestFixtures.embedder());
        assertNotEquals("pole-logistique-la-croisee",
                shipped.search("je voudrais des infos sur les transports en commun", 1, "fr").get(0).id());
        assertEquals("pole-logistique-la-croisee",
                shipped.search("une entreprise de transport cherche un entrepôt", 1, "fr").get(0).id());
    }

    @Test
    void goingAsksNothingAndTheRainIsNoMore(@TempDir Path folder) throws IOException {
        write(folder, "pluie", "fr", "Que faire les jours de pluie", "Le musée et la médiathèque vous attendent "
                + "le samedi.");
        write(folder, "marche", "fr", "Le marché", "On y va le samedi matin : fruits, fromages et fleurs.");
        write(folder, "medecins", "fr", "Médecins", "Certains cabinets ne prennent plus de nouveaux patients le "
                + "samedi.");
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        // "va" of "il va pleuvoir" is no word a page should hold ("on y va le samedi").
        assertEquals("pluie", base.search("il va pleuvoir samedi, vous avez des idées ?", 1, "fr").get(0).id());
        // "plus" and "pluie" share the light stemmer's "plu": no more patients is no rain.
        KbDocument doctors = base.documents().stream().filter(d -> d.id().equals("medecins")).findFirst().orElseThrow();
        assertFalse(base.mentions(doctors, "la pluie", "fr"));
    }

    @Test
    void theWordsPeopleUseFindThePagesThatSayItOtherwise() throws IOException {
        KnowledgeBase shipped = KnowledgeBase.load(Path.of("knowledge-base"), TestFixtures.embedder());
        // "work" of how something works quoted the spouses' jobs for the buses and trams.
        List<SearchHit> hits = shipped.search("how does public transport work here?", 3, "en");
        assertTrue(hits.stream().anyMatch(hit -> hit.id().equals("transports-en-commun")), hits.toString());
        assertTrue(hits.stream().noneMatch(hit -> hit.id().equals("emploi-et-conjoints")), hits.toString());
        assertEquals("emploi-et-conjoints", shipped.search("how do I find work for my husband?", 1, "en").get(0).id());
        // The families of the question are the housing page's "familial" neighbourhood, not the family outings.
        assertEquals("se-loger", shipped.search("quels sont les quartiers sympas pour les familles ?", 1, "fr")
                .get(0).id());
        // A municipal pool is an aquatic centre: "9 piscines, dont le centre aquatique Aquamorelle".
        SearchHit pool = shipped.search("y a-t-il une piscine municipale ?", 1, "fr").get(0);
        assertEquals("associations-sport-et-loisirs", pool.id());
        assertTrue(pool.score() >= KnowledgeBase.TRUSTED, pool.toString());
        // Culinary is the cuisine, "du coin" is here, and going to work is a commute, not a job.
        SearchHit dishes = shipped.search("c'est quoi la spécialité culinaire du coin ?", 1, "fr").get(0);
        assertEquals("tables-et-specialites", dishes.id());
        assertTrue(dishes.score() >= KnowledgeBase.TRUSTED, dishes.toString());
        assertEquals("associations-sport-et-loisirs", shipped.search("y a des pistes cyclables pour aller au boulot ?", 1,
                "fr").get(0).id());
        assertEquals("emploi-et-conjoints", shipped.search("je cherche du boulot dans le coin", 1, "fr").get(0).id());
        // A pool, asked of a town, is its aquatic centre; a car to rent is no car park.
        assertEquals("sorties-en-famille", shipped.search("tarifs piscine", 1, "fr").get(0).id());
        for (String car : List.of("je voudrais louer une voiture", "I want to rent a car")) {
            SearchHit parking = shipped.search(car, 1, car.startsWith("I") ? "en" : "fr").get(0);
            assertTrue(parking.score() < KnowledgeBase.TRUSTED, parking.toString());
        }
    }

    @Test
    void anotherThingsHoursAreNoAnswerAndWhatIsAskedForComesFirst(@TempDir Path folder) throws IOException {
        write(folder, "office", "fr", "Office de tourisme, horaires et services", "Ouvert du lundi au samedi de 9 h "
                + "à 18 h, le dimanche de 10 h à 13 h.");
        write(folder, "ecoles", "fr", "Écoles", "Maternelle : inscription d'abord à la mairie de votre commune, "
                + "puis admission auprès du directeur de l'école.");
        write(folder, "numeros", "fr", "Numéros utiles", "- Police municipale, 1 place de l'Hôtel-de-Ville : "
                + "04 65 71 17 17, tous les jours de 7 h à 1 h.\n- Pharmacie de garde : 32 37.");
        write(folder, "spa", "en", "The baths, spa and wellness", "Open every day from 10 am to 9 pm; families are "
                + "welcome on Sunday mornings in the family pool. Closed on public holidays.");
        write(folder, "sports", "fr", "Faire du sport", "- Le centre aquatique des Varennes : bassin de 50 m, "
                + "ouvert tous les jours.\n- 12 courts de tennis et 45 km de pistes cyclables.");
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        // The tourist office's hours are no answer to the town hall's, nor are the police's at the town
        // hall square; the school's "à la mairie" gives no hours at all.
        for (String question : List.of("quels sont les horaires de la mairie ?", "what are the opening hours of the town hall?",
                "what time does the town hall open?")) {
            List<SearchHit> hits = base.search(question, 5, question.startsWith("what") ? "en" : "fr");
            assertTrue(hits.stream().allMatch(hit -> hit.score() < KnowledgeBase.TRUSTED), hits.toString());
        }
        SearchHit office = base.search("les horaires de l'office de tourisme", 1, "fr").get(0);
        assertEquals("office", office.id());
        assertTrue(office.score() >= KnowledgeBase.TRUSTED, office.toString());
        // The page about the tram gives its hours, not the page of a place one reaches by the tram.
        write(folder, "tram", "fr", "Se déplacer en tram", "Les trams circulent de 5 h à 0 h 30. Le dimanche, premier "
                + "départ à 6 h 30.");
        write(folder, "acces", "fr", "Office de tourisme, horaires et accès", "Tram T1, arrêt Cathédrale. Horaires : le "
                + "dimanche de 10 h à 13 h.");
        KnowledgeBase withTram = KnowledgeBase.load(folder, TestFixtures.embedder());
        assertEquals("tram", withTram.search("horaires du tram le dimanche", 1, "fr").get(0).id());
        // Asked whether there is a municipal pool open on Sunday: the aquatic centre, not the spa's family pool.
        assertEquals("sports", withTram.search("y a-t-il une piscine municipale ouverte le dimanche ?", 1, "fr").get(0).id());
        assertEquals("sports", withTram.search("is there a public pool open on sundays?", 1, "en").get(0).id());
    }

    @Test
    void aLineAboutTheThingThatGivesNoneOfItsHoursOrAddressDoesNotAnswerThem(@TempDir Path folder)
            throws IOException {
        write(folder, "loisirs", "fr", "Vie associative et loisirs", "- Médiathèques : un réseau de 12 médiathèques ; "
                + "la carte est gratuite pour les habitants.\n- Conservatoire : musique, danse et théâtre dès 5 ans.");
        write(folder, "equipements", "fr", "Équipements culturels du quartier des Écoles", "La médiathèque Jean-Moulin "
                + "occupe l'ancienne école des filles, 3 rue des Écoles. Elle est ouverte du mardi au samedi de 10 h à "
                + "18 h.\n\nLe cinéma Le Rex propose des séances tous les soirs.");
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        List<SearchHit> conservatoire = base.search("adresse du conservatoire", 2, "fr");
        assertTrue(conservatoire.stream().allMatch(hit -> hit.score() < KnowledgeBase.TRUSTED), conservatoire.toString());
        // The paragraph on the media library goes on with its hours in a sentence of its own.
        for (String question : List.of("les horaires de la médiathèque svp", "quand ouvre la médiathèque ?")) {
            assertEquals("equipements", base.search(question, 1, "fr").get(0).id(), question);
        }
    }

    @Test
    void theHoursAskedOfAThingAreQuotedFromTheSectionAboutItNotFromAnEventHeldThere(@TempDir Path folder)
            throws IOException {
        write(folder, "vieille-ville", "fr", "La vieille ville et la cathédrale Saint-Pierre", "Ruelles pavées et "
                + "maisons à colombages : tout se visite à pied.\n\n## La cathédrale Saint-Pierre\n\nCommencée en 1150, "
                + "elle mêle une nef romane et un chœur gothique.\n\n- Ouverte tous les jours de 9 h à 18 h ; entrée "
                + "libre.\n\n## Les soirs d'été\n\nDu 1er juillet au 31 août, un spectacle de lumières est projeté "
                + "sur la façade de la cathédrale chaque soir à 22 h.");
        for (String question : List.of("la cathédrale est ouverte quand ?", "horaires de la cathédrale",
                "je voudrais visiter la cathédrale, c'est ouvert quand ?", "when is the cathedral open?")) {
            String lang = question.startsWith("when") ? "en" : "fr";
            assertTrue(quoted(folder, question, lang).contains("Ouverte tous les jours"), question);
        }
    }

    @Test
    void thePriceOfAThingIsQuotedFromTheSectionAboutIt() throws IOException {
        // On the shipped pages, whose section on camping-cars and bikes names the car parks, a price and the station.
        KnowledgeBase shipped = KnowledgeBase.load(Path.of("knowledge-base"), TestFixtures.embedder());
        for (String question : List.of("c'est combien le parking à la gare ?", "le parking de la gare coûte combien ?")) {
            SearchHit parking = shipped.search(question, 1, "fr").get(0);
            assertTrue(parking.passage().contains("Gare (souterrain)"), question + " " + parking.passage());
        }
    }

    @Test
    void whatIsAllowedInAPlaceIsNotAnsweredByAPageThatNeverNamesThePlace(@TempDir Path folder) throws IOException {
        write(folder, "hotel", "fr", "Hôtel du Parvis", "Réception ouverte 24 h sur 24. Animaux acceptés (8 € par nuit).");
        write(folder, "transports", "fr", "Bus et tram", "Les 27 lignes de bus complètent le tram jusqu'aux villages. "
                + "Ticket à l'unité 1,70 €.");
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        List<SearchHit> hits = base.search("les chiens sont acceptés dans les bus ?", 2, "fr");
        assertEquals("transports", hits.get(0).id(), hits.toString());
        // The hotel takes pets: asked of the hotel, it answers.
        assertEquals("hotel", base.search("les chiens sont acceptés à l'hôtel ?", 1, "fr").get(0).id());
    }

    @Test
    void aWordOfTheGlossaryIsReadInTheSenseItIsUsed(@TempDir Path folder) throws IOException {
        write(folder, "aides", "fr", "Aides à l'implantation", "Exonération de cotisation foncière des entreprises "
                + "pendant deux ans pour toute création d'établissement.");
        write(folder, "seminaires", "en", "Team building and incentive activities", "Rafting, wine tasting and "
                + "treasure hunts for your team.");
        write(folder, "incubateur", "fr", "L'incubateur La Forge", "La Forge accompagne les créateurs d'entreprises "
                + "innovantes.\n\n## Candidater\n\nDeux appels à candidatures par an, jusqu'au 15 octobre et au 15 avril.");
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        // A tax incentive is a tax relief, not an incentive trip.
        assertEquals("aides", base.search("what tax incentives are there?", 1, "en").get(0).id());
        assertEquals("seminaires", base.search("an incentive trip for our sales team", 1, "en").get(0).id());
        // To apply is to "candidater".
        SearchHit applying = base.search("how do we apply to the incubator?", 1, "en").get(0);
        assertEquals("incubateur", applying.id());
        assertTrue(applying.passage().contains("appels à candidatures"), applying.passage());
    }

    @Test
    void doingNamesNoPage(@TempDir Path folder) throws IOException {
        write(folder, "garde", "fr", "Faire garder son enfant, crèches et assistantes maternelles", "La ville "
                + "compte douze crèches et deux cents assistantes maternelles agréées.");
        write(folder, "sorties", "fr", "Sorties en famille, idées avec des enfants", "La ferme pédagogique, le "
                + "parc aux daims et la piscine à vagues plaisent aux petits comme aux grands.");
        write(folder, "gare", "fr", "La gare de Lanvaux", "Trains pour Lyon toutes les heures.");
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        // Both titles name children; "faire" of "que faire" is no reason to trust only the one that writes it.
        List<SearchHit> withChildren = base.search("que faire avec des enfants ?", 2, "fr");
        assertEquals(Set.of("garde", "sorties"), withChildren.stream().map(SearchHit::id).collect(Collectors.toSet()));
        assertEquals(withChildren.get(0).score(), withChildren.get(1).score(), 0.1, withChildren.toString());
        assertEquals("garde", base.search("comment faire garder mon enfant ?", 1, "fr").get(0).id());
    }

    @Test
    void aSectionThatStatesNothingOfTheQuestionIsNotQuotedOverTheLead(@TempDir Path folder) throws IOException {
        // The section on depots is the closest in meaning, yet says none of the question's words; the
        // page's tags say some, so the question asks more than the page's subject.
        Files.writeString(folder.resolve("park.md"), "---\nid: park\ntitle: Les Prés\nlang: en\n"
                + "tags: [land, logistics]\n---\n# Les Prés\n\nLaid out in 1987 on former wet meadows by the "
                + "expressway, the park keeps a pond, an orchard, hedges, a heron colony, a footpath open to walkers "
                + "on Sundays and a small chapel restored by volunteers in 2004.\n\n## Facilities\n\nFreight "
                + "depots and distribution hubs, from half a hectare upwards, with truck docks.\n");
        write(folder, "roads", "en", "Roads", "The expressway runs from the coast to the hills.");
        String passage = quoted(folder, "looking for 5000 m2 of land for a logistics warehouse near the expressway", "en");
        assertTrue(passage.startsWith("Laid out in 1987"), passage);
    }

    @Test
    void theSectionQuotedIsTheOneThatAnswersBeyondThePagesName(@TempDir Path folder) throws IOException {
        // The lead names the hotel, as the question does; only the practical section speaks of pets.
        write(folder, "tilleuls", "fr", "Hôtel des Tilleuls", "L'Hôtel des Tilleuls, deux étoiles, se trouve face à "
                + "la gare : l'Hôtel des Tilleuls accueille voyageurs d'affaires et familles.\n\n## Les chambres\n\n"
                + "Vingt chambres doubles avec douche, de 62 à 78 € la nuit.\n\n## Bon à savoir\n\nRéception ouverte "
                + "24 h sur 24. Animaux acceptés (8 € par nuit). Petit déjeuner de 6 h 30 à 10 h.");
        write(folder, "parc", "fr", "Parc de la Morelle", "Chiens tenus en laisse ; aire de jeux et kiosque.");
        write(folder, "plage", "fr", "Plage du lac", "Chiens interdits sur la plage en juillet et en août.");
        String passage = quoted(folder, "est-ce que je peux venir avec mon chien à l'hôtel des Tilleuls ?", "fr");
        assertTrue(passage.contains("Animaux acceptés"), passage);
    }

    @Test
    void aSectionWhoseHeadingNamesWhatIsAskedIsQuotedOverOneThatMentionsIt(@TempDir Path folder) throws IOException {
        write(folder, "stationner", "fr", "Stationner en ville, parkings et tarifs", "Le centre est piéton : "
                + "garez-vous en bordure.\n\n## Les parkings du centre\n\n| Parking | Places | Tarif |\n|---|---|---|\n"
                + "| Halles | 420 | 2 € l'heure |\n| Gare | 900 | 1,80 € l'heure |\n\n## Camping-cars et vélos\n\n"
                + "Les camping-cars sont interdits dans les parkings couverts ; une aire de 24 places les accueille "
                + "quai des Varennes. Les vélos se garent gratuitement au parking de la gare.");
        String passage = quoted(folder, "et c'est possible d'avoir un parking ?", "fr");
        assertTrue(passage.contains("Halles"), passage);
    }

    @Test
    void aPageMentionsWhatItStatesInWordsOrTranslation(@TempDir Path folder) throws IOException {
        seed(folder);
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        KbDocument museum = base.search("musée", 1, "fr").get(0).document();
        KbDocument ski = base.search("ski", 1, "fr").get(0).document();
        assertTrue(base.mentions(museum, "l'entrée est à combien", "fr"));
        assertFalse(base.mentions(museum, "bonjour nous organisons un pour les", "fr"));
        assertTrue(base.mentions(ski, "les pistes sont ouvertes en décembre ?", "fr"));
        assertFalse(base.mentions(ski, "les tableaux du musée", "fr"));
    }

    @Test
    void aPageMentionsAllThatIsAskedWhenItWritesItsForm(@TempDir Path folder) throws IOException {
        seed(folder);
        write(folder, "concert", "fr", "Concert d'orgue", "Musique baroque à la collégiale, à 20 h 30. Réservations : "
                + "04 70 12 34 56.");
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        KbDocument concert = base.search("concert d'orgue", 1, "fr").get(0).document();
        assertTrue(base.mentions(concert, "et le téléphone ?", "fr"));
        assertTrue(base.mentions(concert, "c'est à quelle heure ?", "fr"));
        assertFalse(base.mentions(concert, "et la piscine, elle ouvre à quelle heure ?", "fr"),
                "an hour written is not the pool's");
    }

    @Test
    void aPassageStatesWhatItSaysInASynonym() {
        List<Glossary.Concept> asked = Glossary.shipped().concepts("papiers", "fr");
        KbDocument page = new KbDocument("ecoles", "Écoles", "fr", List.of(), List.of(), null, List.of(), null, Map.of(), "");
        double coverage = new Answerability.Asked(asked, new double[] {1}, 1, "fr", AskedAbout.NOTHING).coverage("fr",
                Answerability.statedWords(page, new Passage(0, null, "Apportez un justificatif de domicile.")));
        assertEquals(1.0, coverage, 1e-9, asked.toString());
    }

    @Test
    void aQueryThatSaysLittleIsNeverFullyCovered() {
        // "nous serons" once "40 personnes" is read as a fact: one word a page states is not an answer.
        List<Glossary.Concept> asked = Glossary.shipped().concepts("personnes", "fr");
        KbDocument page = new KbDocument("salle", "Salle", "fr", List.of(), List.of(), null, List.of(), null, Map.of(), "");
        Set<String> stated = Answerability.statedWords(page, new Passage(0, null, "Jusqu'à 40 personnes."));
        assertEquals(1.0, new Answerability.Asked(asked, new double[] {3}, 3, "fr", AskedAbout.NOTHING).coverage("fr", stated), 1e-9);
        assertEquals(0.5, new Answerability.Asked(asked, new double[] {3}, 6, "fr", AskedAbout.NOTHING).coverage("fr", stated), 1e-9);
    }

    @Test
    void aQuestionOnOneThingAPageStatesIsAnswered(@TempDir Path folder) throws IOException {
        seed(folder);
        write(folder, "marche-de-noel", "fr", "Marché de Noël", "Du 27 novembre au 24 décembre, place de la "
                + "Cathédrale : 120 chalets d'artisans, vin chaud, patinoire et grande roue. Entrée libre ; patinoire 6 € "
                + "avec les patins.");
        write(folder, "parkings", "fr", "Stationner en ville", "Le parking de la Gare compte 900 places, 2 € l'heure.");
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        // One rare word is a whole question: a visitor asks for the one thing they want.
        List<SearchHit> rink = base.search("est-ce qu'il y a une patinoire ?", 1, "fr");
        assertEquals("marche-de-noel", rink.get(0).id());
        assertTrue(rink.get(0).score() >= KnowledgeBase.TRUSTED, "score " + rink.get(0).score());
        List<SearchHit> zoo = base.search("est-ce qu'il y a un zoo ?", 1, "fr");
        assertTrue(zoo.isEmpty() || zoo.get(0).score() < KnowledgeBase.TRUSTED, zoo.toString());
    }

    @Test
    void anAmountInEurosAnswersAPriceQuestionThatNamesNoPrice(@TempDir Path folder) throws IOException {
        seed(folder);
        write(folder, "bureaux", "fr", "Bureaux et espaces de coworking", "De la place de travail à la journée au "
                + "plateau de 2 400 m², voici l'offre de bureaux et de coworking de la métropole, en euros hors taxes."
                + "\n\n## Coworking\n\nLa Filature, rue des Tisserands : journée 20 €, poste fixe 290 € par mois."
                + "\n\n## Conseils\n\nPour un bail classique, prévoyez trois mois de dépôt de garantie.");
        write(folder, "spa", "en", "Spa and thermal baths", "Thermal pools, saunas and a hammam in a 1900 bath house."
                + "\n\n## Access\n\nTwo hours: 32 euros on weekdays, 38 euros at weekends.");
        assertTrue(quoted(folder, "le coworking, combien ça coûte ?", "fr").contains("20 €"),
                "the line of prices, not the page's lead");
        assertTrue(quoted(folder, "how much is the spa?", "en").contains("32 euros"));
    }

    @Test
    void aSmallNumberAloneIsNoQuestionOnTheHouseAtThatNumber(@TempDir Path folder) throws IOException {
        seed(folder);
        write(folder, "coworking", "fr", "La Filature, espace de coworking", "Dans une ancienne usine textile du 14 rue "
                + "des Tisserands, La Filature offre 90 postes de travail et quatre salles de réunion.");
        write(folder, "velos", "fr", "Vélos en libre service", "Cent stations de vélos, le premier quart d'heure offert.");
        write(folder, "marches", "fr", "Les marchés", "Marché des Halles du mardi au dimanche, producteurs de la vallée.");
        write(folder, "cathedrale", "fr", "La cathédrale", "Visites guidées de la tour nord, 300 marches, vue sur le lac.");
        write(folder, "piscine", "fr", "La piscine", "Bassin olympique couvert, toboggan, cours de natation le samedi.");
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        List<SearchHit> hits = base.search("bonjour 14 depuis un", 1, "fr");
        assertTrue(hits.isEmpty() || hits.get(0).score() < KnowledgeBase.TRUSTED, hits.toString());
        assertEquals("coworking", base.search("coworking rue des Tisserands", 1, "fr").get(0).id());
    }

    @Test
    void aQueryOfHundredsOfDistinctWordsIsSearchedNotRefused(@TempDir Path folder) throws IOException {
        seed(folder);
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        StringBuilder page = new StringBuilder("prix d'entrée du musée");
        for (int i = 0; i < 600; i++) {
            page.append(" mot").append(Integer.toString(i, 36)).append("zq");
        }
        // Each word made clauses of its own, and Lucene refused the query past 1,024 of them.
        List<SearchHit> hits = base.search(page.toString(), 3, "fr");
        assertTrue(hits.size() <= 3, hits.toString());
    }

    @Test
    void filtersDocuments(@TempDir Path folder) throws IOException {
        seed(folder);
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        List<SearchHit> hits = base.search("musée", 5, "fr", d -> d.lang().equals("en"));
        assertTrue(hits.stream().allMatch(h -> h.id().equals("ski")), hits.toString());
    }

    @Test
    void reloadsWhenAFileChangesWithoutFailingSearchesInFlight(@TempDir Path folder) throws Exception {
        seed(folder);
        KnowledgeBase base = KnowledgeBase.load(folder, TestFixtures.embedder());
        assertFalse(base.reloadIfChanged(), "nothing changed yet");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> load = pool.submit(() -> {
            while (running.get()) {
                assertFalse(base.search("plage baignade", 3, "fr").isEmpty());
                searches.incrementAndGet();
            }
        });
        try {
            write(folder, "velo", "fr", "Location de vélos", "Vélos à assistance électrique, 15 € la journée.");
            Files.setLastModifiedTime(folder.resolve("velo.md"), FileTime.from(Instant.now().plusSeconds(5)));
            assertTrue(base.reloadIfChanged());
            assertEquals(4, base.size());
            assertEquals("velo", base.search("louer un vélo électrique", 1, "fr").get(0).id());
            Files.delete(folder.resolve("plage.md"));
            assertTrue(base.reloadIfChanged());
            assertEquals(3, base.size());
        } finally {
            running.set(false);
            load.get();
            pool.shutdown();
        }
        assertTrue(searches.get() > 0);
    }

    @Test
    void aMissingFolderIsRefused() {
        assertThrows(IOException.class, () -> KnowledgeBase.load(Path.of("no/such/folder"), TestFixtures.embedder()));
    }
}
