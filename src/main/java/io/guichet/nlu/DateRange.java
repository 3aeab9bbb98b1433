package io.guichet.nlu;

import java.time.LocalDate;

/** An inclusive range of days; a single day has {@code start.equals(end)}. */
public record DateRange(LocalDate start, LocalDate end) {
}
