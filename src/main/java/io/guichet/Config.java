package io.guichet;

import io.guichet.channels.messenger.MessengerSettings;
import io.guichet.channels.web.WidgetKey;
import io.guichet.cluster.ClusterSettings;
import io.guichet.channels.whatsapp.WhatsAppSettings;
import io.guichet.crm.Webhooks;
import io.guichet.generation.ModelEndpoint;
import io.guichet.importer.datatourisme.DatatourismeRefresh;
import io.guichet.store.PostgresAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The contract's run options: each flag, else its environment variable, else the embedded default;
 * and the teams' CRM webhooks, declared in the agents file with their secrets in the environment;
 * the DATAtourisme flux to import on a schedule, if any; the language model that writes answers
 * from the passages, if any; the PostgreSQL store that several nodes share, if any (the embedded
 * SQLite store under {@code data} by default); the cluster this node joins, if any, which needs that shared store;
 * the widget's key, if configured.
 */
record Config(int port, Path kb, Path intents, Path data, String adminToken, Duration warmup, int retentionDays,
              MessengerSettings messenger, WhatsAppSettings whatsapp, Path agents, List<String> allowedOrigins,
              boolean rateLimits, int answerMaxAgeDays, Webhooks webhooks, DatatourismeRefresh.Settings datatourisme,
              ModelEndpoint llm, PostgresAddress store, ClusterSettings cluster, WidgetKey widgetKey) {
    static final Duration DEFAULT_WARMUP = Duration.ofSeconds(3);
    static final int DEFAULT_RETENTION_DAYS = 365;
    /** A quoted page older than this is said to be possibly out of date. */
    static final int DEFAULT_ANSWER_MAX_AGE_DAYS = 365;
    static final int DEFAULT_DATATOURISME_EVERY_HOURS = 24;
    static final int DEFAULT_LLM_TIMEOUT_SECONDS = 8;


    static Config from(String[] args, Map<String, String> env) {
        int port = parsePort(env.getOrDefault("GUICHET_PORT", "8080"));
        Path kb = Path.of(env.getOrDefault("GUICHET_KB_DIR", "knowledge-base"));
        Path intents = Path.of(env.getOrDefault("GUICHET_INTENTS_DIR", "intents"));
        Path data = Path.of(env.getOrDefault("GUICHET_DATA_DIR", "data"));
        String adminToken = env.get("GUICHET_ADMIN_TOKEN");
        Path agents = Path.of(env.getOrDefault("GUICHET_AGENTS_FILE", "agents.yml"));
        Duration warmup = env.containsKey("GUICHET_WARMUP_SECONDS") ? seconds(env.get("GUICHET_WARMUP_SECONDS"))
                : DEFAULT_WARMUP;
        int retentionDays = env.containsKey("GUICHET_RETENTION_DAYS") ? days(env.get("GUICHET_RETENTION_DAYS"))
                : DEFAULT_RETENTION_DAYS;
        List<String> allowedOrigins = origins(env.getOrDefault("GUICHET_ALLOWED_ORIGINS", ""));
        boolean rateLimits = onOff(env.getOrDefault("GUICHET_RATE_LIMITS", "on"));
        int answerMaxAgeDays = env.containsKey("GUICHET_ANSWER_MAX_AGE_DAYS")
                ? ageInDays(env.get("GUICHET_ANSWER_MAX_AGE_DAYS")) : DEFAULT_ANSWER_MAX_AGE_DAYS;
        String datatourismeUrl = env.get("GUICHET_DATATOURISME_URL");
        int datatourismeEvery = env.containsKey("GUICHET_DATATOURISME_EVERY_HOURS")
                ? hours(env.get("GUICHET_DATATOURISME_EVERY_HOURS")) : DEFAULT_DATATOURISME_EVERY_HOURS;
        String llmUrl = env.get("GUICHET_LLM_URL");
        String llmModel = env.get("GUICHET_LLM_MODEL");
        String llmApiKey = env.get("GUICHET_LLM_API_KEY");
        int llmTimeout = env.containsKey("GUICHET_LLM_TIMEOUT_SECONDS")
                ? llmSeconds(env.get("GUICHET_LLM_TIMEOUT_SECONDS")) : DEFAULT_LLM_TIMEOUT_SECONDS;
        String store = env.get("GUICHET_STORE");
        // From the environment only: a key on the command line would show in the process list.
        String widgetKey = env.get("GUICHET_WIDGET_KEY");
        int storePool = env.containsKey("GUICHET_STORE_POOL") ? poolSize(env.get("GUICHET_STORE_POOL"))
                : PostgresAddress.DEFAULT_POOL_SIZE;
        String cluster = env.get("GUICHET_CLUSTER");
        String clusterHost = env.getOrDefault("GUICHET_CLUSTER_HOST", ClusterSettings.DEFAULT_HOST);
        int clusterPort = env.containsKey("GUICHET_CLUSTER_PORT") ? clusterPort(env.get("GUICHET_CLUSTER_PORT"))
                : ClusterSettings.DEFAULT_PORT;
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
                case "--agents" -> agents = Path.of(value);
                case "--warmup" -> warmup = seconds(value);
                case "--retention-days" -> retentionDays = days(value);
                case "--allowed-origins" -> allowedOrigins = origins(value);
                case "--rate-limits" -> rateLimits = onOff(value);
                case "--answer-max-age-days" -> answerMaxAgeDays = ageInDays(value);
                case "--datatourisme-url" -> datatourismeUrl = value;
                case "--datatourisme-every" -> datatourismeEvery = hours(value);
                case "--llm-url" -> llmUrl = value;
                case "--llm-model" -> llmModel = value;
                case "--llm-api-key" -> llmApiKey = value;
                case "--llm-timeout-seconds" -> llmTimeout = llmSeconds(value);
                case "--store" -> store = value;
                case "--store-pool" -> storePool = poolSize(value);
                case "--cluster" -> cluster = value;
                case "--cluster-host" -> clusterHost = value;
                case "--cluster-port" -> clusterPort = clusterPort(value);
                default -> throw new IllegalArgumentException(usage(flag));
            }
        }
        if (adminToken != null && adminToken.length() < 16) {
            throw new IllegalArgumentException("the admin token must be at least 16 characters long");
        }
        boolean clustered = cluster != null && !cluster.isBlank();
        boolean sharedStore = store != null && !store.isBlank();
        if (clustered && !sharedStore) {
            // Each node would otherwise keep its own conversations: a user's next message, on another node, would
            // find none.
            throw new IllegalArgumentException("--cluster needs a store the nodes share: --store postgresql://…");
        }
        // Read here, so that a webhook that could not be signed or sent stops the start at once, with the reason.
        Webhooks webhooks = Files.exists(agents) ? Webhooks.load(agents, env) : Webhooks.NONE;
        return new Config(port, kb, intents, data, adminToken, warmup, retentionDays,
                MessengerSettings.fromEnvironment(env).orElse(null), WhatsAppSettings.fromEnvironment(env).orElse(null),
                agents, allowedOrigins, rateLimits, answerMaxAgeDays, webhooks,
                datatourismeUrl == null || datatourismeUrl.isBlank() ? null
                        : new DatatourismeRefresh.Settings(fluxUrl(datatourismeUrl), Duration.ofHours(datatourismeEvery)),
                llm(llmUrl, llmModel, llmApiKey, llmTimeout),
                sharedStore ? PostgresAddress.parse(store, env.get("GUICHET_STORE_PASSWORD"), storePool) : null,
                clustered ? new ClusterSettings(ClusterSettings.members(cluster), clusterHost.strip(), clusterPort)
                        : null,
                widgetKey == null || widgetKey.isBlank() ? null : WidgetKey.parse(widgetKey));
    }

    private static int clusterPort(String value) {
        return bounded(value, 1, 65535, "the cluster port is a number from 1 to 65535");
    }

    private static int poolSize(String value) {
        return bounded(value, 1, 1000, "the store's pool size is a number of connections from 1 to 1000");
    }

    /** The model's endpoint, or null without a URL: generated answers are off by default. */
    private static ModelEndpoint llm(String url, String model, String apiKey, int timeoutSeconds) {
        if (url == null || url.isBlank()) {
            return null;
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("--llm-url needs --llm-model, the name of the model to ask");
        }
        return new ModelEndpoint(httpUrl(url, "the LLM URL"), model.strip(),
                apiKey == null || apiKey.isBlank() ? null : apiKey.strip(), Duration.ofSeconds(timeoutSeconds));
    }

    private static int llmSeconds(String value) {
        return bounded(value, 1, 120, "the LLM timeout is a number of seconds from 1 to 120");
    }

    /** The flux's address, an absolute http(s) URL; the message does not repeat it, as it holds the platform's key. */
    private static URI fluxUrl(String value) {
        return httpUrl(value, "the DATAtourisme flux URL");
    }

    /** An absolute http(s) URL; the message does not repeat it, as it may hold a key. */
    private static URI httpUrl(String value, String what) {
        try {
            URI url = new URI(value.strip());
            if (url.getHost() != null && ("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " must be an http:// or https:// address");
    }

    private static int hours(String value) {
        return bounded(value, 1, 8760, "the DATAtourisme refresh period is a number of hours from 1 to 8760");
    }

    /** Comma-separated origins such as {@code https://www.valmoreau.fr}; none means every site. */
    private static List<String> origins(String value) {
        List<String> origins = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s).toList();
        for (String origin : origins) {
            if (!origin.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException("an allowed origin is a scheme and a host, like"
                        + " https://www.example.fr, not '" + origin + "'");
            }
        }
        return origins;
    }

    private static boolean onOff(String value) {
        return switch (value.strip()) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("the rate limits are 'on' or 'off', not '" + value + "'");
        };
    }

    private static int parsePort(String value) {
        return bounded(value, 0, 65535, "the port must be a number from 0 to 65535");
    }

    private static Duration seconds(String value) {
        return Duration.ofSeconds(bounded(value, 0, 600, "the warm-up is a number of seconds from 0 to 600"));
    }

    private static int days(String value) {
        return bounded(value, 1, 36500, "the retention is a number of days from 1 to 36500");
    }

    private static int ageInDays(String value) {
        return bounded(value, 1, 36500, "the age after which a quoted page may be out of date is a number of days"
                + " from 1 to 36500");
    }

    private static int bounded(String value, int min, int max, String rule) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the rule
        }
        throw new IllegalArgumentException(rule + ", not '" + value + "'");
    }

    private static String usage(String flag) {
        return "unknown option '" + flag + "'; usage: java -jar guichet.jar [--port N] [--kb DIR] [--intents DIR]"
                + " [--data DIR] [--admin-token TOKEN] [--agents FILE] [--warmup SECONDS] [--retention-days N]"
                + " [--allowed-origins URL,URL] [--rate-limits on|off] [--answer-max-age-days N]"
                + " [--datatourisme-url URL] [--datatourisme-every HOURS]"
                + " [--llm-url URL --llm-model NAME [--llm-api-key KEY] [--llm-timeout-seconds N]]"
                + " [--store postgresql://USER@HOST:PORT/DB [--store-pool N]]"
                + " [--cluster HOST:PORT,HOST:PORT [--cluster-host HOST] [--cluster-port PORT]]"
                + "; or: import datatourisme FLUX [--out DIR]";
    }
}
