package io.guichet.channels.whatsapp;

import io.guichet.channels.messenger.MessengerSettings;
import java.util.Map;
import java.util.Optional;

/** A WhatsApp Business number's connection to the Cloud API. */
public record WhatsAppSettings(String appSecret, String verifyToken, String accessToken, String phoneNumberId,
                               String graphUrl) {

    /** From {@code GUICHET_WHATSAPP_*}; empty (the channel stays off) unless all four are set. */
    public static Optional<WhatsAppSettings> fromEnvironment(Map<String, String> env) {
        String secret = env.get("GUICHET_WHATSAPP_APP_SECRET");
        String verify = env.get("GUICHET_WHATSAPP_VERIFY_TOKEN");
        String token = env.get("GUICHET_WHATSAPP_TOKEN");
        String number = env.get("GUICHET_WHATSAPP_PHONE_NUMBER_ID");
        if (secret == null || verify == null || token == null || number == null) {
            return Optional.empty();
        }
        return Optional.of(new WhatsAppSettings(secret, verify, token, number,
                env.getOrDefault("GUICHET_GRAPH_URL", MessengerSettings.DEFAULT_GRAPH_URL)));
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "WhatsAppSettings[phoneNumberId=" + phoneNumberId + ", graphUrl=" + graphUrl + "]";
    }
}
