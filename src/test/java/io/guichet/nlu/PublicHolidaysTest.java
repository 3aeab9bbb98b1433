package io.guichet.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PublicHolidaysTest {
    @Test
    void theRulesGiveEveryPublicHolidayOfAHundredYears() throws IOException {
        Map<Integer, Set<LocalDate>> published = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/calendars/jours_feries_seuls_metropole_1950-2050.csv"))
                .subList(1, 1108)) {
            LocalDate day = LocalDate.parse(line.substring(0, 10));
            published.computeIfAbsent(day.getYear(), y -> new TreeSet<>()).add(day);
        }
        assertEquals(101, published.size());
        published.forEach((year, days) -> assertEquals(days, PublicHolidays.of(year), "the holidays of " + year));
    }

    @Test
    void aBridgeJoinsTheHolidayToItsWeekend() {
        // 8 May 2025 is a Thursday, 11 November 2025 a Tuesday, 14 July 2027 a Wednesday.
        assertEquals(new DateRange(LocalDate.parse("2025-05-08"), LocalDate.parse("2025-05-11")),
                PublicHolidays.bridge(LocalDate.parse("2025-05-08")));
        assertEquals(new DateRange(LocalDate.parse("2025-11-08"), LocalDate.parse("2025-11-11")),
                PublicHolidays.bridge(LocalDate.parse("2025-11-11")));
        assertEquals(new DateRange(LocalDate.parse("2027-07-14"), LocalDate.parse("2027-07-14")),
                PublicHolidays.bridge(LocalDate.parse("2027-07-14")));
    }
}
