package io.guichet.http;

import io.guichet.handoff.Agent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * Agents logged into the console: an unguessable token (the cookie's value) to the agent's id, for
 * a working day. In Vert.x shared data, so that on a cluster the cookie opens the console on every
 * node (a map of the cluster's memory, not of the database): a restart of every node asks agents
 * to log in again, and nothing that opens the console is ever written to disk. The map's time to
 * live ends a session; on one node, the map is this process's.
 */
final class AgentSessions {
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final String MAP = "guichet.console-sessions";

    private final SecureRandom random = new SecureRandom();
    private final Future<AsyncMap<String, String>> sessions;

    AgentSessions(Vertx vertx) {
        this.sessions = vertx.sharedData().getAsyncMap(MAP);
    }

    Future<String> open(Agent agent) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return sessions.compose(map -> map.put(token, agent.id(), LIFETIME.toMillis())).map(token);
    }

    /** The id of the agent whose session this is; null for none, or one that expired. */
    Future<String> agentId(String token) {
        return sessions.compose(map -> map.get(token));
    }

    Future<Void> close(String token) {
        return sessions.compose(map -> map.remove(token)).mapEmpty();
    }
}
