package io.guichet.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.analytics.AnalyticsStore;
import io.guichet.analytics.Filter;
import io.guichet.conversation.Conversation;
import io.guichet.conversation.TurnCommit;
import io.guichet.dialogue.ConversationEvents;
import io.guichet.lead.Lead;
import io.guichet.store.Store;
import io.guichet.store.TestStores;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker against real receivers on loopback: a lead is posted signed, a receiver that fails
 * is tried again on the schedule, one that never accepts is given up on, and what a stopped
 * process left is delivered by the next one. The schedule is a few hundred milliseconds here.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ParameterizedClass
@EnumSource(TestStores.class)
class LeadWebhooksTest {
    /** The engine this run stores in. */
    @Parameter
    private TestStores engine;
    /** This test's database, made on its first opening. */
    private TestStores.Place place;
    static final String TEAM = "convention_bureau";
    static final String SECRET = "0123456789abcdef0123456789abcdef-test";
    private static final String OTHER_TEAM = "invest_agency";
    private static final RetrySchedule QUICK = new RetrySchedule(List.of(Duration.ofMillis(200),
            Duration.ofMillis(200), Duration.ofMillis(200)), Duration.ofMillis(100));
    private static final Clock CLOCK = Clock.systemUTC();

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A request as the receiver saw it, and whether its signature checked out with the secret. */
    record Received(JsonObject body, String deliveryHeader, boolean signed, long timestamp) {
    }

    @Test
    void aLeadIsPostedSignedAndMarkedDelivered(@TempDir Path data) throws Exception {
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        int port = receiver(request -> request.response().setStatusCode(204).end(), received);
        try (Store store = open(data, CLOCK)) {
            LeadWebhooks worker = worker(store, port);
            worker.start();
            Lead lead = commitLead(store, worker);

            Received request = received.poll(10, TimeUnit.SECONDS);
            assertTrue(request != null, "the receiver got the lead");
            assertTrue(request.signed(), "the signature checks out with the team's secret");
            assertTrue(Math.abs(Instant.now().getEpochSecond() - request.timestamp()) < 300, "a fresh timestamp");
            assertEquals("lead.created", request.body().getString("event"));
            assertEquals(String.valueOf(request.body().getLong("delivery_id")), request.deliveryHeader());
            JsonObject sent = request.body().getJsonObject("lead");
            assertEquals(lead.conversationId(), sent.getString("conversation_id"));
            assertEquals("seminar_planning", sent.getString("journey"));
            assertEquals(TEAM, sent.getString("team"));
            assertEquals("fr", sent.getString("lang"));
            assertEquals("Claire Vasseur", sent.getString("name"));
            assertEquals("claire@example.org", sent.getString("email"));
            assertEquals(40, sent.getJsonObject("slots").getInteger("people_count"));
            assertEquals("2027-03-12", sent.getJsonObject("slots").getJsonObject("date").getString("start"));
            assertEquals(store.all().get(0).id(), sent.getLong("id"));
            assertEquals(lead.createdAt().toString(), sent.getString("created_at"));

            eventually(() -> deliveries(store).teams().equals(
                    List.of(new AnalyticsStore.TeamDeliveries(TEAM, 1, 0, 0))), "delivered, as the dashboard reads it");
            assertTrue(deliveries(store).failures().isEmpty());
            TimeUnit.MILLISECONDS.sleep(500);
            assertNull(received.poll(), "delivered once");
        }
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheLeadOnTheThirdAttempt(@TempDir Path data) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        int port = receiver(request -> request.response().setStatusCode(calls.incrementAndGet() <= 2 ? 503 : 200)
                .end(), received);
        try (Store store = open(data, CLOCK)) {
            LeadWebhooks worker = worker(store, port);
            worker.start();
            commitLead(store, worker);

            eventually(() -> deliveries(store).teams().equals(
                    List.of(new AnalyticsStore.TeamDeliveries(TEAM, 1, 0, 0))), "delivered after two failures");
            assertEquals(3, calls.get());
            List<Received> requests = List.copyOf(received);
            assertEquals(3, requests.size());
            assertTrue(requests.stream().allMatch(Received::signed), "every attempt is signed");
            assertEquals(1, requests.stream().map(r -> r.body().encode()).distinct().count(),
                    "every attempt carries the same body, delivery id included");
        }
    }

    @Test
    void aReceiverThatNeverAcceptsIsGivenUpOnAndShownAsFailed(@TempDir Path data) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        int port = receiver(request -> {
            calls.incrementAndGet();
            request.response().setStatusCode(500).end("stack trace with claire@example.org");
        }, new LinkedBlockingQueue<>());
        try (Store store = open(data, CLOCK)) {
            LeadWebhooks worker = worker(store, port);
            worker.start();
            Lead lead = commitLead(store, worker);

            eventually(() -> deliveries(store).teams().equals(
                    List.of(new AnalyticsStore.TeamDeliveries(TEAM, 0, 0, 1))), "given up");
            assertEquals(QUICK.attempts(), calls.get(), "one attempt per step of the schedule");
            AnalyticsStore.DeliveryFailure failure = deliveries(store).failures().get(0);
            assertEquals(TEAM, failure.team());
            assertEquals(QUICK.attempts(), failure.attempts());
            assertEquals(500, failure.lastStatus());
            assertEquals("HTTP 500", failure.lastError(), "the receiver's words are not kept: they may hold personal data");
            assertNull(failure.retryAt());
            assertEquals(store.all().get(0).id(), failure.leadId());
            assertEquals(lead.team(), failure.team());
        }
    }

    @Test
    void aDeadCrmHoldsUpItsOwnTeamOnly(@TempDir Path data) throws Exception {
        AtomicInteger hanging = new AtomicInteger();
        int deadPort = vertx.createHttpServer().requestHandler(request -> hanging.incrementAndGet())
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        int livePort = receiver(request -> request.response().setStatusCode(200).end(), received);
        try (Store store = open(data, CLOCK)) {
            Webhooks webhooks = new Webhooks(Map.of(TEAM, webhook(TEAM, deadPort), OTHER_TEAM,
                    webhook(OTHER_TEAM, livePort)), QUICK);
            LeadWebhooks worker = new LeadWebhooks(vertx, store, webhooks, CLOCK);
            worker.start();
            commitLead(store, worker, TEAM);
            eventually(() -> hanging.get() == 1, "the dead CRM holds the first lead");
            commitLead(store, worker, OTHER_TEAM);

            Received request = received.poll(10, TimeUnit.SECONDS);
            assertTrue(request != null, "the other team's CRM got its lead");
            assertEquals(OTHER_TEAM, request.body().getJsonObject("lead").getString("team"));
            assertTrue(deliveries(store).failures().isEmpty(),
                    "delivered while the dead CRM's request had not even timed out");
        }
    }

    @Test
    void whatAStoppedProcessLeftIsDeliveredByTheNext(@TempDir Path data) throws Exception {
        try (Store store = open(data, CLOCK)) {
            // The process dies right after the lead's turn is committed, before any attempt.
            store.queueLeadsOf(java.util.Set.of(TEAM));
            commitLead(store, ConversationEvents.NONE);
        }
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        int port = receiver(request -> request.response().setStatusCode(200).end(), received);
        try (Store store = open(data, CLOCK)) {
            worker(store, port).start();
            Received request = received.poll(10, TimeUnit.SECONDS);
            assertTrue(request != null && request.signed(), "the next start sends what was left");
            eventually(() -> deliveries(store).teams().equals(
                    List.of(new AnalyticsStore.TeamDeliveries(TEAM, 1, 0, 0))), "delivered after the restart");
        }
    }

    @Test
    void retentionDeletesSettledDeliveriesButKeepsPendingOnes(@TempDir Path data) throws Exception {
        try (Store store = open(data, CLOCK)) {
            store.queueLeadsOf(java.util.Set.of(TEAM));
            commitLead(store, ConversationEvents.NONE);
            commitLead(store, ConversationEvents.NONE);
            List<DeliveryStore.Delivery> due = store.due(Instant.now(), TEAM, 10, Instant.now());
            assertEquals(2, due.size());
            Instant now = Instant.now();
            store.attempted(due.get(0).id(), new DeliveryStore.Attempt(1, now, 200, null, null));
            store.attempted(due.get(1).id(), new DeliveryStore.Attempt(1, now, null, "ConnectException",
                    now.plusSeconds(10)));
            store.purgeBefore(now.plusSeconds(1));
            assertEquals(List.of(new AnalyticsStore.TeamDeliveries(TEAM, 0, 1, 0)), deliveries(store).teams(),
                    "the delivered one is gone, the pending one stays");
        }
    }

    private LeadWebhooks worker(Store store, int port) {
        return new LeadWebhooks(vertx, store, new Webhooks(Map.of(TEAM, webhook(TEAM, port)), QUICK), CLOCK);
    }

    private static Webhook webhook(String team, int port) {
        return new Webhook(team, URI.create("http://127.0.0.1:" + port + "/hooks/guichet"), SECRET);
    }

    private static Lead commitLead(Store store, ConversationEvents events) {
        return commitLead(store, events, TEAM);
    }

    /** Commits a turn that stores a lead for {@code team}, and tells {@code events} as the service does. */
    private static Lead commitLead(Store store, ConversationEvents events, String team) {
        Conversation conversation = store.create("web", "fr");
        Lead lead = new Lead(0, conversation.id(), "seminar_planning", team, "fr", "Claire Vasseur",
                "claire@example.org", null, Map.of("people_count", 40,
                "date", Map.of("start", "2027-03-12", "end", "2027-03-13")), Instant.now());
        store.commit(new TurnCommit(conversation, List.of(), lead, null, null));
        events.committed(new ConversationEvents.Committed(conversation, List.of(), List.of(), false, lead));
        return lead;
    }

    private static AnalyticsStore.Deliveries deliveries(Store store) {
        Instant now = Instant.now();
        return store.analytics().deliveries(new Filter(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)),
                null, null, null), 20);
    }

    /** A receiver on loopback that checks each request's signature as the README tells integrators to. */
    private int receiver(Consumer<HttpServerRequest> answer, BlockingQueue<Received> received) throws Exception {
        return vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String timestamp = request.getHeader("X-Guichet-Timestamp");
            String expected = "sha256=" + hmacSha256Hex(SECRET, timestamp + "." + body.toString(StandardCharsets.UTF_8));
            received.add(new Received(body.toJsonObject(), request.getHeader("X-Guichet-Delivery"),
                    expected.equals(request.getHeader("X-Guichet-Signature")), Long.parseLong(timestamp)));
            answer.accept(request);
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    }

    static String hmacSha256Hex(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** Opens this test's store, made on first use in {@code folder}, as a restart does after. */
    private Store open(Path folder, Clock clock) {
        if (place == null) {
            place = engine.fresh(folder);
        }
        return place.open(clock);
    }
}
