package io.guichet.channels;

import java.util.List;

/** Text within a messaging channel's limits, and the fallback for more choices than it shows as buttons. */
public final class ChannelText {
    private ChannelText() {
    }

    /** The text cut to {@code max} characters, an ellipsis marking the cut. */
    public static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The text followed by the options as a numbered list, to be answered in words. */
    public static String numbered(String text, List<String> options) {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < options.size(); i++) {
            out.append('\n').append(i + 1).append(". ").append(options.get(i));
        }
        return out.toString();
    }
}
