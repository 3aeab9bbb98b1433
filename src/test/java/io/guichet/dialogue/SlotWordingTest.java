package io.guichet.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SlotWordingTest {
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
    }
}
