package io.guichet.importer.datatourisme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every field the import maps, on the real records of the fixture flux. */
class ItemMapperTest {
    static final Path FLUX = Path.of("src/test/resources/datatourisme/flux");
    static final String HOTEL = "0/00/15-0049d959-34e3-3385-a34d-1354ececdbdc.json";
    static final String RESTAURANT = "0/00/15-005cab6f-adfb-3304-936e-811b027a1f68.json";
    static final String EVENT = "0/00/15-003eb63b-ee8e-316f-b93f-6d58439158e6.json";
    static final String MUSEUM = "0/00/15-00e8d121-18ba-339b-946f-09896707b893.json";
    static final String CONVENTION_CENTRE = "8/85/15-85b0a2d4-1e25-3286-80c4-7966e94d887b.json";
    static final String EXHIBITION = "0/00/49-00037bcf-28e4-3322-b72f-377587204703.json";
    static final String CREPERIE = "0/00/30-0049c43b-5087-3c44-87ef-349d316fc2b8.json";
    static final String GITE = "0/00/23-005819a3-aaf9-31ba-9f1f-5616e78d8738.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static JsonNode record(String file) throws IOException {
        return JSON.readTree(FLUX.resolve("objects").resolve(file).toFile());
    }

    /** The page in {@code lang} and its front matter, read back as YAML as the knowledge base reads it. */
    private static Page page(JsonNode record, String lang) throws Exception {
        KbPage page = ItemMapper.pages(record).stream().filter(p -> p.lang().equals(lang)).findFirst().orElseThrow();
        String markdown = page.markdown();
        int end = markdown.indexOf("\n---\n", 3);
        return new Page(YAML.readTree(markdown.substring(3, end)), markdown.substring(end + 5));
    }

    record Page(JsonNode front, String body) {
        List<String> list(String key) {
            return JSON.convertValue(front.get(key), JSON.getTypeFactory().constructCollectionType(List.class,
                    String.class));
        }
    }

    @Test
    void hotel() throws Exception {
        Page fr = page(record(HOTEL), "fr");
        assertEquals("dt-0049d959-34e3-3385-a34d-1354ececdbdc-fr", fr.front().get("id").asText());
        assertEquals("The Originals Tours Sud Pic Epeiche", fr.front().get("title").asText());
        assertEquals(List.of("visitor"), fr.list("audience"));
        assertEquals(List.of("weekend_stay"), fr.list("journey"));
        assertEquals("http://picepeiche.fr/", fr.front().get("url").asText(), "its own site, not the booking page");
        assertEquals("2020-01-27", fr.front().get("updated").asText());
        assertEquals(40, fr.front().get("capacity").asInt());
        assertTrue(fr.front().get("capacity").isNumber(), "a number, for the recommender to compare");
        assertEquals(20, fr.front().get("rooms").asInt());
        assertTrue(fr.list("tags").containsAll(List.of("hotel", "Montbazon")));
        assertTrue(fr.body().contains("Adresse : 2 allée John Ropper, 37250 Montbazon"), fr.body());
        assertTrue(fr.body().contains("Capacité : 40 personnes, 20 chambres"));
        assertTrue(fr.body().contains("Dans un environnement verdoyant"));
        assertTrue(fr.body().contains("Téléphone : +33 2 47 73 19 71"));
        assertTrue(fr.body().contains("E-mail : contact@picepeiche.fr"));
        assertTrue(fr.body().contains("Parking privé"));
        Page en = page(record(HOTEL), "en");
        assertEquals("Pic Epeiche", en.front().get("title").asText());
        assertTrue(en.body().contains("In a countryside environment"));
        assertTrue(en.body().contains("Capacity: 40 people, 20 bedrooms"));
        assertFalse(en.front().has("machine_translated"), "the 2020 English text is the producer's");
    }

    @Test
    void hotelWithMeetingRoomsServesBothJourneys() throws Exception {
        ObjectNode hotel = (ObjectNode) record(HOTEL);
        ObjectNode meetingRoom = JSON.createObjectNode();
        meetingRoom.putArray("features").addObject().put("@id", "kb:EquippedMeetingRoom");
        ((ArrayNode) hotel.get("hasFeature")).add(meetingRoom);
        Page fr = page(hotel, "fr");
        assertEquals(List.of("weekend_stay", "seminar_planning"), fr.list("journey"));
        assertEquals(List.of("visitor", "event_planner"), fr.list("audience"));
    }

    @Test
    void restaurant() throws Exception {
        Page fr = page(record(RESTAURANT), "fr");
        assertEquals("Le Bistrot du Cuisinier", fr.front().get("title").asText());
        assertEquals(List.of("weekend_stay"), fr.list("journey"));
        assertEquals(80, fr.front().get("capacity").asInt());
        assertEquals(80, fr.front().get("covers").asInt());
        assertEquals(12.5, fr.front().get("price_from_eur").asDouble());
        assertTrue(fr.front().get("price_from_eur").isNumber());
        assertEquals("person", fr.front().get("price_unit").asText(), "a meal is priced per person");
        assertEquals("http://www.lebistrotducuisinier.fr/", fr.front().get("url").asText());
        assertTrue(fr.body().contains("12.5 € par personne"), fr.body());
        assertTrue(fr.body().contains("41000 Blois"));
        assertEquals("2020-08-07", fr.front().get("updated").asText());
    }

    @Test
    void conventionCentreIsASeminarVenueForItsCapacity() throws Exception {
        Page fr = page(record(CONVENTION_CENTRE), "fr");
        assertEquals("Le Jeu de Paume", fr.front().get("title").asText());
        assertTrue(fr.front().get("capacity").isNumber());
        assertEquals(528, fr.front().get("capacity").asInt());
        assertEquals(List.of("seminar_planning"), fr.list("journey"), "no weekend outing");
        assertEquals(List.of("event_planner"), fr.list("audience"));
        assertTrue(fr.list("tags").contains("convention-centre"));
        assertEquals("2020-01-31", fr.front().get("updated").asText());
        assertTrue(fr.body().contains("64 avenue de Chateaudun, 41000 Blois"));
        assertEquals("The Jeu de Paume", page(record(CONVENTION_CENTRE), "en").front().get("title").asText());
    }

    @Test
    void museumWithAMeetingRoomServesBothJourneys() throws Exception {
        Page fr = page(record(MUSEUM), "fr");
        assertEquals(List.of("weekend_stay", "seminar_planning"), fr.list("journey"));
        assertEquals(4, fr.front().get("price_from_eur").asInt());
        assertEquals("person", fr.front().get("price_unit").asText());
    }

    @Test
    void eventPeriodsAndType() throws Exception {
        JsonNode event = record(EVENT);
        List<KbPage> pages = ItemMapper.pages(event);
        assertEquals(List.of("fr"), pages.stream().map(KbPage::lang).toList(), "the event is written in French only");
        Page fr = page(event, "fr");
        List<Map<String, String>> periods = JSON.convertValue(fr.front().get("periods"),
                JSON.getTypeFactory().constructCollectionType(List.class, Map.class));
        List<ItemMapper.Period> raw = ItemMapper.periods(event);
        assertEquals(raw.size(), periods.size());
        assertEquals(raw.get(0).start().toString(), periods.get(0).get("start"));
        assertTrue(fr.list("tags").contains("event"));
        assertTrue(fr.body().contains("## Dates"));
        assertTrue(fr.body().contains("19 septembre 2020"), fr.body());
    }

    @Test
    void periodsAreSortedAndMergedWhenContiguous() throws Exception {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode at = event.putArray("takesPlaceAt");
        at.addObject().put("startDate", "2026-05-10").put("endDate", "2026-05-10");
        at.addObject().put("startDate", "2026-05-01").put("endDate", "2026-05-02");
        at.addObject().put("startDate", "2026-05-03");
        at.addObject().put("startDate", "2026-05-09T10:00:00");
        assertEquals(List.of(
                new ItemMapper.Period(java.time.LocalDate.parse("2026-05-01"), java.time.LocalDate.parse("2026-05-03")),
                new ItemMapper.Period(java.time.LocalDate.parse("2026-05-09"), java.time.LocalDate.parse("2026-05-10"))),
                ItemMapper.periods(event));
    }

    @Test
    void exhibitionKeepsAllItsDatesAndPrefersTheOriginalToMachineTranslations() throws Exception {
        JsonNode exhibition = record(EXHIBITION);
        assertEquals(537, exhibition.get("takesPlaceAt").size());
        Page fr = page(exhibition, "fr");
        // 537 single days, each the day after the other: one period from the first to the last
        assertEquals("2023-11-09", fr.front().get("periods").get(0).get("start").asText());
        assertEquals("2025-04-28", fr.front().get("periods").get(0).get("end").asText());
        assertEquals(1, fr.front().get("periods").size());
        assertTrue(fr.list("tags").contains("exhibition"));
        assertTrue(fr.body().contains("Désormais, pour une durée de trois ans"), "the producer's French text");
        assertFalse(fr.front().has("machine_translated"));
        Page en = page(exhibition, "en");
        assertEquals("EXPOSITION : \"ÉMOTIONS ENFOUIES\" D'ANNA-EVA BERGE", en.front().get("title").asText(),
                "no English name: the original one, never another language's");
        assertTrue(en.front().get("machine_translated").asBoolean(), "DeepL's English is flagged as such");
        assertTrue(en.body().contains("From now on, for a period of three years"));
        assertTrue(en.body().contains("_Machine translation._"));
    }

    @Test
    void anOriginalTextWinsOverAMachineTranslationInTheSameLanguage() throws Exception {
        ObjectNode exhibition = (ObjectNode) record(EXHIBITION);
        // The comment's English is flagged; say the producer wrote it, as the long description's stays flagged.
        ArrayNode flags = (ArrayNode) exhibition.get("hasTranslatedProperty");
        for (int i = flags.size() - 1; i >= 0; i--) {
            if (flags.get(i).get("rdf:language").get(0).asText().equals("en")) {
                flags.remove(i);
            }
        }
        ItemMapper.Text text = ItemMapper.description(exhibition, "en").orElseThrow();
        assertFalse(text.machineTranslated());
        assertTrue(text.value().startsWith("\"Buried Emotions\" is a new work"), text.value());
    }

    @Test
    void giteLowestPriceWithItsUnit() throws Exception {
        Page fr = page(record(GITE), "fr");
        assertEquals("MAZETTE", fr.front().get("title").asText());
        assertEquals(List.of("weekend_stay"), fr.list("journey"));
        assertEquals(6, fr.front().get("capacity").asInt());
        assertEquals(205, fr.front().get("price_from_eur").asInt(), "the weekend in low season");
        assertEquals("stay", fr.front().get("price_unit").asText());
        assertTrue(fr.body().contains("Semaine haute saison : 420 € la semaine"), fr.body());
        assertTrue(fr.body().contains("Week-end basse saison : 205 € le séjour"));
        assertEquals("2023-11-06", fr.front().get("updated").asText());
        Page en = page(record(GITE), "en");
        assertTrue(en.body().contains("420 € a week"), en.body());
    }

    @Test
    void pricingModesGiveTheUnit() {
        assertEquals("week", ItemMapper.unit(List.of("kb:PerUnit", "kb:PerWeek"), true));
        assertEquals("stay", ItemMapper.unit(List.of("kb:Weekend"), true));
        assertEquals("night", ItemMapper.unit(List.of("kb:PerNight"), false));
        assertEquals("person", ItemMapper.unit(List.of("kb:PerPerson"), true));
        assertEquals("night", ItemMapper.unit(List.of(), true), "a lodging's price that says nothing: a night");
        assertEquals("person", ItemMapper.unit(List.of(), false));
    }

    @Test
    void openingHoursInFrenchAndEnglish() throws Exception {
        Page fr = page(record(CREPERIE), "fr");
        assertTrue(fr.body().contains("- du 1 juillet 2023 au 31 août 2023 : lundi, mercredi, jeudi, vendredi, samedi,"
                + " dimanche 12:00–14:00, 19:00–21:00"), fr.body());
        assertTrue(fr.body().contains("Ouverture tous les jours sauf mardi et mercredi l’hiver."));
        Page en = page(record(CREPERIE), "en");
        assertTrue(en.body().contains("- from 1 July 2023 to 31 August 2023: Monday, Wednesday, Thursday, Friday,"
                + " Saturday, Sunday 12:00–14:00, 19:00–21:00"), en.body());
        assertTrue(en.body().contains("Open every day except Tuesday and Wednesday in winter."));
    }

    @Test
    void aRecordWithoutIdOrNameIsMalformed() throws Exception {
        ObjectNode nameless = (ObjectNode) record(HOTEL);
        nameless.remove("rdfs:label");
        assertThrows(ItemMapper.MalformedRecord.class, () -> ItemMapper.pages(nameless));
        ObjectNode anonymous = (ObjectNode) record(HOTEL);
        anonymous.remove("@id");
        assertThrows(ItemMapper.MalformedRecord.class, () -> ItemMapper.pages(anonymous));
        assertThrows(ItemMapper.MalformedRecord.class, () -> ItemMapper.pages(JSON.readTree("[1, 2]")));
    }

    @Test
    void samePageSameBytes() throws Exception {
        assertEquals(ItemMapper.pages(record(EXHIBITION)).get(0).markdown(),
                ItemMapper.pages(record(EXHIBITION)).get(0).markdown());
        assertNull(page(record(HOTEL), "fr").front().get("periods"));
    }
}
