package io.guichet.generation;

import java.net.URI;
import java.time.Duration;

/**
 * An OpenAI-compatible chat-completions endpoint: its base URL (the part before
 * {@code /chat/completions}, such as {@code https://albert.api.etalab.gouv.fr/v1}), the model to
 * ask, the API key (null for a local server that needs none) and how long an answer may take.
 */
public record ModelEndpoint(URI baseUrl, String model, String apiKey, Duration timeout) {
    /** Written to the logs at start-up: the key stays out of them. */
    @Override
    public String toString() {
        return baseUrl + " model " + model + (apiKey == null ? ", no key" : ", with a key") + ", timeout "
                + timeout.toSeconds() + " s";
    }
}
