package io.guichet;

import java.util.ArrayList;
import java.util.List;

/** A visitor's seminar journey, message by message, that ends with a lead for the convention bureau. */
public final class SeminarJourney {
    private static final List<String> UP_TO_THE_NAME = List.of(
            "nous organisons un séminaire pour 40 personnes les 12 et 13 mars", "1 nuit", "en théâtre", "oui",
            "je ne sais pas", "oui", "Je m'appelle Claire Martin");

    private SeminarJourney() {
    }

    /** The journey's messages, the last one the visitor's e-mail address, which the lead carries. */
    public static List<String> to(String email) {
        List<String> messages = new ArrayList<>(UP_TO_THE_NAME);
        messages.add(email);
        return messages;
    }
}
