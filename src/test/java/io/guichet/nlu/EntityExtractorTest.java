package io.guichet.nlu;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The extraction contract, case by case. Most cases are said on Saturday 21 November 2026; a few on
 * a Sunday, a Friday and on 31 December (year rollover). Each case lists every entity expected,
 * with its exact type, value and span text, in order.
 */
class EntityExtractorTest {
    private static final LocalDate SAT = LocalDate.of(2026, 11, 21);
    private static final LocalDate SUN = LocalDate.of(2026, 11, 22);
    private static final LocalDate FRI = LocalDate.of(2026, 11, 20);
    private static final LocalDate NYE = LocalDate.of(2026, 12, 31);

    private static final EntityExtractor EXTRACTOR = new EntityExtractor();

    /** What a case expects of one entity. */
    record E(String type, Object value, String text) {
        @Override
        public String toString() {
            return type + "=" + value + " [" + text + "]";
        }
    }

    private static E people(int n, String text) {
        return new E("people_count", n, text);
    }

    private static E nights(int n, String text) {
        return new E("nights", n, text);
    }

    private static E eur(long amount, String text) {
        return new E("budget_eur", amount, text);
    }

    private static E eur(double amount, String text) {
        return new E("budget_eur", amount, text);
    }

    private static E m2(long surface, String text) {
        return new E("surface_m2", surface, text);
    }

    private static E m2(double surface, String text) {
        return new E("surface_m2", surface, text);
    }

    private static E email(String text) {
        return new E("email", text, text);
    }

    private static E phone(String digits, String text) {
        return new E("phone", digits, text);
    }

    private static E day(String iso, String text) {
        LocalDate d = LocalDate.parse(iso);
        return new E("date", new DateRange(d, d), text);
    }

    private static E days(String start, String end, String text) {
        return new E("date", new DateRange(LocalDate.parse(start), LocalDate.parse(end)), text);
    }

    private static Arguments c(String text, E... expected) {
        return at(SAT, text, expected);
    }

    private static Arguments at(LocalDate now, String text, E... expected) {
        return Arguments.of(now, text, List.of(expected));
    }

    static Stream<Arguments> peopleCases() {
        return Stream.of(
                c("Nous serons 40 personnes.", people(40, "40 personnes")),
                c("Une salle pour 12 personnes svp", people(12, "12 personnes")),
                c("une quarantaine de participants", people(40, "une quarantaine de participants")),
                c("35 collaborateurs", people(35, "35 collaborateurs")),
                c("600 congressistes attendus", people(600, "600 congressistes")),
                c("Prévoir 120 participants", people(120, "120 participants")),
                c("douze personnes", people(12, "douze personnes")),
                c("vingt-cinq invités", people(25, "vingt-cinq invités")),
                c("soixante-dix convives", people(70, "soixante-dix convives")),
                c("quatre-vingt-dix-neuf personnes", people(99, "quatre-vingt-dix-neuf personnes")),
                c("deux cent cinquante participants", people(250, "deux cent cinquante participants")),
                c("vingt et un invités", people(21, "vingt et un invités")),
                c("mille congressistes", people(1000, "mille congressistes")),
                c("Planning a trip with my parents in May", people(3, "my parents"), days("2027-05-01", "2027-05-31", "May")),
                c("je viens avec mes parents", people(3, "mes parents")),
                c("moi et ma copine", people(2, "moi et ma copine")),
                c("my sister and her 3 kids and me", people(5, "my sister and her 3 kids and me")),
                c("je pars avec ma mère et ma soeur", people(3, "ma mère et ma soeur")),
                c("on est 4", people(4, "on est 4")),
                c("slt on est 18 collègues", people(18, "18 collègues")),
                c("5 amis", people(5, "5 amis")),
                c("we're a group of 8 friends", people(8, "8 friends")),
                c("on seras 2, pa trop cher svp", people(2, "on seras 2")),
                c("mon mari est infirmier et cherche un poste"),
                c("a job at the hospital"),
                c("Nous serons 60 pour le séminaire", people(60, "Nous serons 60")),
                c("on sera une cinquantaine", people(50, "on sera une cinquantaine")),
                c("C'est pour un groupe de 30", people(30, "groupe de 30")),
                c("un groupe de 30 cherche un hôtel", people(30, "groupe de 30")),
                c("We're a team of 25 looking for an offsite", people(25, "team of 25")),
                c("2 adultes et 3 enfants", people(5, "2 adultes et 3 enfants")),
                c("2 adults 1 kid", people(3, "2 adults 1 kid")),
                c("on pense venir à 4", people(4, "à 4")),
                c("on vient à quatre", people(4, "à quatre")),
                c("on arrive ce we a 4", days("2026-11-21", "2026-11-22", "ce we"), people(4, "a 4")),
                c("on aurait 30 embauches", people(30, "30 embauches")),
                c("coming w my gf for a weekend", people(2, "my gf")),
                c("I'm coming with my bf", people(2, "my bf")),
                c("my wife and I are moving in September with our two kids",
                        people(4, "my wife and I"), days("2027-09-01", "2027-09-30", "September")),
                c("ma femme et moi, on arrive en juin avec nos 3 enfants",
                        people(5, "ma femme et moi"), days("2027-06-01", "2027-06-30", "juin")),
                c("12 ETP à terme", people(12, "12 ETP")),
                c("around 35 ppl", people(35, "35 ppl")),
                c("nous arrivons à 16 h, où laisser les bagages ?"),
                c("On vient le week-end du 12 juin à 4", days("2027-06-12", "2027-06-13", "le week-end du 12 juin"),
                        people(4, "à 4")),
                c("nous serons à Valmoreau à 6", people(6, "à 6")),
                c("on vient le 12 juin à 14 h", day("2027-06-12", "12 juin")),
                c("c'est à 5 minutes de la gare"),
                c("la réunion sera à 14 h"),
                c("nous sommes une famille de 5 (3 enfants)", people(5, "famille de 5")),
                c("on sera 40 (35 adultes et 5 enfants)", people(40, "on sera 40")),
                c("une réunion de 3 h (10 personnes)", people(10, "10 personnes")),
                c("two friends and me", people(3, "two friends and me")),
                c("avec ma femme et nos 2 garçons", people(4, "ma femme et nos 2 garçons")),
                c("ma femme, nos 3 enfants et moi", people(5, "ma femme, nos 3 enfants et moi")),
                c("I'm moving with my 2 kids", people(3, "my 2 kids")),
                c("je viens avec mon mari", people(2, "mon mari")),
                c("mon compagnon et moi", people(2, "mon compagnon et moi")),
                c("un couple avec 2 enfants", people(4, "un couple avec 2 enfants")),
                c("we are a couple with two kids", people(4, "a couple with two kids")),
                c("en couple avec nos 3 enfants", people(5, "en couple avec nos 3 enfants")),
                c("a couple of friends and me", people(3, "a couple of friends and me")),
                c("on vient avec nos 2 enfants"),
                c("we're moving there with 2 kids"),
                c("où emmener un enfant de 2 ans ?"),
                c("avec nos 2 enfants"),
                c("we have two kids"),
                c("une sortie scolaire pour 30 enfants", people(30, "30 enfants")),
                c("nous serons 2 adultes avec 2 enfants", people(4, "2 adultes avec 2 enfants")),
                c("2 adultes avec 2 enfants", people(4, "2 adultes avec 2 enfants")),
                c("envoyez-moi les infos"),
                c("avec 3 collègues et moi", people(4, "3 collègues et moi")),
                c("finalement on sera plutôt 75", people(75, "on sera plutôt 75")),
                c("actually we are 15 now", people(15, "we are 15")),
                c("on sera 6 finalement", people(6, "on sera 6")),
                c("en fait on sera 4 d'ici le printemps", people(4, "on sera 4")),
                c("a team of 60 people", people(60, "60 people")),
                c("two guests", people(2, "two guests")),
                c("a dozen people", people(12, "a dozen people")),
                c("8 people", people(8, "8 people")),
                c("250 attendees expected", people(250, "250 attendees")),
                c("a table for 15", people(15, "for 15")),
                c("We are a family of four", people(4, "family of four")),
                c("une entreprise de 50 salariés", people(50, "50 salariés")),
                c("50 employés", people(50, "50 employés")),
                c("50 employees", people(50, "50 employees")),
                c("une dizaine de personnes", people(10, "une dizaine de personnes")),
                c("une douzaine d'enfants", people(12, "une douzaine d'enfants")),
                c("une quinzaine de participants", people(15, "une quinzaine de participants")),
                c("une vingtaine de convives", people(20, "une vingtaine de convives")),
                c("une trentaine de collaborateurs", people(30, "une trentaine de collaborateurs")),
                c("une soixantaine d'invités", people(60, "une soixantaine d'invités")),
                c("une centaine de personnes", people(100, "une centaine de personnes")),
                c("environ 600 personnes", people(600, "600 personnes")),
                c("nous serons environ 600", people(600, "nous serons environ 600")),
                c("a couple of guests", people(2, "a couple of guests")),
                c("we're 12", people(12, "we're 12")),
                c("There will be 40 of us", people(40, "40 of us")),
                c("Nous serons 40 dont 10 enfants", people(40, "Nous serons 40")),
                c("two adults and three children", people(5, "two adults and three children")),
                c("12 000 visiteurs", people(12000, "12 000 visiteurs")),
                c("We are 4.", people(4, "We are 4")),
                c("Nombre de participants : 80", people(80, "Nombre de participants : 80")),
                c("PERSONNES : 12", people(12, "PERSONNES : 12")),
                c("un groupe d'une vingtaine de personnes", people(20, "une vingtaine de personnes")),
                c("on est 3 + un bébé", people(4, "on est 3 + un bébé")),
                c("2 adultes, 3 enfants et 1 bébé", people(6, "2 adultes, 3 enfants et 1 bébé")),
                c("35 collaborateurs et 600 congressistes",
                        people(35, "35 collaborateurs"), people(600, "600 congressistes")),
                c("The conference will host 1,200 delegates", people(1200, "1,200 delegates")),
                c("Un groupe d'une quarantaine de retraités", people(40, "une quarantaine de retraités")),
                c("nous sommes 3 à venir", people(3, "nous sommes 3")),
                c("nous serons deux", people(2, "nous serons deux")),
                c("a group of about 30", people(30, "group of about 30")));
    }

    static Stream<Arguments> nightsCases() {
        return Stream.of(
                c("2 nuits", nights(2, "2 nuits")),
                c("deux nuits", nights(2, "deux nuits")),
                c("3 nuitées", nights(3, "3 nuitées")),
                c("une nuit", nights(1, "une nuit")),
                c("4 nights", nights(4, "4 nights")),
                c("one night", nights(1, "one night")),
                c("a two-night stay", nights(2, "two-night")),
                c("pour 2 nuits du 12 au 14 mars",
                        nights(2, "2 nuits"), days("2027-03-12", "2027-03-14", "du 12 au 14 mars")),
                c("I'd like 2 rooms for 3 nights for 4 people", nights(3, "3 nights"), people(4, "4 people")));
    }

    static Stream<Arguments> budgetCases() {
        return Stream.of(
                c("12 000 €", eur(12000L, "12 000 €")),
                c("loyer max 650 e", eur(650L, "loyer max 650")),
                c("on peut mettre 300 e par mois", eur(300L, "300 e")),
                c("rester sous les 150 e la nuit si possible", eur(150L, "150 e")),
                c("80 e max", eur(80L, "80 e")),
                c("au 2e étage", new E[0]),
                c("a 3 bedroom house, max 1500/month", eur(1500L, "1500")),
                c("900 par mois", eur(900L, "900")),
                c("1.2k a month", eur(1200L, "1.2k")),
                c("on y va 2 par mois"),
                c("rent up to 900", eur(900L, "rent up to 900")),
                c("12\u00a0000\u00a0€", eur(12000L, "12\u00a0000\u00a0€")),
                c("12000€", eur(12000L, "12000€")),
                c("€8,500", eur(8500L, "€8,500")),
                c("8 500 euros", eur(8500L, "8 500 euros")),
                c("5000 euros maximum", eur(5000L, "5000 euros")),
                c("5k€", eur(5000L, "5k€")),
                c("5 k€", eur(5000L, "5 k€")),
                c("12k€ par an", eur(12000L, "12k€")),
                c("1,2 million d'euros", eur(1_200_000L, "1,2 million d'euros")),
                c("1,5 M€", eur(1_500_000L, "1,5 M€")),
                c("1.5 M€", eur(1_500_000L, "1.5 M€")),
                c("2 millions €", eur(2_000_000L, "2 millions €")),
                c("budget de 300 euros par personne", eur(300L, "300 euros")),
                c("around 40,000 euros", eur(40000L, "40,000 euros")),
                c("EUR 2,500", eur(2500L, "EUR 2,500")),
                c("budget 3000", eur(3000L, "budget 3000")),
                c("Budget: 8000", eur(8000L, "Budget: 8000")),
                c("mon budget est de 2 millions", eur(2_000_000L, "budget est de 2 millions")),
                c("12,50 €", eur(12.5, "12,50 €")),
                c("cinq mille euros", eur(5000L, "cinq mille euros")),
                c("1 500 000 €", eur(1_500_000L, "1 500 000 €")),
                c("budget d'un million", eur(1_000_000L, "budget d'un million")),
                c("a budget of about 3000", eur(3000L, "budget of about 3000")),
                c("deux millions d'euros", eur(2_000_000L, "deux millions d'euros")),
                c("Tarif 15 € par personne pour 30 personnes", eur(15L, "15 €"), people(30, "30 personnes")));
    }

    static Stream<Arguments> surfaceCases() {
        return Stream.of(
                c("5000 m2", m2(5000L, "5000 m2")),
                c("2 000 m²", m2(2000L, "2 000 m²")),
                c("80m²", m2(80L, "80m²")),
                c("300 square metres", m2(300L, "300 square metres")),
                c("300 square meters", m2(300L, "300 square meters")),
                c("300 sq m", m2(300L, "300 sq m")),
                c("500 mètres carrés", m2(500L, "500 mètres carrés")),
                c("un hectare", m2(10000L, "un hectare")),
                c("1,5 hectare", m2(15000L, "1,5 hectare")),
                c("2 ha", m2(20000L, "2 ha")),
                c("un terrain d'un hectare", m2(10000L, "un hectare")),
                c("12,5 m²", m2(12.5, "12,5 m²")),
                c("2 salles de 80m² et 120m²", m2(80L, "80m²"), m2(120L, "120m²")),
                c("Le parc fait 1,5 hectare et la salle 300 m².", m2(15000L, "1,5 hectare"), m2(300L, "300 m²")));
    }

    static Stream<Arguments> contactCases() {
        return Stream.of(
                c("j.dupont+seminaire@example.org", email("j.dupont+seminaire@example.org")),
                c("Mon mail : tom.baker@example.co.uk.", email("tom.baker@example.co.uk")),
                c("Écrivez à Tom.Baker@Example.co.uk, merci", email("Tom.Baker@Example.co.uk")),
                c("(contact@mairie-exemple.fr)", email("contact@mairie-exemple.fr")),
                c("06 39 98 12 34", phone("0639981234", "06 39 98 12 34")),
                c("06.39.98.12.34", phone("0639981234", "06.39.98.12.34")),
                c("0639981234", phone("0639981234", "0639981234")),
                c("tél. 06-39-98-12-34.", phone("0639981234", "06-39-98-12-34")),
                c("+33 6 39 98 45 67", phone("+33639984567", "+33 6 39 98 45 67")),
                c("+33 (0)6 39 98 45 67", phone("+33639984567", "+33 (0)6 39 98 45 67")),
                c("call +44 20 7946 0958", phone("+442079460958", "+44 20 7946 0958")),
                c("+33639984567", phone("+33639984567", "+33639984567")),
                c("0033 6 39 98 45 67", phone("+33639984567", "0033 6 39 98 45 67")));
    }

    static Stream<Arguments> dateCases() {
        return Stream.of(
                c("le 12 mars", day("2027-03-12", "12 mars")),
                c("le 25 novembre", day("2026-11-25", "25 novembre")),
                c("le 21 novembre", day("2026-11-21", "21 novembre")),
                c("le 20 novembre", day("2027-11-20", "20 novembre")),
                c("en janvier", days("2027-01-01", "2027-01-31", "janvier")),
                c("in June 2027", days("2027-06-01", "2027-06-30", "June 2027")),
                c("au mois de mai", days("2027-05-01", "2027-05-31", "mai")),
                c("en novembre", days("2026-11-01", "2026-11-30", "novembre")),
                c("en fevrier", days("2027-02-01", "2027-02-28", "fevrier")),
                c("aujourd'hui", day("2026-11-21", "aujourd'hui")),
                c("today", day("2026-11-21", "today")),
                c("Demain", day("2026-11-22", "Demain")),
                c("tomorrow", day("2026-11-22", "tomorrow")),
                c("après-demain", day("2026-11-23", "après-demain")),
                c("the day after tomorrow", day("2026-11-23", "the day after tomorrow")),
                c("dans 3 jours", day("2026-11-24", "dans 3 jours")),
                c("in 3 days", day("2026-11-24", "in 3 days")),
                c("dans deux semaines", day("2026-12-05", "dans deux semaines")),
                c("in two weeks", day("2026-12-05", "in two weeks")),
                c("lundi prochain", day("2026-11-23", "lundi prochain")),
                c("next Monday", day("2026-11-23", "next Monday")),
                c("next Friday", day("2026-11-27", "next Friday")),
                c("ce vendredi", day("2026-11-27", "ce vendredi")),
                c("this Friday", day("2026-11-27", "this Friday")),
                c("vendredi", day("2026-11-27", "vendredi")),
                c("le vendredi 4 décembre", day("2026-12-04", "vendredi 4 décembre")),
                c("le 3 decembre", day("2026-12-03", "3 decembre")),
                c("la semaine prochaine", days("2026-11-23", "2026-11-29", "semaine prochaine")),
                c("next week", days("2026-11-23", "2026-11-29", "next week")),
                c("cette semaine", days("2026-11-21", "2026-11-22", "cette semaine")),
                c("this week", days("2026-11-21", "2026-11-22", "this week")),
                c("ce week-end", days("2026-11-21", "2026-11-22", "ce week-end")),
                c("CE WEEK-END", days("2026-11-21", "2026-11-22", "CE WEEK-END")),
                c("ce week end", days("2026-11-21", "2026-11-22", "ce week end")),
                c("this weekend", days("2026-11-21", "2026-11-22", "this weekend")),
                c("le week-end prochain", days("2026-11-28", "2026-11-29", "week-end prochain")),
                c("next weekend", days("2026-11-28", "2026-11-29", "next weekend")),
                c("on vient le we prochain", days("2026-11-28", "2026-11-29", "we prochain")),
                c("on passe ce we", days("2026-11-21", "2026-11-22", "ce we")),
                c("le w-e prochain", days("2026-11-28", "2026-11-29", "w-e prochain")),
                c("a long weekend at easter", days("2027-03-27", "2027-03-29", "a long weekend at easter")),
                c("un week-end à Pâques", days("2027-03-27", "2027-03-29", "week-end à Pâques")),
                c("un hotel pour le weeknd prochain", days("2026-11-28", "2026-11-29", "weeknd prochain")),
                c("this wknd", days("2026-11-21", "2026-11-22", "this wknd")),
                c("ce wkend on est 2", days("2026-11-21", "2026-11-22", "ce wkend"), people(2, "on est 2")),
                c("le wekend du 12 décembre", days("2026-12-12", "2026-12-13", "le wekend du 12 décembre")),
                c("le we du 12 décembre", days("2026-12-12", "2026-12-13", "le we du 12 décembre")),
                c("le deuxième week-end de mai", days("2027-05-08", "2027-05-09", "le deuxième week-end de mai")),
                c("the 2nd weekend of May", days("2027-05-08", "2027-05-09", "the 2nd weekend of May")),
                c("le premier we de juin", days("2027-06-05", "2027-06-06", "le premier we de juin")),
                c("the last weekend of August", days("2027-08-28", "2027-08-29", "the last weekend of August")),
                c("la première semaine d'août", days("2027-08-01", "2027-08-07", "la première semaine d'août")),
                c("la dernière semaine de novembre", days("2026-11-24", "2026-11-30", "la dernière semaine de novembre")),
                c("le week-end de la Saint-Valentin", days("2027-02-13", "2027-02-14", "le week-end de la Saint-Valentin")),
                c("valentine's weekend actually", days("2027-02-13", "2027-02-14", "valentine's weekend")),
                c("un dîner pour la Saint-Valentin", days("2027-02-14", "2027-02-14", "pour la Saint-Valentin")),
                c("le mois prochain", days("2026-12-01", "2026-12-31", "mois prochain")),
                c("next month", days("2026-12-01", "2026-12-31", "next month")),
                c("du 12 au 14 mars", days("2027-03-12", "2027-03-14", "du 12 au 14 mars")),
                c("du 28 au 30 décembre", days("2026-12-28", "2026-12-30", "du 28 au 30 décembre")),
                c("les 12 et 13 mars", days("2027-03-12", "2027-03-13", "12 et 13 mars")),
                c("entre le 2 et le 6 février", days("2027-02-02", "2027-02-06", "entre le 2 et le 6 février")),
                c("du 30 avril au 2 mai", days("2027-04-30", "2027-05-02", "du 30 avril au 2 mai")),
                c("du 10 au 12 avril 2027", days("2027-04-10", "2027-04-12", "du 10 au 12 avril 2027")),
                c("from March 3rd to 7th", days("2027-03-03", "2027-03-07", "from March 3rd to 7th")),
                c("March 3-7", days("2027-03-03", "2027-03-07", "March 3-7")),
                c("3–7 March", days("2027-03-03", "2027-03-07", "3–7 March")),
                c("between 2 and 6 February", days("2027-02-02", "2027-02-06", "between 2 and 6 February")),
                c("12 and 13 March", days("2027-03-12", "2027-03-13", "12 and 13 March")),
                c("du 28 décembre au 3 janvier", days("2026-12-28", "2027-01-03", "du 28 décembre au 3 janvier")),
                c("15/01/2027", day("2027-01-15", "15/01/2027")),
                c("le 3/04", day("2027-04-03", "3/04")),
                c("12/03", day("2027-03-12", "12/03")),
                c("2027-03-12", day("2027-03-12", "2027-03-12")),
                c("1er mars", day("2027-03-01", "1er mars")),
                c("March 1st", day("2027-03-01", "March 1st")),
                c("the 12th of March", day("2027-03-12", "12th of March")),
                c("Friday, December 4th, 2026", day("2026-12-04", "Friday, December 4th, 2026")),
                c("le 3 fe\u0301vrier", day("2027-02-03", "3 fe\u0301vrier")),
                c("Le 12 mars et le 13 avril", day("2027-03-12", "12 mars"), day("2027-04-13", "13 avril")),
                c("pendant 2 semaines en juin", days("2027-06-01", "2027-06-30", "juin")),
                c("du 12/03 au 14/03", days("2027-03-12", "2027-03-14", "du 12/03 au 14/03")),
                c("le 1ᵉʳ mars", day("2027-03-01", "1ᵉʳ mars")),
                c("les 5, 6 et 7 juin", days("2027-06-05", "2027-06-07", "5, 6 et 7 juin")),
                c("le weekend du 11 juin", days("2027-06-11", "2027-06-13", "le weekend du 11 juin")),
                c("le week-end du 13 juin", days("2027-06-12", "2027-06-13", "le week-end du 13 juin")),
                c("the weekend of 9 June", days("2027-06-12", "2027-06-13", "the weekend of 9 June")),
                c("the weekend of June 12th", days("2027-06-12", "2027-06-13", "the weekend of June 12th")),
                c("coming the weekend of march 13, 2027", days("2027-03-13", "2027-03-14", "the weekend of march 13, 2027")),
                c("June 5th-7th", days("2027-06-05", "2027-06-07", "June 5th-7th")),
                c("lundi 12 et mardi 13 avril", days("2027-04-12", "2027-04-13", "lundi 12 et mardi 13 avril")));
    }

    static Stream<Arguments> otherDayCases() {
        return Stream.of(
                at(SUN, "ce week-end", days("2026-11-21", "2026-11-22", "ce week-end")),
                at(SUN, "this weekend", days("2026-11-21", "2026-11-22", "this weekend")),
                at(SUN, "next weekend", days("2026-11-28", "2026-11-29", "next weekend")),
                at(SUN, "next Friday", day("2026-11-27", "next Friday")),
                at(SUN, "cette semaine", days("2026-11-22", "2026-11-22", "cette semaine")),
                at(SUN, "la semaine prochaine", days("2026-11-23", "2026-11-29", "semaine prochaine")),
                at(SUN, "demain", day("2026-11-23", "demain")),
                at(FRI, "ce vendredi", day("2026-11-20", "ce vendredi")),
                at(FRI, "vendredi", day("2026-11-20", "vendredi")),
                at(FRI, "next Friday", day("2026-11-27", "next Friday")),
                at(FRI, "vendredi prochain", day("2026-11-27", "vendredi prochain")),
                at(FRI, "ce week-end", days("2026-11-21", "2026-11-22", "ce week-end")),
                at(FRI, "le week-end prochain", days("2026-11-28", "2026-11-29", "week-end prochain")),
                at(FRI, "cette semaine", days("2026-11-20", "2026-11-22", "cette semaine")),
                at(NYE, "le 2 janvier", day("2027-01-02", "2 janvier")),
                at(NYE, "le 31 décembre", day("2026-12-31", "31 décembre")),
                at(NYE, "le 30 décembre", day("2027-12-30", "30 décembre")),
                at(NYE, "en janvier", days("2027-01-01", "2027-01-31", "janvier")),
                at(NYE, "en décembre", days("2026-12-01", "2026-12-31", "décembre")),
                at(NYE, "le mois prochain", days("2027-01-01", "2027-01-31", "mois prochain")),
                at(NYE, "demain", day("2027-01-01", "demain")),
                at(NYE, "dans 3 jours", day("2027-01-03", "dans 3 jours")),
                at(NYE, "la semaine prochaine", days("2027-01-04", "2027-01-10", "semaine prochaine")),
                at(NYE, "du 28 décembre au 3 janvier", days("2026-12-28", "2027-01-03", "du 28 décembre au 3 janvier")),
                at(NYE, "du 2 au 5 janvier", days("2027-01-02", "2027-01-05", "du 2 au 5 janvier")),
                at(NYE, "du 30 décembre 2026 au 2 janvier 2027",
                        days("2026-12-30", "2027-01-02", "du 30 décembre 2026 au 2 janvier 2027")));
    }

    /** Things that are not entities, or not the entity they look like. */
    static Stream<Arguments> negativeCases() {
        return Stream.of(
                c("un hôtel 4 étoiles"),
                c("la ligne 2 du tram"),
                c("la salle 3 est libre"),
                c("un T1 au centre"),
                c("à 10 minutes de la gare"),
                c("après 18h"),
                c("à 9h30"),
                c("at 6pm"),
                c("pendant 3 jours"),
                c("for a week"),
                c("for 15 minutes"),
                c("une quinzaine de jours"),
                c("la quinzaine de mars", days("2027-03-01", "2027-03-31", "mars")),
                c("quelques centaines de personnes"),
                c("la surface du hall"),
                c("3 acres"),
                c("£300"),
                c("$500"),
                c("budget of $5000"),
                c("le parc a ouvert en 2019"),
                c("Budget 2027 validé"),
                c("10 pour cent de réduction"),
                c("pour 3 raisons"),
                c("Réservation pour 2027"),
                c("le 30 février"),
                c("ouvert 24/7"),
                c("3/4 des participants"),
                c("we are a couple"),
                c("I may come"),
                c("nous sommes une entreprise"),
                c("123456789012345678901234567890"),
                c("user@localhost"),
                c("Rendez-vous à 14h le 12"),
                c("Combien coûte le ticket de la ligne 12 ?"),
                c("du 12 au 14 mars", days("2027-03-12", "2027-03-14", "du 12 au 14 mars")),
                c("2 nuits", nights(2, "2 nuits")),
                c("100 € la nuit", eur(100L, "100 €")),
                c("15/01/2027", day("2027-01-15", "15/01/2027")),
                c("a 4-star hotel with 2 pools"),
                c("le budget d'une entreprise"),
                c("le musée est à 2 km"),
                c("pour 2 ou 3 personnes", people(3, "3 personnes")),
                c("pour une quinzaine de jours"),
                c("nous serons une vingtaine d'entreprises"),
                c("merci pour 2 choses"),
                c("y a-t-il un médecin de garde près du centre ?"),
                c("on cherche un animateur pour la soirée"),
                c("we need one speaker for our seminar"),
                c("un séminaire dans un cadre nature"),
                c("on recrute un salarié et un bénévole"),
                c(""));
    }

    static Stream<Arguments> mixedCases() {
        return Stream.of(
                c("Bonjour, nous cherchons une salle pour 120 participants du 12 au 14 mars, budget 12 000 €, "
                        + "merci de me rappeler au 06 39 98 12 34.",
                        people(120, "120 participants"), days("2027-03-12", "2027-03-14", "du 12 au 14 mars"),
                        eur(12000L, "12 000 €"), phone("0639981234", "06 39 98 12 34")),
                c("We need a venue for 250 attendees from March 3rd to 7th, budget €40,000, 2 nights.",
                        people(250, "250 attendees"), days("2027-03-03", "2027-03-07", "from March 3rd to 7th"),
                        eur(40000L, "€40,000"), nights(2, "2 nights")),
                c("Je m'appelle Tom, on sera 12, arrivée le 3/04 pour deux nuits.",
                        people(12, "on sera 12"), day("2027-04-03", "3/04"), nights(2, "deux nuits")),
                c("Séminaire de 35 collaborateurs, 2 000 m² minimum, contact j.dupont+seminaire@example.org",
                        people(35, "35 collaborateurs"), m2(2000L, "2 000 m²"),
                        email("j.dupont+seminaire@example.org")),
                c("Nous serons 60 le week-end prochain 😀", people(60, "Nous serons 60"),
                        days("2026-11-28", "2026-11-29", "week-end prochain")),
                c("📅 du 12 au 14 mars 🎉 pour 40 personnes",
                        days("2027-03-12", "2027-03-14", "du 12 au 14 mars"), people(40, "40 personnes")));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource({"peopleCases", "nightsCases", "budgetCases", "surfaceCases", "contactCases", "dateCases",
            "otherDayCases", "negativeCases", "mixedCases"})
    void extracts(LocalDate now, String text, List<E> expected) {
        List<Entity> entities = EXTRACTOR.extract(text, now);
        assertWellFormed(text, entities);
        List<E> actual = entities.stream().map(e -> new E(e.type(), e.value(), e.text())).toList();
        assertEquals(expected, actual, () -> "in \"" + text + "\"");
    }

    @Test
    void nullOrEmptyInputGivesNothing() {
        assertEquals(List.of(), EXTRACTOR.extract(null, SAT));
        assertEquals(List.of(), EXTRACTOR.extract("", SAT));
        assertEquals(List.of(), EXTRACTOR.extract("   \n\t ", SAT));
        assertEquals(1, EXTRACTOR.extract("demain", null).size());
    }

    @Test
    void oddInputNeverThrowsAndStaysFast() {
        List<String> inputs = new ArrayList<>(List.of(
                "😀🎉👍🏽".repeat(600),
                "1".repeat(5000),
                "1 ".repeat(2500),
                "12 ".repeat(1666),
                "0".repeat(4999) + "€",
                "06 ".repeat(1666),
                "+33 ".repeat(1250),
                "un ".repeat(1666),
                "vingt-".repeat(833),
                "a@".repeat(2500),
                "x".repeat(4990) + "@example.org",
                "a.".repeat(2500) + "@b.co",
                ".".repeat(5000),
                " ".repeat(5000),
                "\u0000".repeat(5000),
                "nul\u0000byte 12\u0000mars 40\u0000personnes",
                "e\u0301".repeat(2500),
                "\u0301\u0301\u0301 12 mars",
                "\u202e12 mars\u202c ".repeat(400),
                "שלום 12 מרץ 40 ".repeat(300),
                "مرحبا ٣ أيام ".repeat(300),
                "12 mars ".repeat(600),
                "du 12 au ".repeat(550),
                "40 personnes et ".repeat(300),
                "1 000 ".repeat(830),
                "1,000,".repeat(830),
                "12/".repeat(1666),
                "-1".repeat(2500),
                "budget de ".repeat(500),
                "on est ".repeat(700),
                "lundi ".repeat(830),
                "\uD83D".repeat(100) + "12 mars" + "\uDC00".repeat(100),
                "\r\n\t\u00a0\u202f\u2028".repeat(800)));
        Random random = new Random(20261121);
        for (int n = 0; n < 20; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(5000);
            for (int i = 0; i < length; i++) {
                sb.append((char) random.nextInt(0x3000));
            }
            inputs.add(sb.toString());
            sb.setLength(0);
            String alphabet = "0123456789 .,/-+@€$£²mhkae'ø\u0000\u0301";
            for (int i = 0; i < 5000; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            inputs.add(sb.toString());
        }
        EXTRACTOR.extract("warm up: 40 personnes le 12 mars pour 12 000 €", SAT);
        for (String input : inputs) {
            long started = System.nanoTime();
            List<Entity> entities = assertDoesNotThrow(() -> EXTRACTOR.extract(input, SAT));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 500, () -> millis + " ms for input starting " + preview(input));
            assertWellFormed(input, entities);
        }
    }

    @Test
    void chatMessagesTakeWellUnderAMillisecond() {
        List<String> messages = List.of(
                "Bonjour, nous cherchons une salle pour 120 participants du 12 au 14 mars, budget 12 000 €.",
                "Hi, we are a team of 60 people looking for a venue next week, about 300 square metres.",
                "Quels sont les horaires de l'office de tourisme le dimanche ?",
                "on sera une cinquantaine le week-end prochain, 2 nuits, appelez le 06 39 98 12 34",
                "Je voudrais des informations sur les aides pour une entreprise de 50 salariés sur 2 ha.");
        for (int i = 0; i < 3000; i++) {
            EXTRACTOR.extract(messages.get(i % messages.size()), SAT);
        }
        int calls = 5000;
        long started = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            EXTRACTOR.extract(messages.get(i % messages.size()), SAT);
        }
        double micros = (System.nanoTime() - started) / 1_000.0 / calls;
        // measured around 30 µs on a laptop; the bound leaves room for a loaded build machine
        assertTrue(micros < 1_000, () -> micros + " µs per call");
    }

    @Test
    void isThreadSafe() {
        List<String> messages = List.of(
                "pour 12 personnes du 12 au 14 mars, budget 5k€, 2 nuits",
                "a team of 60 people next Friday, 300 sq m, tom.baker@example.co.uk",
                "on est 4, demain, +33 6 39 98 45 67");
        List<List<Entity>> expected = messages.stream().map(m -> EXTRACTOR.extract(m, SAT)).toList();
        IntStream.range(0, 3000).parallel().forEach(i -> {
            int k = i % messages.size();
            assertEquals(expected.get(k), EXTRACTOR.extract(messages.get(k), SAT));
        });
    }

    private static void assertWellFormed(String text, List<Entity> entities) {
        int previousEnd = 0;
        for (Entity e : entities) {
            assertTrue(e.start() >= previousEnd, () -> "overlapping or unsorted: " + entities);
            assertTrue(e.start() < e.end() && e.end() <= text.length(), () -> "bad offsets: " + e);
            assertEquals(text.substring(e.start(), e.end()), e.text());
            assertTrue(List.of("people_count", "date", "nights", "budget_eur", "surface_m2", "email", "phone")
                    .contains(e.type()), () -> "unknown type " + e.type());
            previousEnd = e.end();
        }
    }

    private static String preview(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }
}
