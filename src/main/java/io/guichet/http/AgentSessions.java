package io.guichet.http;

import io.guichet.handoff.Agent;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agents logged into the console: an unguessable token (the cookie's value) to the agent, for
 * a working day. In memory on purpose: a restart asks agents to log in again, and nothing
 * that opens the console is ever written to disk.
 */
final class AgentSessions {
    static final Duration LIFETIME = Duration.ofHours(12);

    private record Session(Agent agent, Instant expires) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    AgentSessions(Clock clock) {
        this.clock = clock;
    }

    String open(Agent agent) {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> s.expires().isBefore(now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(token, new Session(agent, now.plus(LIFETIME)));
        return token;
    }

    Optional<Agent> agent(String token) {
        Session session = token == null ? null : sessions.get(token);
        if (session == null || session.expires().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(session.agent());
    }

    void close(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }
}
