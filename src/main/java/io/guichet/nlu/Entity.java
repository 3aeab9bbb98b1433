package io.guichet.nlu;

/**
 * One thing found in a message.
 *
 * @param type  one of {@code people_count, date, nights, budget_eur, surface_m2, email, phone}
 * @param value Integer (people_count, nights), Long or Double (budget_eur, surface_m2),
 *              {@link DateRange} (date), String (email as written, phone as digits with a leading +)
 * @param start offset of the first char in the original text
 * @param end   offset after the last char in the original text (exclusive)
 * @param text  {@code original.substring(start, end)}
 */
public record Entity(String type, Object value, int start, int end, String text) {
}
