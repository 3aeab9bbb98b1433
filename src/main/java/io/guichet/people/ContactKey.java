package io.guichet.people;

import io.guichet.channels.whatsapp.WhatsAppChannel;
import io.guichet.nlu.ContactDetails;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One detail that tells a person apart: an e-mail address (lower case) or a phone number (+ and
 * its digits, a French national number with +33), in the form the bot itself reads them in
 * messages ({@link ContactDetails}), so that however it was typed it finds the same person.
 */
public record ContactKey(Kind kind, String value) {
    /** What the detail is. */
    public enum Kind { EMAIL, PHONE }

    /** Hex digits of the SHA-256 kept in logs: enough to tell two requests apart, too few to look a person up. */
    private static final int FINGERPRINT_HEX = 12;

    /**
     * The key an admin names a person by: exactly one of {@code email} and {@code phone} (null
     * when not given), well formed.
     *
     * @throws IllegalArgumentException saying what is wrong with them
     */
    public static ContactKey of(String email, String phone) {
        if ((email == null) == (phone == null)) {
            throw new IllegalArgumentException("name the person by one key: ?email=… or ?phone=…");
        }
        return email != null
                ? ContactDetails.email(email).map(ContactKey::email)
                        .orElseThrow(() -> new IllegalArgumentException("'email' is not an e-mail address"))
                : ContactDetails.phone(phone).map(ContactKey::phone)
                        .orElseThrow(() -> new IllegalArgumentException("'phone' is not a phone number"));
    }

    private static ContactKey email(String canonical) {
        return new ContactKey(Kind.EMAIL, canonical);
    }

    private static ContactKey phone(String canonical) {
        return new ContactKey(Kind.PHONE, canonical);
    }

    /** Every e-mail address and phone number {@code text} holds; none for null. */
    public static Set<ContactKey> foundIn(String text) {
        Set<ContactKey> keys = new LinkedHashSet<>();
        ContactDetails.emailsIn(text).forEach(email -> keys.add(email(email)));
        ContactDetails.phonesIn(text).forEach(phone -> keys.add(phone(phone)));
        return keys;
    }

    /**
     * The key a channel's user id is, if any: a WhatsApp user is their phone number (its digits,
     * without the +).
     */
    public static Optional<ContactKey> ofChannelUser(String channel, String channelUser) {
        return WhatsAppChannel.CHANNEL.equals(channel) && channelUser != null
                ? ContactDetails.phone("+" + channelUser).map(ContactKey::phone) : Optional.empty();
    }

    /** The channel users this key is, channel → user id, as {@link #ofChannelUser} reads them. */
    public Map<String, String> channelUsers() {
        return kind == Kind.PHONE ? Map.of(WhatsAppChannel.CHANNEL, value.substring(1)) : Map.of();
    }

    /** Whether {@code text} holds this detail, however it was typed there. */
    public boolean appearsIn(String text) {
        return (kind == Kind.EMAIL ? ContactDetails.emailsIn(text) : ContactDetails.phonesIn(text)).contains(value);
    }

    /** What logs name the person by: a truncated SHA-256 of the key, never the key itself. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest).substring(0, FINGERPRINT_HEX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A key logged by mistake shows no personal data either. */
    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + fingerprint();
    }
}
