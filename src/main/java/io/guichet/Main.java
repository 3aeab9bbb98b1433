package io.guichet;

import io.guichet.analytics.ContentGaps;
import io.guichet.analytics.Dashboard;
import io.guichet.channels.messenger.MessengerChannel;
import io.guichet.channels.rest.RestChannel;
import io.guichet.channels.web.WidgetChannel;
import io.guichet.channels.web.WidgetSecrets;
import io.guichet.channels.whatsapp.WhatsAppChannel;
import io.guichet.channels.meta.MetaInbox;
import io.guichet.crm.LeadWebhooks;
import io.guichet.dialogue.ConversationEvents;
import io.guichet.dialogue.ConversationService;
import io.guichet.dialogue.Outbox;
import io.guichet.generation.GroundedAnswers;
import io.guichet.handoff.AgentDirectory;
import io.guichet.handoff.Handoff;
import io.guichet.embedding.SentenceEmbedder;
import io.guichet.http.AgentApi;
import io.guichet.http.AnalyticsApi;
import io.guichet.http.HttpApi;
import io.guichet.http.PeopleApi;
import io.guichet.http.ImportsApi;
import io.guichet.importer.datatourisme.DatatourismeImport;
import io.guichet.importer.datatourisme.DatatourismeRefresh;
import io.guichet.importer.datatourisme.ImportCommand;
import io.guichet.edge.Origins;
import io.guichet.edge.RateLimiter;
import io.guichet.edge.SharedRateLimit;
import io.guichet.kb.KnowledgeBase;
import io.guichet.kb.PassageVectors;
import io.guichet.nlu.IntentFile;
import io.guichet.nlu.Understanding;
import io.guichet.people.People;
import io.guichet.realtime.LiveEvents;
import io.guichet.realtime.LiveFanOut;
import io.guichet.store.Store;
import io.guichet.turn.LocalConversationLocks;
import io.guichet.turn.TurnGateway;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts Guichet: loads the intents and the knowledge base, then serves the API. */
public final class Main {
    /** How often the knowledge-base folder is checked for changes. */
    static final long KB_POLL_MS = 2000;
    /** How often messages past the retention period are deleted. */
    static final Duration RETENTION_PERIOD = Duration.ofHours(6);
    /** How long a stop waits for Vert.x and the store to close. */
    private static final long STOP_TIMEOUT_S = 10;
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("hash-password")) {
            PasswordHashCommand.run();
            return;
        }
        if (args.length > 0 && args[0].equals("bench-dashboard")) {
            io.guichet.bench.DashboardBench.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("bench")) {
            io.guichet.bench.Bench.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 1 && args[0].equals("import") && args[1].equals("site")) {
            System.exit(io.guichet.importer.site.SiteImport.command(Arrays.copyOfRange(args, 2, args.length)));
        }
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        Config config;
        try {
            config = Config.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // Loading and indexing 10,000 documents for the first time takes minutes on a worker: not a stuck thread.
        VertxOptions options = new VertxOptions().setMaxWorkerExecuteTime(10)
                .setMaxWorkerExecuteTimeUnit(TimeUnit.MINUTES);
        Future<Vertx> started = config.cluster() == null ? Future.succeededFuture(Vertx.vertx(options))
                : config.cluster().start(options).onSuccess(vertx -> LOG.info("cluster: joined {} as {}:{}",
                        config.cluster().members(), config.cluster().host(), config.cluster().port()));
        started.onFailure(e -> {
            LOG.error("could not join the cluster: {}", e.getMessage(), e);
            System.exit(1);
        }).onSuccess(vertx -> {
            // SIGTERM (a supervisor stopping the node) closes Vert.x, and with it the store.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitClose(vertx), "guichet-stop"));
            start(vertx, config).onSuccess(server -> System.out.println("listening on port " + server.actualPort()))
                    .onFailure(e -> {
                        LOG.error("could not start: {}", e.getMessage(), e);
                        vertx.close().onComplete(closed -> System.exit(1));
                    });
        });
    }

    private static void awaitClose(Vertx vertx) {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(STOP_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("stopping: not everything closed within {} s: {}", STOP_TIMEOUT_S, e.getMessage());
        }
    }

    /** Loads everything off the event loop, then listens; the future completes once requests are taken. */
    static Future<HttpServer> start(Vertx vertx, Config config) {
        long started = System.nanoTime();
        LiveFanOut fanOut = new LiveFanOut(vertx);
        return fanOut.ready().compose(registered -> vertx.executeBlocking(() -> {
            if (!Files.isDirectory(config.intents())) {
                throw new IllegalStateException("intents folder " + config.intents().toAbsolutePath() + " does not exist");
            }
            SentenceEmbedder embedder = SentenceEmbedder.shipped();
            List<IntentFile> intents = IntentFile.loadAll(config.intents());
            Understanding understanding = Understanding.train(intents, embedder);
            Clock clock = Clock.systemDefaultZone();
            Store store = config.store() == null ? Store.open(config.data(), clock) : Store.open(config.store(), clock);
            closeWithVertx(vertx, store);
            PassageVectors vectors = PassageVectors.persistent(embedder, config.data().resolve("passage-vectors.bin"));
            if (config.store() != null) {
                LOG.info("store: {}, at most {} connections", config.store(), config.store().poolSize());
                vectors.sharing(store.passageVectors());
            }
            KnowledgeBase knowledge = KnowledgeBase.load(config.kb(), embedder, vectors);
            Warmup.run(understanding, knowledge, intents, config.warmup());
            ConversationService conversations = new ConversationService(understanding, knowledge, store, intents,
                    clock);
            conversations.warnOfPagesOlderThan(Period.ofDays(config.answerMaxAgeDays()));
            if (config.llm() != null) {
                conversations.generateWith(GroundedAnswers.at(vertx, config.llm()));
                LOG.info("generated answers on: {}", config.llm());
            }
            TurnGateway gateway = new TurnGateway(conversations, new LocalConversationLocks(vertx, store));
            watch(vertx, knowledge);
            DatatourismeRefresh datatourisme = config.datatourisme() == null ? null
                    : new DatatourismeRefresh(vertx, config.datatourisme(), config.kb().resolve(DatatourismeImport.FOLDER_IN_KB),
                            config.data().resolve("datatourisme-import.json"), clock);
            if (datatourisme != null) {
                // Into the knowledge base's folder: its watch reloads the pages, as for any edit.
                datatourisme.start();
                LOG.info("datatourisme refresh on: {}", config.datatourisme());
            }
            retain(vertx, store, clock, config.retentionDays());
            Map<String, Outbox> outboxes = new HashMap<>();
            List<MetaInbox> inboxes = new ArrayList<>();
            List<Consumer<Router>> channels = new ArrayList<>();
            channels.add(new RestChannel(gateway, clock)::mount);
            if (config.messenger() != null) {
                MessengerChannel messenger = new MessengerChannel(vertx, gateway, store, config.messenger(), clock);
                outboxes.put(MessengerChannel.CHANNEL, messenger);
                inboxes.add(messenger.inbox());
                channels.add(messenger::mount);
                LOG.info("messenger channel on ({})", config.messenger());
            }
            if (config.whatsapp() != null) {
                WhatsAppChannel whatsapp = new WhatsAppChannel(vertx, gateway, store, config.whatsapp(), clock);
                outboxes.put(WhatsAppChannel.CHANNEL, whatsapp);
                inboxes.add(whatsapp.inbox());
                channels.add(whatsapp::mount);
                LOG.info("whatsapp channel on ({})", config.whatsapp());
            }
            AgentDirectory agents = config.agents() != null && Files.exists(config.agents())
                    ? AgentDirectory.load(config.agents()) : AgentDirectory.empty();
            LeadWebhooks leadWebhooks = new LeadWebhooks(vertx, store, config.webhooks(), clock);
            leadWebhooks.start();
            if (!config.webhooks().teams().isEmpty()) {
                LOG.info("lead webhooks on: {}", config.webhooks().byTeam().values());
            }
            LiveEvents live = new LiveEvents(vertx, fanOut);
            ConversationEvents events = ConversationEvents.all(List.of(live,
                    Outbox.delivery(Map.copyOf(outboxes)), leadWebhooks));
            Handoff handoff = new Handoff(store, Map.copyOf(outboxes), agents,
                    (team, lang) -> conversations.teams(lang).getOrDefault(team, team), events, clock);
            conversations.tell(events);
            conversations.draftTo(live);
            handoff.sharePresenceThrough(vertx);
            conversations.staffedBy(handoff);
            resumeInboxes(vertx, inboxes);
            Origins origins = new Origins(config.allowedOrigins());
            WidgetSecrets secrets = widgetSecrets(config, store);
            // A person opens a conversation now and then, on whichever node (20 per address in 100 seconds,
            // across the nodes), and writes a message every few seconds at most, on the node its socket is on.
            SharedRateLimit newConversations = new SharedRateLimit(vertx, "guichet.new-widget-conversations", 20,
                    100_000, config.rateLimits());
            RateLimiter widgetMessages = new RateLimiter(10, 1, config.rateLimits());
            // Ten attempts per address in 100 seconds, across the nodes.
            SharedRateLimit logins = new SharedRateLimit(vertx, "guichet.login-attempts", 10, 100_000,
                    config.rateLimits());
            channels.add(new WidgetChannel(vertx, fanOut, conversations, gateway, secrets, origins, newConversations,
                    widgetMessages, clock)::mount);
            People people = new People(store.people());
            AgentApi agentApi = new AgentApi(vertx, fanOut, handoff, agents, conversations, gateway, people, logins, clock);
            channels.add(agentApi::mount);
            Dashboard dashboard = new Dashboard(store.analytics(), store.gapStatuses(), new ContentGaps(embedder), knowledge,
                    text -> understanding.detectLanguage(text, null), clock, Period.ofDays(config.answerMaxAgeDays()));
            channels.add(new AnalyticsApi(vertx, dashboard, conversations::labels, agentApi::sessionAgent,
                    config.adminToken(), clock)::mount);
            channels.add(new PeopleApi(vertx, people, config.adminToken())::mount);
            channels.add(new ImportsApi(datatourisme, config.adminToken())::mount);
            Router router = new HttpApi(vertx, understanding, knowledge, conversations, gateway, store,
                    config.adminToken(), secrets, origins, newConversations, clock).router();
            channels.forEach(channel -> channel.accept(router));
            return router;
        })).compose(router -> vertx.createHttpServer(serverOptions()).requestHandler(router).listen(config.port()))
                .onSuccess(server -> LOG.info("started in {} ms; heap after start-up {} MB (after a GC)",
                        (System.nanoTime() - started) / 1_000_000, heapAfterGcMb()));
    }

    /**
     * Closes the store when Vert.x closes (the process stopping, a start that failed, a test's
     * service closed): PostgreSQL gets its connections back at once rather than at its time-outs,
     * and SQLite's file is left checkpointed. Undeploying a verticle is Vert.x's public hook for
     * that; the closing blocks, so it runs on a worker.
     */
    private static void closeWithVertx(Vertx vertx, Store store) {
        vertx.deployVerticle(new VerticleBase() {
            @Override
            public Future<?> stop() {
                return vertx.executeBlocking(() -> {
                    store.close();
                    return null;
                });
            }
        }).onFailure(e -> LOG.error("cannot have the store closed at stop: {}", e.getMessage()));
    }

    /**
     * The widget's secrets under the configured key; else, nodes sharing PostgreSQL, under the key
     * stored there by the first; else, one node on SQLite, under the key in its data folder.
     */
    private static WidgetSecrets widgetSecrets(Config config, Store store) {
        if (config.widgetKey() != null) {
            return WidgetSecrets.of(config.widgetKey());
        }
        return config.store() != null ? WidgetSecrets.agreed(fresh -> store.sharedKey("widget", fresh))
                : WidgetSecrets.in(config.data());
    }

    /**
     * HTTP/1.1 and WebSockets only. Vert.x also takes cleartext HTTP/2 by default, which nothing here
     * uses (browsers speak HTTP/2 over TLS only, to the reverse proxy), and its upgrade code answers
     * a malformed {@code Upgrade: h2c} with a 400 that says "connection: close", has no length,
     * and never closes: the client waits for the end of that answer forever.
     */
    private static HttpServerOptions serverOptions() {
        return new HttpServerOptions().setHttp2ClearTextEnabled(false);
    }

    /** Deletes messages past the retention period now, then every few hours, on a worker. */
    private static void retain(Vertx vertx, Store store, Clock clock, int days) {
        Runnable purge = () -> vertx.executeBlocking(() -> store.purgeBefore(clock.instant().minus(Duration.ofDays(days))),
                        false)
                .onSuccess(deleted -> LOG.info("retention: {} messages older than {} days deleted", deleted, days))
                .onFailure(e -> LOG.error("retention: purge failed: {}", e.getMessage()));
        purge.run();
        vertx.setPeriodic(RETENTION_PERIOD.toMillis(), id -> purge.run());
    }

    /**
     * Answers the webhook messages a previous run stored but did not answer (it was killed before
     * their turn was committed), then, every minute, those whose turn failed since.
     */
    private static void resumeInboxes(Vertx vertx, List<MetaInbox> inboxes) {
        Runnable resume = () -> inboxes.forEach(inbox -> inbox.resume()
                .onFailure(e -> LOG.error("webhook inbox: cannot read pending messages: {}", e.getMessage())));
        resume.run();
        vertx.setPeriodic(MetaInbox.RESUME_PERIOD_MS, id -> resume.run());
    }

    /** Reloads the knowledge base when its files change; one check at a time, on a worker. */
    private static void watch(Vertx vertx, KnowledgeBase knowledge) {
        AtomicBoolean checking = new AtomicBoolean();
        vertx.setPeriodic(KB_POLL_MS, id -> {
            if (checking.compareAndSet(false, true)) {
                vertx.executeBlocking(knowledge::reloadIfChanged, false)
                        .onFailure(e -> LOG.error("knowledge-base reload failed, keeping the previous version: {}",
                                e.getMessage()))
                        .onComplete(r -> checking.set(false));
            }
        });
    }

    /** Live heap once start-up garbage is collected: the figure that tells what the service keeps. */
    private static long heapAfterGcMb() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }
}
