package io.guichet;

import io.guichet.channels.messenger.MessengerSettings;
import io.guichet.channels.whatsapp.WhatsAppSettings;
import io.guichet.crm.Webhooks;
import io.guichet.generation.ModelEndpoint;
import io.guichet.importer.datatourisme.DatatourismeRefresh;
import io.guichet.store.PostgresAddress;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Starts the service for a test of another package, on a free port, with the test knowledge base. */
public final class TestService {
    private TestService() {
    }

    public static Future<Integer> start(Vertx vertx, Path data, MessengerSettings messenger, WhatsAppSettings whatsapp,
                                        Path agents) {
        return start(vertx, Path.of("src/test/resources/service-kb"), data, messenger, whatsapp, agents, List.of());
    }

    /** As above, on the knowledge base in {@code kb}. */
    public static Future<Integer> start(Vertx vertx, Path kb, Path data, MessengerSettings messenger,
                                        WhatsAppSettings whatsapp, Path agents) {
        return start(vertx, kb, data, messenger, whatsapp, agents, List.of());
    }

    /** @param allowedOrigins the sites allowed to embed the widget; empty allows every site */
    public static Future<Integer> start(Vertx vertx, Path data, MessengerSettings messenger, WhatsAppSettings whatsapp,
                                        Path agents, List<String> allowedOrigins) {
        return start(vertx, Path.of("src/test/resources/service-kb"), data, messenger, whatsapp, agents, allowedOrigins);
    }

    /**
     * @param adminToken the token that opens the leads API
     * @param rateLimits false lifts the per-client limits, for a test that plays many clients from one address
     */
    public static Future<Integer> start(Vertx vertx, Path data, MessengerSettings messenger, WhatsAppSettings whatsapp,
                                        Path agents, String adminToken, boolean rateLimits) {
        return start(vertx, Path.of("src/test/resources/service-kb"), data, messenger, whatsapp, agents, List.of(),
                adminToken, rateLimits, Webhooks.NONE);
    }

    /** With the teams' CRM webhooks, and {@code adminToken} opening the analytics API. */
    public static Future<Integer> start(Vertx vertx, Path data, Path agents, String adminToken, Webhooks webhooks) {
        return start(vertx, Path.of("src/test/resources/service-kb"), data, null, null, agents, List.of(), adminToken,
                true, webhooks);
    }

    private static Future<Integer> start(Vertx vertx, Path kb, Path data, MessengerSettings messenger,
                                         WhatsAppSettings whatsapp, Path agents, List<String> allowedOrigins) {
        return start(vertx, kb, data, messenger, whatsapp, agents, allowedOrigins, null, true, Webhooks.NONE);
    }

    private static Future<Integer> start(Vertx vertx, Path kb, Path data, MessengerSettings messenger,
                                         WhatsAppSettings whatsapp, Path agents, List<String> allowedOrigins,
                                         String adminToken, boolean rateLimits, Webhooks webhooks) {
        return start(new Config(0, kb, TestFixtures.INTENTS, data, adminToken, Duration.ZERO, 30, messenger,
                whatsapp, agents, allowedOrigins, rateLimits, Config.DEFAULT_ANSWER_MAX_AGE_DAYS, webhooks, null, null, null, null, null), vertx);
    }

    /** On the knowledge base in {@code kb}, importing the DATAtourisme flux {@code datatourisme} describes. */
    public static Future<Integer> start(Vertx vertx, Path kb, Path data, String adminToken,
                                        DatatourismeRefresh.Settings datatourisme) {
        return start(new Config(0, kb, TestFixtures.INTENTS, data, adminToken, Duration.ZERO, 30, null, null, null,
                List.of(), true, Config.DEFAULT_ANSWER_MAX_AGE_DAYS, Webhooks.NONE, datatourisme, null, null, null, null), vertx);
    }

    /**
     * With the conversations and leads in the PostgreSQL store at {@code store}, {@code adminToken} opening the leads
     * API, and the agents of the {@code agents} file (null for none).
     */
    public static Future<Integer> start(Vertx vertx, Path data, String adminToken, Path agents, PostgresAddress store) {
        return start(new Config(0, Path.of("src/test/resources/service-kb"), TestFixtures.INTENTS, data, adminToken,
                Duration.ZERO, 30, null, null, agents, List.of(), true, Config.DEFAULT_ANSWER_MAX_AGE_DAYS, Webhooks.NONE,
                null, null, store, null, null), vertx);
    }

    /** With the conversations and leads in the PostgreSQL store at {@code store}, {@code adminToken} opening the leads API. */
    public static Future<Integer> start(Vertx vertx, Path data, String adminToken, PostgresAddress store) {
        return start(vertx, data, adminToken, null, store);
    }

    /** With generated answers written by the model at {@code llm}. */
    public static Future<Integer> start(Vertx vertx, Path data, ModelEndpoint llm) {
        return start(new Config(0, Path.of("src/test/resources/service-kb"), TestFixtures.INTENTS, data, null,
                Duration.ZERO, 30, null, null, null, List.of(), true, Config.DEFAULT_ANSWER_MAX_AGE_DAYS, Webhooks.NONE,
                null, llm, null, null, null), vertx);
    }

    private static Future<Integer> start(Config config, Vertx vertx) {
        return Main.start(vertx, config).map(server -> server.actualPort());
    }
}
