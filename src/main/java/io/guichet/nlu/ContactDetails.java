package io.guichet.nlu;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses and phone numbers, found in folded text; and, for whoever needs to tell one
 * person's details apart from another's, the one form each takes however it was typed.
 */
public final class ContactDetails {
    private ContactDetails() {
    }

    /**
     * The address, lower case, when {@code typed} is one e-mail address and nothing else. Two
     * addresses that differ only in case are the same mailbox in practice, so they compare equal.
     */
    public static Optional<String> email(String typed) {
        return whole(typed, "email");
    }

    /**
     * The number as + and its digits, when {@code typed} is one phone number and nothing else; a
     * French national number gets +33, so "06 12 34 56 78" and "+33 6 12 34 56 78" are one number.
     */
    public static Optional<String> phone(String typed) {
        return whole(typed, "phone");
    }

    /** Every e-mail address in {@code text}, in the form {@link #email} gives. */
    public static Set<String> emailsIn(String text) {
        return canonical(text, "email");
    }

    /** Every phone number in {@code text}, in the form {@link #phone} gives. */
    public static Set<String> phonesIn(String text) {
        return canonical(text, "phone");
    }

    private static Optional<String> whole(String typed, String type) {
        if (typed == null) {
            return Optional.empty();
        }
        EntityText folded = EntityText.of(typed.strip());
        return found(folded.folded).stream()
                .filter(c -> c.type().equals(type) && c.start() == 0 && c.end() == folded.folded.length())
                .findFirst().map(c -> canonical(c, folded.folded));
    }

    private static Set<String> canonical(String text, String type) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null) {
            String folded = EntityText.of(text).folded;
            found(folded).stream().filter(c -> c.type().equals(type)).forEach(c -> out.add(canonical(c, folded)));
        }
        return out;
    }

    private static List<EntityCandidate> found(String folded) {
        List<EntityCandidate> candidates = new ArrayList<>();
        find(new EntityScan(folded), candidates);
        return candidates;
    }

    /** The folded text is lower case already; a national number (digits only) is French. */
    private static String canonical(EntityCandidate candidate, String folded) {
        if (candidate.type().equals("email")) {
            return folded.substring(candidate.start(), candidate.end());
        }
        String number = (String) candidate.value();
        return number.startsWith("+") ? number : "+33" + number.substring(1);
    }

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.%+-])[\\w%+-](?:[\\w.%+-]{0,63}+)@[a-z0-9](?:[a-z0-9-]{0,62}+)(?:\\.[a-z0-9-]{1,63}+){1,8}+");

    /** French national numbers: 06 39 98 12 34, 06.39.98.12.34, 0639981234. */
    private static final Pattern PHONE_FR = Pattern.compile(
            "(?<![\\w+.,/-])0[1-9](?:[ .-]?\\d{2}){4}(?![\\w]|[.,/-]?\\d)");

    /** International numbers: +33 6 39 98 45 67, +33 (0)6 39 98 45 67, +44 20 7946 0958, 0033 6 39 98 45 67. */
    private static final Pattern PHONE_INTL = Pattern.compile(
            "(?<![\\w+])(?:\\+|00(?=[1-9]))\\d{1,3}+(?: ?\\(0\\))?(?:[ .-]?\\d){6,14}+(?![\\w])");

    static void find(EntityScan scan, List<EntityCandidate> out) {
        String text = scan.text;
        if (text.indexOf('@') >= 0) {
            Matcher m = EMAIL.matcher(text);
            while (m.find()) {
                String s = m.group();
                int end = m.end();
                while (end > m.start() && (s.charAt(end - m.start() - 1) == '-'
                        || s.charAt(end - m.start() - 1) == '.')) {
                    end--;
                }
                String address = text.substring(m.start(), end);
                int dot = address.lastIndexOf('.');
                int at = address.indexOf('@');
                if (dot > at && address.substring(dot + 1).matches("[a-z]{2,24}")
                        && !address.startsWith(".") && !address.contains("..")) {
                    out.add(new EntityCandidate("email", null, m.start(), end));
                }
            }
        }
        if (scan.digitCount < 8) {
            return;
        }
        Matcher m = PHONE_FR.matcher(text);
        while (m.find()) {
            out.add(new EntityCandidate("phone", m.group().replaceAll("\\D", ""), m.start(), m.end()));
        }
        m = PHONE_INTL.matcher(text);
        while (m.find()) {
            String digits = m.group().replace("(0)", "").replaceAll("\\D", "");
            if (m.group().startsWith("00")) {
                digits = digits.substring(2);
            }
            if (digits.startsWith("330")) {
                digits = "33" + digits.substring(3); // "+33 06 ..." keeps no trunk zero
            }
            if (digits.length() >= 8 && digits.length() <= 15) {
                out.add(new EntityCandidate("phone", "+" + digits, m.start(), m.end()));
            }
        }
    }
}
