package io.guichet.handoff;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is online: agents with a console open, and those who used the API lately. This node's own
 * consoles and API calls are known here at once; once {@link #shareThrough shared}, those of the
 * other nodes are read from Vert.x shared data (cluster-wide maps): a console is an entry per
 * agent and node, leased for {@link #CONSOLE_LEASE} and renewed while it is open, so the consoles
 * of a node that died stop counting within a lease; an API use is the agent's last use.
 */
final class AgentPresence {
    static final Duration CONSOLE_LEASE = Duration.ofSeconds(30);
    /** Long enough for a busy cluster, short enough that a user is not kept waiting for the answer. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(AgentPresence.class);

    private final Duration apiPresence;
    private final Clock clock;
    private final Map<String, Integer> openConsoles = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastApiUse = new ConcurrentHashMap<>();
    private final String node = UUID.randomUUID().toString();
    /** Agent at node to agent, for the consoles open on every node; null while this node is alone. */
    private volatile Future<AsyncMap<String, String>> consoles;
    /** Agent to the epoch millisecond of their last API use, on any node. */
    private volatile Future<AsyncMap<String, Long>> apiUses;

    AgentPresence(Duration apiPresence, Clock clock) {
        this.apiPresence = apiPresence;
        this.clock = clock;
    }

    /** From now on, tells the other nodes and hears from them; renews this node's console leases. */
    void shareThrough(Vertx vertx) {
        consoles = vertx.sharedData().getAsyncMap("guichet.presence.consoles");
        apiUses = vertx.sharedData().getAsyncMap("guichet.presence.api");
        vertx.setPeriodic(CONSOLE_LEASE.toMillis() / 3, id -> openConsoles.keySet().forEach(this::leaseConsole));
    }

    void consoleOpened(String agent) {
        if (openConsoles.merge(agent, 1, Integer::sum) == 1) {
            leaseConsole(agent);
        }
    }

    void consoleClosed(String agent) {
        if (openConsoles.computeIfPresent(agent, (id, open) -> open > 1 ? open - 1 : null) == null && consoles != null) {
            consoles.compose(map -> map.remove(agent + "@" + node))
                    .onFailure(e -> LOG.warn("presence: could not tell that {} closed the console: {}", agent,
                            e.getMessage()));
        }
    }

    void apiUsed(String agent) {
        Instant now = clock.instant();
        lastApiUse.put(agent, now);
        if (apiUses != null) {
            apiUses.compose(map -> map.put(agent, now.toEpochMilli(), apiPresence.toMillis()))
                    .onFailure(e -> LOG.warn("presence: could not share {}'s API use: {}", agent, e.getMessage()));
        }
    }

    /**
     * The agents online now. Waits on the shared maps when shared: a worker's call (a turn's). When
     * they do not answer in time, this node's own knowledge is the answer.
     */
    Set<String> online() {
        Instant since = clock.instant().minus(apiPresence);
        Set<String> online = new HashSet<>(openConsoles.keySet());
        lastApiUse.forEach((agent, at) -> {
            if (at.isAfter(since)) {
                online.add(agent);
            }
        });
        if (consoles == null) {
            return online;
        }
        try {
            online.addAll(consoles.compose(AsyncMap::values).toCompletionStage().toCompletableFuture()
                    .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            apiUses.compose(AsyncMap::entries).toCompletionStage().toCompletableFuture()
                    .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).forEach((agent, at) -> {
                        if (at > since.toEpochMilli()) {
                            online.add(agent);
                        }
                    });
        } catch (Exception e) {
            LOG.warn("presence: the other nodes' agents could not be read, only this node's count: {}", e.toString());
        }
        return online;
    }

    private void leaseConsole(String agent) {
        if (consoles != null) {
            consoles.compose(map -> map.put(agent + "@" + node, agent, CONSOLE_LEASE.toMillis()))
                    .onFailure(e -> LOG.warn("presence: could not share {}'s console: {}", agent, e.getMessage()));
        }
    }
}
