package io.guichet.dialogue;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.JourneyState;
import io.guichet.nlu.IntentFile;
import io.guichet.nlu.Intents;
import io.guichet.nlu.TextNormalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The journeys and the teams, as the intents folder declares them: each journey intent's
 * {@code slots} and {@code team}, and the team of {@code human_handoff.yml}, which takes every
 * conversation handed off outside a journey. That general team also has a journey of its own,
 * with no question: the name and contact of a message left when no one can answer.
 */
final class JourneyCatalogue {
    private final Map<String, Journey> journeys;
    private final Journey messageForGeneral;

    private JourneyCatalogue(Map<String, Journey> journeys, Journey messageForGeneral) {
        this.journeys = journeys;
        this.messageForGeneral = messageForGeneral;
    }

    static JourneyCatalogue from(List<IntentFile> intents) {
        Map<String, Journey> journeys = new HashMap<>();
        intents.forEach(file -> Journey.from(file).ifPresent(j -> journeys.put(j.name(), j)));
        Journey general = intents.stream().filter(file -> file.intent().equals(Intents.HUMAN_HANDOFF)).findFirst()
                .map(Journey::team).orElse(Journey.team(null));
        return new JourneyCatalogue(Map.copyOf(journeys), general);
    }

    boolean declares(String intent) {
        return journeys.containsKey(intent);
    }

    Journey get(String name) {
        return journeys.get(name);
    }

    /**
     * The journey whose keywords the message names most, of those given; empty when none is named
     * or two are named as much ("un séminaire d'entreprise sur un week-end" decides nothing).
     */
    Optional<String> namedBy(String text, List<String> among) {
        String folded = " " + String.join(" ", TextNormalizer.tokens(text)) + " ";
        String best = null;
        int most = 0;
        boolean tied = false;
        for (String name : among) {
            int named = journeys.get(name).keywordsIn(folded);
            if (named > most) {
                best = name;
                most = named;
                tied = false;
            } else if (named == most && named > 0) {
                tied = true;
            }
        }
        return tied ? Optional.empty() : Optional.ofNullable(best);
    }

    /** The journeys, by name. */
    java.util.Set<String> names() {
        return journeys.keySet();
    }

    /** The team conversations go to outside any journey. */
    String generalTeam() {
        return messageForGeneral.teamId();
    }

    /** The journey of the message left for the general team: no question, a name and a contact. */
    Journey messageForGeneral() {
        return messageForGeneral;
    }

    /** The journey the conversation is in, or last followed, if it is one of these. */
    Optional<Journey> of(Conversation conversation) {
        JourneyState state = conversation.journey();
        if (state == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(journeys.get(state.name()))
                .or(() -> Optional.of(messageForGeneral).filter(j -> j.name().equals(state.name())));
    }

    /**
     * The team a conversation goes to when handed off: its journey's, else the team of {@code
     * nearestJourney} (the journey the request names, or its unanswered question was nearest to),
     * else the general team.
     */
    String team(Conversation conversation, Optional<String> nearestJourney) {
        return of(conversation).map(Journey::teamId)
                .or(() -> nearestJourney.map(journeys::get).map(Journey::teamId))
                .orElse(generalTeam());
    }

    /** The team's name as users read it ("le bureau des congrès…"), for the journeys' teams and the general one. */
    String teamName(String teamId, String lang) {
        return journeys.values().stream().filter(j -> j.teamId().equals(teamId)).findFirst()
                .orElse(messageForGeneral).teamName(lang);
    }

    /** Every team, id to name in {@code lang}: the journeys' teams and the general one. */
    Map<String, String> teams(String lang) {
        Map<String, String> teams = new TreeMap<>();
        teams.put(generalTeam(), teamName(generalTeam(), lang));
        journeys.values().forEach(j -> teams.put(j.teamId(), j.teamName(lang)));
        return teams;
    }

    /**
     * Each journey's slots, "journey.slot" to its label in {@code lang}: one slot name is worded
     * per journey ("seminar_planning.people_count" → "Participants", "relocation.people_count" →
     * "Personnes au foyer").
     */
    Map<String, String> slotLabels(String lang) {
        Map<String, String> labels = new TreeMap<>();
        journeys.values().forEach(j -> j.slots().forEach(slot -> {
            labels.put(j.name() + "." + slot.name(), slot.label(lang));
            slot.choices().forEach(choice -> labels.put(j.name() + "." + slot.name() + "=" + choice.value(),
                    choice.label(lang)));
        }));
        return labels;
    }
}
