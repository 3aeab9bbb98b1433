package io.guichet.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates people name by their holidays: public holidays and their weekends, school holidays by zone. */
class HolidayDatesTest {
    private static final EntityExtractor ENTITIES = new EntityExtractor();

    private static List<Entity> dates(String text, String now) {
        return ENTITIES.extract(text, LocalDate.parse(now)).stream().filter(e -> e.type().equals("date")).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // Easter 2027 is 28 March: Ascension 6 May, Whit Monday 17 May.
            "on vient pour le week-end de l'Ascension|2026-11-21|2027-05-06|2027-05-09",
            "le week-end de Pâques en famille|2026-11-21|2027-03-27|2027-03-29",
            "un séminaire le week-end de la Pentecôte|2026-11-21|2027-05-15|2027-05-17",
            "à Pâques|2026-11-21|2027-03-28|2027-03-28",
            "over the Easter weekend|2026-11-21|2027-03-27|2027-03-29",
            // 8 May 2027 is a Saturday; 11 November 2026 has passed, 11 November 2027 is a Thursday.
            "pour le pont du 8 mai|2026-11-21|2027-05-08|2027-05-09",
            "le pont du 11 novembre|2026-11-21|2027-11-11|2027-11-14",
            // Said before Ascension 2027: this year's.
            "le pont de l'Ascension|2027-04-01|2027-05-06|2027-05-09",
            // School holidays, from the shipped calendar; the last day off is the day before school resumes.
            "pendant les vacances de la Toussaint|2025-09-01|2025-10-18|2025-11-02",
            "les vacances de février, zone A|2025-09-01|2026-02-07|2026-02-22",
            "les vacances de Noël en zone C|2025-09-01|2025-12-20|2026-01-04",
            "the Christmas holidays|2025-09-01|2025-12-20|2026-01-04"})
    void holidaysAreDates(String text, String now, String start, String end) {
        List<Entity> dates = dates(text, now);
        assertEquals(1, dates.size(), dates.toString());
        assertEquals(new DateRange(LocalDate.parse(start), LocalDate.parse(end)), dates.get(0).value(), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // Without a zone: from the first zone's first day off to the last zone's last.
            "les vacances d'hiver|2025-09-01"})
    void withoutAZoneTheHolidaysSpanEveryZone(String text, String now) {
        DateRange range = (DateRange) dates(text, now).get(0).value();
        DateRange zoneA = (DateRange) dates(text + " zone A", now).get(0).value();
        DateRange zoneC = (DateRange) dates(text + " zone C", now).get(0).value();
        assertTrue(!range.start().isAfter(zoneA.start()) && !range.start().isAfter(zoneC.start()), range.toString());
        assertTrue(!range.end().isBefore(zoneA.end()) && !range.end().isBefore(zoneC.end()), range.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // Past the school years the calendar covers: no date, and "février" is not read as the whole month.
            "pendant les vacances de février|2026-11-21",
            "en zone industrielle|2026-11-21",
            "le pont de l'île de Ré|2026-11-21",
            "les pâquerettes du jardin|2026-11-21"})
    void notADate(String text, String now) {
        assertEquals(List.of(), dates(text, now), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"pendant les vacances de février", "the summer holidays", "les grandes vacances"})
    void schoolHolidaysAreRecognisedEvenPastTheCalendar(String text) {
        assertTrue(SchoolCalendar.mentions(text));
        assertTrue(SchoolCalendar.shipped().lastDay().isAfter(LocalDate.parse("2026-01-01")));
    }
}
