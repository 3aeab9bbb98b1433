package io.guichet.handoff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void rangesOfDaysAndHoursInTheTerritorysZone() {
        OpeningHours hours = OpeningHours.parse("mon-fri 09:00-18:00, sat 9:30-12:00", PARIS);
        // 2026-11-23 is a Monday; Paris is UTC+1 in November.
        assertTrue(hours.openAt(Instant.parse("2026-11-23T08:00:00Z")), "Monday 09:00 opens");
        assertFalse(hours.openAt(Instant.parse("2026-11-23T07:59:59Z")), "Monday 08:59");
        assertFalse(hours.openAt(Instant.parse("2026-11-27T17:00:00Z")), "Friday 18:00 is closed");
        assertTrue(hours.openAt(Instant.parse("2026-11-28T08:30:00Z")), "Saturday 09:30");
        assertFalse(hours.openAt(Instant.parse("2026-11-28T11:00:00Z")), "Saturday noon");
        assertFalse(hours.openAt(Instant.parse("2026-11-29T10:00:00Z")), "Sunday");
    }

    @Test
    void aWeekRangeMayWrapAroundSunday() {
        OpeningHours hours = OpeningHours.parse("sat-mon 10:00-12:00", PARIS);
        assertTrue(hours.openAt(Instant.parse("2026-11-29T10:00:00Z")), "Sunday 11:00");
        assertTrue(hours.openAt(Instant.parse("2026-11-23T10:00:00Z")), "Monday 11:00");
        assertFalse(hours.openAt(Instant.parse("2026-11-24T10:00:00Z")), "Tuesday 11:00");
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse("weekdays 9-18", PARIS));
        assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse("mon 18:00-09:00", PARIS));
        assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse("mon 25:00-26:00", PARIS));
    }
}
