package io.guichet.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.SeminarJourney;
import io.guichet.TestHttp;
import io.guichet.conversation.Message;
import io.guichet.lead.Lead;
import io.guichet.store.Store;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Visitors going through a seminar journey to a lead over Rasa's REST channel, each on a thread of its own, on
 * node A until A stops answering, then on node B: the message A did not acknowledge (refused connection, reset)
 * is sent again to B under its {@code message_id}, as a REST client retries. Afterwards, {@link #checkStoredIn} says what the database holds.
 */
final class SeminarVisitors {
    /** What one visitor saw: the messages acknowledged with a 200, and those it had to send again to B. */
    private record Visitor(String sender, List<String> script, List<String> acknowledged, List<String> resent) {
        Visitor(int number) {
            this("visitor-" + number, SeminarJourney.to("visitor-" + number + "@example.org"), new ArrayList<>(),
                    new ArrayList<>());
        }
    }

    private final List<Visitor> visitors;
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final List<Thread> threads;

    private SeminarVisitors(int count, int portA, int portB) {
        visitors = IntStream.range(0, count).mapToObj(Visitor::new).toList();
        threads = visitors.stream().map(visitor -> new Thread(() -> converse(visitor, portA, portB))).toList();
    }

    static SeminarVisitors start(int count, int portA, int portB) {
        SeminarVisitors started = new SeminarVisitors(count, portA, portB);
        started.threads.forEach(Thread::start);
        return started;
    }

    /** Waits (up to a minute) until this share of all the visitors' messages has been acknowledged. */
    void awaitAcknowledged(double share) throws InterruptedException {
        int wanted = (int) (share * visitors.size() * visitors.get(0).script().size());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (acknowledged.get() < wanted) {
            assertTrue(System.nanoTime() < deadline, "only " + acknowledged.get() + " messages acknowledged");
            Thread.sleep(5);
        }
    }

    int acknowledged() {
        return acknowledged.get();
    }

    void awaitFinished() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(1));
        }
    }

    /**
     * Every visitor got through its script; each message it saw acknowledged is stored once, in order, with its
     * answer (a turn commits the message and its answer's lines together, so a message answered twice would be
     * stored twice), even the one A may have committed before it died unanswered, sent again to B under its id;
     * and each has exactly one lead.
     */
    String checkStoredIn(Store store) {
        int resent = 0;
        for (Visitor visitor : visitors) {
            assertEquals(visitor.script(), visitor.acknowledged(), visitor.sender() + " got through its script");
            List<Message> transcript = store.forChannelUser("rest", visitor.sender()).messages();
            List<String> said = transcript.stream().filter(line -> line.from().equals("user")).map(Message::text)
                    .toList();
            resent += visitor.resent().size();
            assertEquals(visitor.acknowledged(), said, visitor.sender() + ": each acknowledged message once, in order: "
                    + transcript);
            assertEachAnswered(visitor.sender(), transcript);
        }
        Map<String, Long> leadsPerConversation = store.all().stream()
                .collect(Collectors.groupingBy(Lead::conversationId, Collectors.counting()));
        for (Visitor visitor : visitors) {
            assertEquals(1L, leadsPerConversation.getOrDefault(store.forChannelUser("rest", visitor.sender()).id(), 0L),
                    visitor.sender() + " has one lead");
        }
        return "%d visitors, %d messages acknowledged, %d sent again to B, none stored twice"
                .formatted(visitors.size(), acknowledged.get(), resent);
    }

    /** Each of the person's lines is followed by the bot's (one or more lines: one answer) before the next. */
    private static void assertEachAnswered(String sender, List<Message> transcript) {
        String previous = "bot";
        for (Message line : transcript) {
            assertTrue(!(line.from().equals("user") && previous.equals("user")), sender + ": a message without an"
                    + " answer: " + transcript);
            previous = line.from();
        }
        assertEquals("bot", previous, sender + ": its last message answered");
    }

    private void converse(Visitor visitor, int portA, int portB) {
        int port = portA;
        for (int line = 0; line < visitor.script().size(); line++) {
            String text = visitor.script().get(line);
            // Each message under an id of its own, sent again under the same one: B tells a retry from a repetition.
            JsonObject message = new JsonObject().put("sender", visitor.sender()).put("message", text)
                    .put("message_id", visitor.sender() + "/" + line);
            while (true) {
                try {
                    HttpResponse<String> reply = TestHttp.send(port, "POST", "/webhooks/rest/webhook",
                            message.encode(), null);
                    if (reply.statusCode() != 200) {
                        return;
                    }
                    visitor.acknowledged().add(text);
                    acknowledged.incrementAndGet();
                    break;
                } catch (IOException nodeGone) {
                    if (port == portB) {
                        return;
                    }
                    port = portB;
                    visitor.resent().add(text);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
