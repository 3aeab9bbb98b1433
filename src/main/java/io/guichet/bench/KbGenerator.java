package io.guichet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a knowledge base of N Markdown documents from templates: meeting venues, hotels,
 * business-park offices, events and practical information, in French and English, with the
 * front matter {@code KbLoader} reads. Every document has its own invented place name and its
 * own figures (capacities, prices, surfaces, dates), so that search has to tell thousands of
 * similar pages apart, as on a large territory's site. The same seed writes the same files,
 * byte for byte, so that a second run finds its passages in the embedding cache.
 */
final class KbGenerator {
    private static final String[] SYLLABLES = {"mor", "val", "bel", "ric", "lan", "son", "tar", "vel", "gan", "rou",
        "lis", "bra", "cor", "dun", "fel", "mar", "nes", "pol", "ser", "tin", "ver", "zan", "cha", "bre"};
    private static final String[] ENDINGS = {"ac", "ay", "ieu", "ans", "ot", "in", "elle", "ange", "ière", "ois"};
    private static final String[] INTERESTS = {"nature", "culture", "gastronomy", "wellness", "family", "sport"};
    private static final String[] SECTORS_FR = {"logistique", "industrie", "numérique", "santé", "agroalimentaire"};
    private static final String[] SECTORS_EN = {"logistics", "manufacturing", "digital", "health", "food processing"};
    private static final String[] MONTHS_FR = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
        "août", "septembre", "octobre", "novembre", "décembre"};
    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    /** A generated document's id and a question a visitor could ask about it, in its language. */
    record Question(String documentId, String lang, String text) {
    }

    private final Random random;
    private final List<Question> questions = new ArrayList<>();

    KbGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Writes {@code count} documents under {@code folder} (created); returns a question about each. */
    List<Question> write(Path folder, int count) throws IOException {
        Files.createDirectories(folder);
        for (int n = 0; n < count; n++) {
            String place = placeName(n);
            boolean french = n % 3 != 2;
            String markdown = switch (n % 5) {
                case 0 -> venue(n, place, french);
                case 1 -> hotel(n, place, french);
                case 2 -> offices(n, place, french);
                case 3 -> event(n, place, french);
                default -> practical(n, place, french);
            };
            Path file = folder.resolve(String.format("d%02d/doc-%05d.md", n % 50, n));
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown, StandardCharsets.UTF_8);
        }
        return List.copyOf(questions);
    }

    /** A pronounceable name, different for every n (the number's digits pick the syllables). */
    private static String placeName(int n) {
        StringBuilder name = new StringBuilder();
        int rest = n;
        do {
            name.append(SYLLABLES[rest % SYLLABLES.length]);
            rest /= SYLLABLES.length;
        } while (rest > 0);
        name.append(ENDINGS[(n / 7) % ENDINGS.length]);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private String venue(int n, String place, boolean french) {
        int capacity = 20 + random.nextInt(60) * 10;
        int rooms = 2 + random.nextInt(14);
        int dayRate = 35 + random.nextInt(60);
        int bedrooms = random.nextBoolean() ? 10 + random.nextInt(80) : 0;
        String id = "venue-" + n;
        if (french) {
            question(id, "fr", "salle de séminaire pour " + (capacity - 10) + " personnes au domaine de " + place);
            return front(id, "Domaine de " + place + ", lieu de séminaire", "fr", "event_planner",
                    "seminar_planning", "séminaire, salle, réunion", "capacity: " + capacity + "\nprice_from_eur: "
                            + dayRate + (bedrooms > 0 ? "\nrooms: " + bedrooms : ""))
                    + "# Domaine de " + place + "\n\n"
                    + "Le domaine de " + place + " accueille séminaires, comités de direction et conventions "
                    + "jusqu'à " + capacity + " personnes, à " + (5 + random.nextInt(40)) + " minutes du centre.\n\n"
                    + "## Salles et capacités\n\n"
                    + rooms + " salles modulables, dont une plénière de " + capacity + " places en théâtre et "
                    + (capacity / 2) + " en classe. Lumière du jour, vidéoprojecteur, sonorisation et wifi fibre "
                    + "dans chaque salle.\n\n"
                    + "## Tarifs\n\n"
                    + "Journée d'étude à partir de " + dayRate + " € HT par personne (salle, pauses, déjeuner). "
                    + (bedrooms > 0 ? bedrooms + " chambres sur place pour les séminaires résidentiels."
                    : "Pas d'hébergement sur place ; hôtels partenaires à proximité.") + "\n\n"
                    + "## Accès\n\n"
                    + "Parking de " + (20 + random.nextInt(200)) + " places. Contact : seminaires@" + slug(place)
                    + ".example, 04 65 " + phone(n) + ".\n";
        }
        question(id, "en", "meeting venue for " + (capacity - 10) + " people at the " + place + " estate");
        return front(id, place + " Estate, meeting venue", "en", "event_planner", "seminar_planning",
                "meeting, venue, conference", "capacity: " + capacity + "\nprice_from_eur: " + dayRate)
                + "# " + place + " Estate\n\n"
                + "The " + place + " estate hosts meetings, board retreats and conferences for up to " + capacity
                + " guests, " + (5 + random.nextInt(40)) + " minutes from the city centre.\n\n"
                + "## Rooms and capacity\n\n"
                + rooms + " flexible rooms, including a plenary hall seating " + capacity + " theatre style and "
                + (capacity / 2) + " classroom style. Daylight, projector, sound system and fibre wifi.\n\n"
                + "## Rates\n\n"
                + "Day delegate package from " + dayRate + " euros per person (room, breaks, lunch).\n";
    }

    private String hotel(int n, String place, boolean french) {
        int stars = 2 + random.nextInt(4);
        int bedrooms = 8 + random.nextInt(120);
        int night = 55 + random.nextInt(250);
        String interest = INTERESTS[random.nextInt(INTERESTS.length)];
        boolean spa = random.nextBoolean();
        String id = "hotel-" + n;
        if (french) {
            question(id, "fr", "prix d'une nuit à l'hôtel " + place + (spa ? " avec spa" : ""));
            return front(id, "Hôtel " + place + " " + stars + " étoiles", "fr", "visitor", "weekend_stay",
                    "hôtel, hébergement, week-end", "rooms: " + bedrooms + "\nprice_from_eur: " + night
                            + "\ninterests: [" + interest + "]")
                    + "# Hôtel " + place + "\n\n"
                    + "Hôtel " + stars + " étoiles de " + bedrooms + " chambres, " + (spa
                    ? "avec spa, piscine chauffée et hammam." : "au calme, avec jardin et terrasse.") + "\n\n"
                    + "## Chambres et tarifs\n\n"
                    + "La nuit en chambre double à partir de " + night + " €, petit déjeuner " + (9 + random.nextInt(15))
                    + " €. Chambres familiales pour quatre personnes sur demande.\n\n"
                    + "## Autour de l'hôtel\n\n"
                    + "Idéal pour un week-end " + interestFr(interest) + ". Arrivée à partir de 15 h, départ avant "
                    + "11 h. Réservation au 04 65 " + phone(n) + ".\n";
        }
        question(id, "en", "price per night at the " + place + " hotel" + (spa ? " with a spa" : ""));
        return front(id, place + " Hotel, " + stars + " stars", "en", "visitor", "weekend_stay",
                "hotel, accommodation, weekend", "rooms: " + bedrooms + "\nprice_from_eur: " + night
                        + "\ninterests: [" + interest + "]")
                + "# " + place + " Hotel\n\n"
                + "A " + stars + "-star hotel with " + bedrooms + " rooms" + (spa
                ? ", a spa, a heated pool and a hammam." : ", quiet, with a garden and a terrace.") + "\n\n"
                + "## Rooms and rates\n\n"
                + "A double room from " + night + " euros a night, breakfast " + (9 + random.nextInt(15))
                + " euros. Family rooms for four on request; check-in from 3 pm.\n";
    }

    private String offices(int n, String place, boolean french) {
        int surface = 300 + random.nextInt(40) * 250;
        int smallest = 10 + random.nextInt(20) * 10;
        int rent = 90 + random.nextInt(140);
        int sector = random.nextInt(SECTORS_FR.length);
        String id = "park-" + n;
        if (french) {
            question(id, "fr", "bureaux à louer au parc d'activités de " + place + " pour " + SECTORS_FR[sector]);
            return front(id, "Parc d'activités de " + place, "fr", "investor", "business_setup",
                    "bureaux, foncier, " + SECTORS_FR[sector], "surface_m2: " + surface + "\nsurface_min_m2: "
                            + smallest + "\nprice_from_eur: " + rent)
                    + "# Parc d'activités de " + place + "\n\n"
                    + "Parc tourné vers la filière " + SECTORS_FR[sector] + " : " + surface + " m² de bureaux et "
                    + "d'ateliers disponibles, divisibles à partir de " + smallest + " m².\n\n"
                    + "## Loyers\n\n"
                    + "À partir de " + rent + " € HT par m² et par an. Bail 3-6-9 ou convention d'occupation "
                    + "précaire de 24 mois pour les jeunes entreprises.\n\n"
                    + "## Services\n\n"
                    + "Fibre optique, restaurant inter-entreprises, crèche, arrêt de bus ligne " + (1 + n % 40)
                    + ". Visites au 04 65 " + phone(n) + ".\n";
        }
        question(id, "en", "offices to rent in the " + place + " business park for " + SECTORS_EN[sector]);
        return front(id, place + " business park", "en", "investor", "business_setup",
                "offices, land, " + SECTORS_EN[sector], "surface_m2: " + surface + "\nprice_from_eur: " + rent)
                + "# " + place + " business park\n\n"
                + "A park for " + SECTORS_EN[sector] + " companies: " + surface + " m² of offices and workshops, "
                + "divisible from " + smallest + " m².\n\n"
                + "## Rents\n\n"
                + "From " + rent + " euros per m² per year excluding tax, 3-6-9 leases or 24-month agreements.\n";
    }

    private String event(int n, String place, boolean french) {
        int month = random.nextInt(12);
        int day = 1 + random.nextInt(28);
        int price = random.nextInt(4) == 0 ? 0 : 5 + random.nextInt(40);
        String id = "event-" + n;
        if (french) {
            String name = new String[] {"Festival", "Fête", "Marché", "Nuits", "Rencontres"}[n % 5] + " de " + place;
            question(id, "fr", "quand a lieu " + name.toLowerCase() + " et combien coûte l'entrée");
            return front(id, name, "fr", "visitor", "weekend_stay", "événement, agenda",
                    "interests: [" + INTERESTS[n % INTERESTS.length] + "]")
                    + "# " + name + "\n\n"
                    + "Le " + day + " " + MONTHS_FR[month] + ", " + name + " réunit chaque année "
                    + (500 + random.nextInt(20000)) + " visiteurs dans le centre de " + place + ".\n\n"
                    + "## Billets\n\n"
                    + (price == 0 ? "Entrée libre et gratuite." : "Entrée " + price + " €, gratuite pour les moins "
                    + "de 12 ans.") + " Navettes depuis la gare toutes les " + (10 + random.nextInt(20))
                    + " minutes.\n";
        }
        String name = place + " " + new String[] {"Festival", "Fair", "Market", "Nights", "Days"}[n % 5];
        question(id, "en", "when is the " + name + " and how much is a ticket");
        return front(id, name, "en", "visitor", "weekend_stay", "event, what's on",
                "interests: [" + INTERESTS[n % INTERESTS.length] + "]")
                + "# " + name + "\n\n"
                + "On " + MONTHS_EN[month] + " " + day + ", the " + name + " brings " + (500 + random.nextInt(20000))
                + " visitors to the heart of " + place + ".\n\n"
                + "## Tickets\n\n"
                + (price == 0 ? "Free entry." : "Entry " + price + " euros, free for under-12s.")
                + " Shuttles from the station every " + (10 + random.nextInt(20)) + " minutes.\n";
    }

    private String practical(int n, String place, boolean french) {
        int opens = 7 + random.nextInt(3);
        int closes = 17 + random.nextInt(4);
        String id = "info-" + n;
        if (french) {
            String service = new String[] {"Médiathèque", "Piscine municipale", "Mairie annexe", "Déchetterie",
                "Office de tourisme"}[n % 5];
            question(id, "fr", "horaires d'ouverture " + service.toLowerCase() + " de " + place);
            return front(id, service + " de " + place, "fr", "resident", null, "horaires, pratique", null)
                    + "# " + service + " de " + place + "\n\n"
                    + "## Horaires\n\n"
                    + "Ouvert du lundi au samedi de " + opens + " h à " + closes + " h, fermé le dimanche et les "
                    + "jours fériés. Nocturne le jeudi jusqu'à " + (closes + 2) + " h.\n\n"
                    + "## Accès\n\n"
                    + (1 + n % 90) + " rue " + new String[] {"des Lilas", "du Marché", "Pasteur", "de la Gare"}[n % 4]
                    + ", à " + place + ". Bus ligne " + (1 + n % 40) + ", arrêt « " + place + " Centre ». "
                    + "Téléphone : 04 65 " + phone(n) + ".\n";
        }
        String service = new String[] {"Library", "Swimming pool", "Town hall", "Recycling centre",
            "Tourist office"}[n % 5];
        question(id, "en", "opening hours of the " + place + " " + service.toLowerCase());
        return front(id, place + " " + service, "en", "resident", null, "opening hours, practical", null)
                + "# " + place + " " + service + "\n\n"
                + "## Opening hours\n\n"
                + "Open Monday to Saturday from " + opens + " am to " + (closes - 12) + " pm, closed on Sundays and "
                + "public holidays. Late opening on Thursdays.\n";
    }

    private void question(String id, String lang, String text) {
        questions.add(new Question(id, lang, text));
    }

    private static String front(String id, String title, String lang, String audience, String journey, String tags,
                                String facts) {
        return "---\nid: " + id + "\ntitle: \"" + title.replace("\"", "'") + "\"\nlang: " + lang + "\naudience: ["
                + audience + "]\n" + (journey == null ? "" : "journey: " + journey + "\n")
                + "url: https://www.territoire.example/" + id + "\ntags: [" + tags + "]\nupdated: 2026-09-01\n"
                + (facts == null ? "" : facts + "\n") + "---\n";
    }

    private static String interestFr(String interest) {
        return switch (interest) {
            case "nature" -> "nature et randonnées";
            case "culture" -> "culture et patrimoine";
            case "gastronomy" -> "gastronomie et vins";
            case "wellness" -> "bien-être";
            case "family" -> "en famille";
            default -> "sportif";
        };
    }

    private static String slug(String place) {
        return place.toLowerCase().replaceAll("[^a-z]", "");
    }

    private static String phone(int n) {
        return String.format("%02d %02d %02d", 10 + n % 89, (n / 89) % 100, (n * 7) % 100);
    }
}
