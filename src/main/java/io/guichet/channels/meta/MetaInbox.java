package io.guichet.channels.meta;

import static io.guichet.channels.ChannelText.cut;

import io.guichet.conversation.Inbox;
import io.guichet.conversation.InboxEntry;
import io.guichet.turn.TurnGateway;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Meta channel's messages, from the webhook to their turns. {@link #receive} stores them in the
 * {@link Inbox} (a redelivery of a message already received is dropped there) and completes once
 * they are durable: only then does the webhook answer 200. Each new message then goes to the
 * {@link TurnGateway} as a message of its sender, in the order received, and its turn marks it
 * handled in its own transaction; the answer leaves through the channel's outbox. What a crash or
 * a failed turn left pending is taken up again by {@link #resume}, at start-up and every minute.
 */
public final class MetaInbox {
    /** How often messages left pending (a turn that failed, a store that was down) are tried again. */
    public static final long RESUME_PERIOD_MS = 60_000;
    /**
     * How long the messages this node received or resumed are its own to answer: other nodes
     * sharing the store leave them alone meanwhile. Far longer than a turn, queue included; a message
     * whose turn failed is tried again once it has run out.
     */
    static final Duration LEASE = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(MetaInbox.class);

    private final Vertx vertx;
    private final String channel;
    private final Inbox inbox;
    private final TurnGateway gateway;
    private final Predicate<InboxEntry> answerable;
    private final Consumer<InboxEntry> beforeAnswer;
    private final Clock clock;
    /** Entries submitted and not yet done, so that a resume does not submit them twice. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    /**
     * @param answerable   whether the channel still lets the bot answer this message (else it is dismissed)
     * @param beforeAnswer what to do as the turn starts (a typing indicator); must not block
     */
    public MetaInbox(Vertx vertx, String channel, Inbox inbox, TurnGateway gateway, Predicate<InboxEntry> answerable,
                     Consumer<InboxEntry> beforeAnswer, Clock clock) {
        this.vertx = vertx;
        this.channel = channel;
        this.inbox = inbox;
        this.gateway = gateway;
        this.answerable = answerable;
        this.beforeAnswer = beforeAnswer;
        this.clock = clock;
    }

    /** Stores the messages; the future completes once they are durable, and their turns are under way. */
    public Future<Void> receive(List<InboxEntry> received) {
        return vertx.executeBlocking(() -> inbox.accept(received, clock.instant().plus(LEASE)), false).map(accepted -> {
            accepted.forEach(this::answer);
            return null;
        });
    }

    /** Takes up this channel's messages that no turn has handled yet and no node holds, oldest first. */
    public Future<Void> resume() {
        return vertx.executeBlocking(() -> {
            Instant now = clock.instant();
            return inbox.takePending(channel, now, now.plus(LEASE));
        }, false).map(pending -> {
            pending.forEach(this::answer);
            return null;
        });
    }

    private void answer(InboxEntry entry) {
        if (!inFlight.add(entry.id())) {
            return;
        }
        if (!answerable.test(entry)) {
            LOG.warn("{}: message {} can no longer be answered; dismissed", channel, entry.messageId());
            vertx.executeBlocking(() -> {
                inbox.dismiss(entry.id());
                return null;
            }, false).onComplete(done -> inFlight.remove(entry.id()));
            return;
        }
        beforeAnswer.accept(entry);
        Instant now = clock.instant();
        // Dates the person names ("demain") count from the day they wrote, even when answered after a
        // restart; a time in the future, which no clock of a person's shows, counts as now.
        Instant sent = entry.sentAt() == null || entry.sentAt().isAfter(now) ? now : entry.sentAt();
        LocalDate today = LocalDate.ofInstant(sent, clock.getZone());
        Future<?> turn;
        try {
            turn = gateway.postFromChannelUser(channel, entry.sender(), cut(entry.text().strip(), TurnGateway.MAX_TEXT),
                    today, entry.id());
        } catch (RuntimeException refused) {
            turn = Future.failedFuture(refused);
        }
        turn.onFailure(e -> LOG.error("{}: could not answer message {}; it stays in the inbox: {}", channel,
                        entry.messageId(), e.getMessage()))
                .onComplete(done -> inFlight.remove(entry.id()));
    }
}
