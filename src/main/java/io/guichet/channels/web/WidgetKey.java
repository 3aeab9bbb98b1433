package io.guichet.channels.web;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The widget's HMAC key as configured ({@code GUICHET_WIDGET_KEY}), the same on every node: at
 * least {@link #MIN_BYTES} bytes, given in hex or base64. Never printed: its text says only that
 * it is set.
 */
public final class WidgetKey {
    static final int MIN_BYTES = 32;
    private final byte[] bytes;

    WidgetKey(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("the widget key must be at least " + MIN_BYTES + " bytes, not "
                    + bytes.length + " (make one with: openssl rand -base64 32)");
        }
        this.bytes = bytes.clone();
    }

    /** The key from its text, hex or base64 (standard or URL-safe); a clear error otherwise, which never repeats it. */
    public static WidgetKey parse(String text) {
        String key = text.strip();
        if (key.matches("(?i)([0-9a-f]{2})+") && key.length() >= 2 * MIN_BYTES) {
            return new WidgetKey(HexFormat.of().parseHex(key));
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(key.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("the widget key (GUICHET_WIDGET_KEY) is neither hex nor base64"
                    + " (make one with: openssl rand -base64 32)");
        }
        return new WidgetKey(decoded);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WidgetKey key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "widget key (set, not shown)";
    }
}
