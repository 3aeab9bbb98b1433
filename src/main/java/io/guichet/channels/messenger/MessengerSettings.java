package io.guichet.channels.messenger;

import java.util.Map;
import java.util.Optional;

/**
 * A Facebook page's connection: the app secret (signs webhooks), the verify token (chosen when
 * subscribing the webhook), the page access token (sends), and the Graph API's base address.
 */
public record MessengerSettings(String appSecret, String verifyToken, String pageToken, String graphUrl) {
    public static final String DEFAULT_GRAPH_URL = "https://graph.facebook.com/v21.0";

    /** The settings from {@code GUICHET_MESSENGER_*}; empty (the channel stays off) unless all three secrets are set. */
    public static Optional<MessengerSettings> fromEnvironment(Map<String, String> env) {
        String secret = env.get("GUICHET_MESSENGER_APP_SECRET");
        String verify = env.get("GUICHET_MESSENGER_VERIFY_TOKEN");
        String page = env.get("GUICHET_MESSENGER_PAGE_TOKEN");
        if (secret == null || verify == null || page == null) {
            return Optional.empty();
        }
        return Optional.of(new MessengerSettings(secret, verify, page,
                env.getOrDefault("GUICHET_GRAPH_URL", DEFAULT_GRAPH_URL)));
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "MessengerSettings[graphUrl=" + graphUrl + "]";
    }
}
