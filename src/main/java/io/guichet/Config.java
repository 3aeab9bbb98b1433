package io.guichet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The contract's run options: each flag, else its environment variable, else the embedded default. */
record Config(int port, Path kb, Path intents, Path data, String adminToken, Duration warmup, int retentionDays) {
    static final Duration DEFAULT_WARMUP = Duration.ofSeconds(3);
    static final int DEFAULT_RETENTION_DAYS = 365;


    static Config from(String[] args, Map<String, String> env) {
        int port = parsePort(env.getOrDefault("GUICHET_PORT", "8080"));
        Path kb = Path.of(env.getOrDefault("GUICHET_KB_DIR", "knowledge-base"));
        Path intents = Path.of(env.getOrDefault("GUICHET_INTENTS_DIR", "intents"));
        Path data = Path.of(env.getOrDefault("GUICHET_DATA_DIR", "data"));
        String adminToken = env.get("GUICHET_ADMIN_TOKEN");
        Duration warmup = env.containsKey("GUICHET_WARMUP_SECONDS") ? seconds(env.get("GUICHET_WARMUP_SECONDS"))
                : DEFAULT_WARMUP;
        int retentionDays = env.containsKey("GUICHET_RETENTION_DAYS") ? days(env.get("GUICHET_RETENTION_DAYS"))
                : DEFAULT_RETENTION_DAYS;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag.startsWith("--") ? flag + " needs a value" : usage(flag));
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> port = parsePort(value);
                case "--kb" -> kb = Path.of(value);
                case "--intents" -> intents = Path.of(value);
                case "--data" -> data = Path.of(value);
                case "--admin-token" -> adminToken = value;
                case "--warmup" -> warmup = seconds(value);
                case "--retention-days" -> retentionDays = days(value);
                default -> throw new IllegalArgumentException(usage(flag));
            }
        }
        if (adminToken != null && adminToken.length() < 16) {
            throw new IllegalArgumentException("the admin token must be at least 16 characters long");
        }
        return new Config(port, kb, intents, data, adminToken, warmup, retentionDays);
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port must be a number from 0 to 65535, not '" + value + "'");
        }
    }

    private static Duration seconds(String value) {
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds < 0 || seconds > 600) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the warm-up is a number of seconds from 0 to 600, not '" + value + "'");
        }
    }

    private static int days(String value) {
        try {
            int days = Integer.parseInt(value.strip());
            if (days < 1 || days > 36500) {
                throw new NumberFormatException();
            }
            return days;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the retention is a number of days from 1 to 36500, not '" + value + "'");
        }
    }

    private static String usage(String flag) {
        return "unknown option '" + flag + "'; usage: java -jar guichet.jar [--port N] [--kb DIR] [--intents DIR]"
                + " [--data DIR] [--admin-token TOKEN] [--warmup SECONDS] [--retention-days N]";
    }
}
