package io.guichet.crm;

import java.net.URI;

/**
 * A team's outgoing webhook: the address its new leads are posted to, and the secret they are
 * signed with (read from the environment, never from a file, and never printed).
 */
public record Webhook(String team, URI url, String secret) {
    @Override
    public String toString() {
        return team + " -> " + url;
    }
}
