package io.guichet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What simulated users say: one conversation's messages at a time, drawn from a realistic mix.
 * Half the conversations follow a journey (a seminar, a business setting up, a family moving
 * here, a weekend), answering the bot's questions the way the journey tests script them, some of
 * them up to a stored lead; a third ask the knowledge base about generated documents; the rest
 * is small talk with one question. Figures, names and questions vary from one conversation to
 * the next, so that most first messages are texts the service has not seen.
 */
final class UserScripts {
    private final Random random;
    private final List<KbGenerator.Question> questions;

    UserScripts(long seed, List<KbGenerator.Question> questions) {
        this.random = new Random(seed);
        this.questions = questions.isEmpty()
                ? List.of(new KbGenerator.Question("none", "fr", "à quelle heure ouvre l'office de tourisme ?"))
                : questions;
    }

    /** The messages of a new conversation, in order. */
    synchronized List<String> next() {
        int pick = random.nextInt(100);
        if (pick < 15) {
            return seminar();
        }
        if (pick < 27) {
            return businessSetup();
        }
        if (pick < 38) {
            return relocation();
        }
        if (pick < 50) {
            return weekend();
        }
        if (pick < 83) {
            return questions();
        }
        return smallTalk();
    }

    private List<String> seminar() {
        int people = 10 + random.nextInt(190);
        int day = 2 + random.nextInt(25);
        String month = new String[] {"mars", "avril", "mai", "juin", "septembre", "octobre"}[random.nextInt(6)];
        List<String> script = new ArrayList<>(List.of(
                "Bonjour, nous organisons un séminaire pour " + people + " personnes les " + day + " et " + (day + 1)
                        + " " + month,
                "1 nuit", "en théâtre", random.nextBoolean() ? "oui" : "non", "je ne sais pas"));
        if (random.nextBoolean()) {
            int n = random.nextInt(1_000_000);
            script.addAll(List.of("oui", "Je m'appelle Claire Martin", "claire.martin" + n + "@example.org"));
        } else {
            script.add("non merci");
        }
        return script;
    }

    private List<String> businessSetup() {
        int surface = 500 + random.nextInt(40) * 250;
        int jobs = 5 + random.nextInt(200);
        return List.of("Nous cherchons un terrain de " + surface + " m2 pour implanter notre usine de " + jobs
                        + " salariés", jobs + " emplois", "dès que possible",
                "budget " + (200 + random.nextInt(1800)) + " 000 €", "non");
    }

    private List<String> relocation() {
        List<String> script = new ArrayList<>(List.of("We are moving to Valmoreau with our children next summer",
                "I'm looking for a job", "rent", "yes"));
        if (random.nextBoolean()) {
            script.addAll(List.of("yes", "My name is Anna Lee",
                    String.format("+44 20 7946 %04d", random.nextInt(10_000))));
        } else {
            script.add("no thanks");
        }
        return script;
    }

    private List<String> weekend() {
        int people = 2 + random.nextInt(5);
        return random.nextBoolean()
                ? List.of("On aimerait passer un week-end à Valmoreau à " + people + " le week-end prochain",
                        "non", "gastronomie", "passer", "non merci")
                : List.of("We'd like to spend a weekend in Valmoreau next weekend, " + people + " of us",
                        "no", "culture", "skip", "no thanks");
    }

    private List<String> questions() {
        List<String> script = new ArrayList<>();
        script.add(random.nextBoolean() ? "bonjour" : "hello");
        int asked = 1 + random.nextInt(3);
        for (int i = 0; i < asked; i++) {
            script.add(question());
        }
        script.add(random.nextBoolean() ? "merci" : "thanks");
        return script;
    }

    private List<String> smallTalk() {
        return List.of(random.nextBoolean() ? "salut" : "hi", question(), random.nextBoolean() ? "merci beaucoup"
                : "thank you", random.nextBoolean() ? "au revoir" : "bye");
    }

    /** A question a visitor could ask, about one of the generated documents. */
    synchronized String question() {
        return questions.get(random.nextInt(questions.size())).text();
    }
}
