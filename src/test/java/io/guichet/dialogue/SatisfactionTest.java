package io.guichet.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What people answer when asked what they think, read as they type it. */
class SatisfactionTest {
    @Test
    void ratingsAreReadAsPeopleTypeThem() {
        assertEquals(Optional.of(new Satisfaction.Rating(4, null)), Satisfaction.rating("4"));
        assertEquals(Optional.of(new Satisfaction.Rating(4, null)), Satisfaction.rating(" 4/5 "));
        assertEquals(Optional.of(new Satisfaction.Rating(3, null)), Satisfaction.rating("3 étoiles"));
        assertEquals(Optional.of(new Satisfaction.Rating(5, null)), Satisfaction.rating("Cinq sur 5 !"));
        assertEquals(Optional.of(new Satisfaction.Rating(3, null)), Satisfaction.rating("★★★"));
        assertEquals(Optional.of(new Satisfaction.Rating(5, "Très rapide, merci")),
                Satisfaction.rating("5 - Très rapide, merci"));
        assertEquals(Optional.of(new Satisfaction.Rating(2, "trop d'attente")), Satisfaction.rating("2/5, trop d'attente"));
        for (String notARating : List.of("3 personnes", "12", "0", "6/5", "pour 4 nuits", "bonjour")) {
            assertEquals(Optional.empty(), Satisfaction.rating(notARating), notARating);
        }
        assertEquals(Optional.of(true), Satisfaction.thumb("👍🏽"));
        assertEquals(Optional.of(false), Satisfaction.thumb(" 👎 "));
        assertEquals(Optional.empty(), Satisfaction.thumb("👍 mais je cherche autre chose"));
        assertTrue(Satisfaction.declines("Non merci."));
        assertFalse(Satisfaction.declines("non, c'était trop long"));
    }
}
