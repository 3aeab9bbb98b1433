package io.guichet.nlu;

/**
 * A match before overlaps are settled. Offsets are in the folded text.
 *
 * @param nounBased for people counts: the number was stated with a people noun ("3 enfants"),
 *                  which allows "2 adultes et 3 enfants" to be summed
 */
record EntityCandidate(String type, Object value, int start, int end, boolean nounBased) {
    /** Type of a span that looked like an entity but is none ("30 février"); it wins its span, then is dropped. */
    static final String BLOCKED = "blocked";

    EntityCandidate(String type, Object value, int start, int end) {
        this(type, value, start, end, false);
    }

    int length() {
        return end - start;
    }

    boolean overlaps(EntityCandidate other) {
        return start < other.end && other.start < end;
    }

    static int priority(String type) {
        return switch (type) {
            case "email" -> 0;
            case "phone" -> 1;
            case "budget_eur" -> 2;
            case "surface_m2" -> 3;
            case "nights" -> 4;
            case "date" -> 5;
            default -> 6;
        };
    }
}
