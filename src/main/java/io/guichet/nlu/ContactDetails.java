package io.guichet.nlu;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** E-mail addresses and phone numbers, found in folded text. */
final class ContactDetails {
    private ContactDetails() {
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
