package io.guichet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.guichet.crm.Webhooks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void embeddedDefaults() {
        assertEquals(new Config(8080, Path.of("knowledge-base"), Path.of("intents"), Path.of("data"), null,
                        Config.DEFAULT_WARMUP, Config.DEFAULT_RETENTION_DAYS, null, null,
                        Path.of("agents.yml"), List.of(), true, Config.DEFAULT_ANSWER_MAX_AGE_DAYS, Webhooks.NONE),
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
    void allowedOriginsAreListedWithoutTrailingSlashes() {
        assertEquals(List.of("https://www.valmoreau.fr", "http://localhost:3000"), Config.from(
                new String[] {"--allowed-origins", "https://www.valmoreau.fr/, http://localhost:3000"}, Map.of())
                .allowedOrigins());
    }
}
