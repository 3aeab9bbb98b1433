package io.guichet;

import io.guichet.channels.messenger.MessengerSettings;
import io.guichet.channels.whatsapp.WhatsAppSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;

/** Starts the service for a test of another package, on a free port, with the test knowledge base. */
public final class TestService {
    private TestService() {
    }

    public static Future<Integer> start(Vertx vertx, Path data, MessengerSettings messenger, WhatsAppSettings whatsapp,
                                        Path agents) {
        return start(vertx, Path.of("src/test/resources/service-kb"), data, messenger, whatsapp, agents);
    }

    /** As above, on the knowledge base in {@code kb}. */
    public static Future<Integer> start(Vertx vertx, Path kb, Path data, MessengerSettings messenger,
                                        WhatsAppSettings whatsapp, Path agents) {
        Config config = new Config(0, kb, TestFixtures.INTENTS, data, null, Duration.ZERO, 30, messenger, whatsapp,
                agents);
        return Main.start(vertx, config).map(server -> server.actualPort());
    }
}
