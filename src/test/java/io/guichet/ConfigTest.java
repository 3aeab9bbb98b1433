package io.guichet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.channels.web.WidgetKey;
import io.guichet.crm.Webhook;
import io.guichet.crm.Webhooks;
import io.guichet.cluster.ClusterSettings;
import io.guichet.store.PostgresAddress;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @Test
    void embeddedDefaults() {
        assertEquals(new Config(8080, Path.of("knowledge-base"), Path.of("intents"), Path.of("data"), null,
                        Config.DEFAULT_WARMUP, Config.DEFAULT_RETENTION_DAYS, null, null,
                        Path.of("agents.yml"), List.of(), true, Config.DEFAULT_ANSWER_MAX_AGE_DAYS, Webhooks.NONE,
                        null, null, null, null, null),
                Config.from(new String[0], Map.of()));
    }

    @Test
    void flagsWinOverEnvironment() {
        Config config = Config.from(new String[] {"--port", "0", "--kb", "/tmp/kb"},
                Map.of("GUICHET_PORT", "9000", "GUICHET_KB_DIR", "/srv/kb", "GUICHET_DATA_DIR", "/srv/data"));
        assertEquals(0, config.port());
        assertEquals(Path.of("/tmp/kb"), config.kb());
        assertEquals(Path.of("/srv/data"), config.data());
        assertEquals(90, Config.from(new String[] {"--answer-max-age-days", "90"},
                Map.of("GUICHET_ANSWER_MAX_AGE_DAYS", "30")).answerMaxAgeDays());
        assertEquals(30, Config.from(new String[0], Map.of("GUICHET_ANSWER_MAX_AGE_DAYS", "30")).answerMaxAgeDays());
    }

    @Test
    void refusesUnknownFlagsMissingValuesAndBadPorts() {
        assertThrows(IllegalArgumentException.class, () -> Config.from(new String[] {"--colour", "x"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Config.from(new String[] {"--kb"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Config.from(new String[] {"--port", "http"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Config.from(new String[0], Map.of("GUICHET_PORT", "70000")));
        assertThrows(IllegalArgumentException.class, () -> Config.from(new String[] {"--admin-token", "short"}, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Config.from(new String[] {"--allowed-origins", "www.example.fr"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Config.from(new String[] {"--rate-limits", "maybe"}, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Config.from(new String[] {"--answer-max-age-days", "0"}, Map.of()));
    }

    @Test
    void aPostgresqlStoreIsNamedByItsAddressWithThePasswordApartAndNeverShown() {
        assertNull(Config.from(new String[0], Map.of()).store(), "the embedded SQLite store by default");
        PostgresAddress store = Config.from(new String[] {"--store", "postgresql://guichet@db.internal:6432/frontdesk"},
                Map.of("GUICHET_STORE_PASSWORD", "s3cret:p@ss", "GUICHET_STORE_POOL", "4")).store();
        assertEquals(new PostgresAddress("db.internal", 6432, "frontdesk", "guichet", "s3cret:p@ss", null, 4), store);
        assertEquals("jdbc:postgresql://db.internal:6432/frontdesk", store.jdbcUrl());
        assertEquals("postgresql://guichet@db.internal:6432/frontdesk", store.toString());

        PostgresAddress inline = Config.from(new String[] {"--store-pool", "20"},
                Map.of("GUICHET_STORE", "postgresql://guichet:pa%40ss@localhost/frontdesk?sslmode=require")).store();
        assertEquals("pa@ss", inline.password(), "a password in the address, percent-encoded");
        assertEquals(5432, inline.port());
        assertEquals(20, inline.poolSize());
        assertEquals("jdbc:postgresql://localhost:5432/frontdesk?sslmode=require", inline.jdbcUrl());
        assertFalse(inline.toString().contains("pa"), inline.toString());

        IllegalArgumentException noDatabase = assertThrows(IllegalArgumentException.class, () -> Config.from(
                new String[] {"--store", "postgresql://guichet:hunter2@localhost"}, Map.of()));
        assertFalse(noDatabase.getMessage().contains("hunter2"), noDatabase.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Config.from(new String[] {"--store", "mysql://localhost/x"},
                Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Config.from(new String[] {"--store-pool", "0"}, Map.of()));
    }

    @Test
    void aClusterIsAMemberListAndNeedsTheSharedStore() {
        String store = "postgresql://guichet@db.internal/frontdesk";
        ClusterSettings cluster = Config.from(new String[] {"--store", store, "--cluster", "10.0.0.1:5701, 10.0.0.2:5701",
                "--cluster-host", "10.0.0.2"}, Map.of()).cluster();
        assertEquals(new ClusterSettings(List.of("10.0.0.1:5701", "10.0.0.2:5701"), "10.0.0.2", 5701), cluster);
        assertEquals(new ClusterSettings(List.of("127.0.0.1:5801"), "127.0.0.1", 5801), Config.from(new String[0],
                Map.of("GUICHET_STORE", store, "GUICHET_CLUSTER", "127.0.0.1:5801", "GUICHET_CLUSTER_PORT", "5801"))
                .cluster());
        assertNull(Config.from(new String[0], Map.of()).cluster(), "one node by default");

        IllegalArgumentException alone = assertThrows(IllegalArgumentException.class, () -> Config.from(
                new String[] {"--cluster", "10.0.0.1:5701"}, Map.of()));
        assertTrue(alone.getMessage().contains("--store postgresql://"), alone.getMessage());
        IllegalArgumentException noPort = assertThrows(IllegalArgumentException.class, () -> Config.from(
                new String[] {"--store", store, "--cluster", "10.0.0.1"}, Map.of()));
        assertTrue(noPort.getMessage().contains("'10.0.0.1'"), noPort.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Config.from(
                new String[] {"--store", store, "--cluster", "10.0.0.1:5701", "--cluster-port", "0"}, Map.of()));
    }

    @Test
    void aWidgetKeyIsHexOrBase64OfAtLeast32BytesAndABadOneIsRefusedWithoutBeingRepeated() {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) 7);
        WidgetKey hex = Config.from(new String[0], Map.of("GUICHET_WIDGET_KEY", HexFormat.of().formatHex(bytes)))
                .widgetKey();
        WidgetKey base64 = Config.from(new String[0],
                Map.of("GUICHET_WIDGET_KEY", Base64.getEncoder().encodeToString(bytes))).widgetKey();
        assertEquals(hex, base64, "the same 32 bytes either way");
        assertFalse(Config.from(new String[0], Map.of("GUICHET_WIDGET_KEY", HexFormat.of().formatHex(bytes)))
                .toString().contains(HexFormat.of().formatHex(bytes).substring(0, 8)), "never printed");

        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> Config.from(new String[0], Map.of("GUICHET_WIDGET_KEY", tooShort)));
        assertTrue(shortKey.getMessage().contains("at least 32 bytes"), shortKey.getMessage());
        IllegalArgumentException garbled = assertThrows(IllegalArgumentException.class,
                () -> Config.from(new String[0], Map.of("GUICHET_WIDGET_KEY", "not a key at all!")));
        assertTrue(garbled.getMessage().contains("neither hex nor base64"), garbled.getMessage());
        assertFalse(garbled.getMessage().contains("not a key"), "the key is not repeated: " + garbled.getMessage());
    }

    @Test
    void allowedOriginsAreListedWithoutTrailingSlashes() {
        assertEquals(List.of("https://www.valmoreau.fr", "http://localhost:3000"), Config.from(
                new String[] {"--allowed-origins", "https://www.valmoreau.fr/, http://localhost:3000"}, Map.of())
                .allowedOrigins());
    }

    @Test
    void teamsWebhooksComeFromTheAgentsFileWithTheirSecretsFromTheEnvironment(@TempDir Path folder) throws IOException {
        Path agents = folder.resolve("agents.yml");
        Files.writeString(agents, """
                teams:
                  convention_bureau:
                    hours: "mon-fri 09:00-18:00"
                    webhook: {url: "https://crm.example.fr/hooks/guichet", secret_env: "GUICHET_WEBHOOK_SECRET_CONVENTION"}
                  tourist_office: {hours: "mon-sat 09:30-18:30"}
                """);
        String secret = "8f14e45fceea167a5a36dedd4bea2543";
        Webhooks webhooks = Config.from(new String[] {"--agents", agents.toString()},
                Map.of("GUICHET_WEBHOOK_SECRET_CONVENTION", secret)).webhooks();
        assertEquals(Set.of("convention_bureau"), webhooks.teams());
        Webhook webhook = webhooks.of("convention_bureau").orElseThrow();
        assertEquals(URI.create("https://crm.example.fr/hooks/guichet"), webhook.url());
        assertEquals(secret, webhook.secret());
        assertFalse(webhook.toString().contains(secret), "a webhook is logged without its secret");
    }

    @Test
    void aWebhookThatCouldNotBeSignedOrSentStopsTheStartAndSaysWhy(@TempDir Path folder) throws IOException {
        Path agents = folder.resolve("agents.yml");
        String[] args = {"--agents", agents.toString()};
        Files.writeString(agents, "teams:\n  convention_bureau:\n    webhook: {url: \"https://crm.example.fr/h\","
                + " secret_env: CRM_SECRET}\n");
        assertRefused(args, Map.of(), "convention_bureau", "CRM_SECRET", "not set");
        assertRefused(args, Map.of("CRM_SECRET", "too-short"), "CRM_SECRET", "at least 32 characters");
        Files.writeString(agents, "teams:\n  convention_bureau:\n    webhook: {url: \"ftp://crm.example.fr/h\","
                + " secret_env: CRM_SECRET}\n");
        assertRefused(args, Map.of("CRM_SECRET", "8f14e45fceea167a5a36dedd4bea2543"), "convention_bureau",
                "http:// or https://");
        Files.writeString(agents, "teams:\n  convention_bureau:\n    webhook: {url: \"https://crm.example.fr/h\"}\n");
        assertRefused(args, Map.of(), "convention_bureau", "secret_env");
    }

    private static void assertRefused(String[] args, Map<String, String> env, String... said) {
        String message = assertThrows(IllegalArgumentException.class, () -> Config.from(args, env)).getMessage();
        for (String words : said) {
            assertTrue(message.contains(words), "'" + words + "' in: " + message);
        }
    }

    @Test
    void datatourismeRefreshFromFlagOrEnvironment() {
        Config config = Config.from(new String[] {"--datatourisme-url", "https://diffuseur.datatourisme.fr/webservice/f/KEY",
                "--datatourisme-every", "6"}, Map.of());
        assertEquals(java.net.URI.create("https://diffuseur.datatourisme.fr/webservice/f/KEY"), config.datatourisme().url());
        assertEquals(java.time.Duration.ofHours(6), config.datatourisme().every());
        assertEquals(java.time.Duration.ofHours(24), Config.from(new String[0],
                Map.of("GUICHET_DATATOURISME_URL", "http://localhost:9/flux.zip")).datatourisme().every());
        IllegalArgumentException notAUrl = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Config.from(new String[] {"--datatourisme-url", "ftp://host/SECRETKEY"}, Map.of()));
        org.junit.jupiter.api.Assertions.assertFalse(notAUrl.getMessage().contains("SECRETKEY"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Config.from(new String[] {"--datatourisme-every", "0"}, Map.of()));
    }

    @Test
    void aLanguageModelFromFlagsOrEnvironmentWithItsKeyOutOfItsDescription() {
        Config config = Config.from(new String[] {"--llm-url", "https://albert.api.etalab.gouv.fr/v1",
                "--llm-model", "albert-large", "--llm-api-key", "SECRET-KEY-123"}, Map.of());
        assertEquals(java.net.URI.create("https://albert.api.etalab.gouv.fr/v1"), config.llm().baseUrl());
        assertEquals("albert-large", config.llm().model());
        assertEquals(java.time.Duration.ofSeconds(Config.DEFAULT_LLM_TIMEOUT_SECONDS), config.llm().timeout());
        org.junit.jupiter.api.Assertions.assertFalse(config.llm().toString().contains("SECRET-KEY-123"));
        org.junit.jupiter.api.Assertions.assertFalse(config.toString().contains("SECRET-KEY-123"));
        Config local = Config.from(new String[] {"--llm-timeout-seconds", "3"}, Map.of(
                "GUICHET_LLM_URL", "http://localhost:11434/v1", "GUICHET_LLM_MODEL", "mistral"));
        assertEquals(java.time.Duration.ofSeconds(3), local.llm().timeout());
        assertEquals(null, local.llm().apiKey());
        assertEquals(null, Config.from(new String[0], Map.of()).llm(), "off by default");
        assertRefused(new String[] {"--llm-url", "http://localhost:11434/v1"}, Map.of(), "--llm-model");
        assertRefused(new String[] {"--llm-url", "ftp://host/v1", "--llm-model", "m"}, Map.of(), "http");
        assertRefused(new String[] {"--llm-timeout-seconds", "0"}, Map.of(), "from 1 to 120");
    }
}
