package io.guichet.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The teams' outgoing webhooks, read from the agents file, and how their deliveries are retried.
 * The file names the environment variable that holds each secret, so that it holds no secret itself:
 * <pre>
 * teams:
 *   convention_bureau:
 *     hours: "mon-fri 09:00-18:00"
 *     webhook: {url: "https://crm.example.fr/hooks/guichet", secret_env: "GUICHET_WEBHOOK_SECRET_CONVENTION"}
 * </pre>
 */
public record Webhooks(Map<String, Webhook> byTeam, RetrySchedule retries) {
    /** No team has a webhook. */
    public static final Webhooks NONE = new Webhooks(Map.of(), RetrySchedule.STANDARD);
    /** 32 characters: 128 bits at least, whatever alphabet the secret is written in (`openssl rand -hex 32` gives 64). */
    static final int MIN_SECRET_LENGTH = 32;

    public Webhooks {
        byTeam = Map.copyOf(byTeam);
    }

    /**
     * The webhooks declared in {@code agentsFile}, their secrets read from {@code environment}.
     * Anything wrong (no such variable, a short secret, an address that is not http(s)) is an
     * {@link IllegalArgumentException} that says which team and what to fix: the service does not
     * start with a webhook it could not sign or send.
     */
    public static Webhooks load(Path agentsFile, Map<String, String> environment) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(agentsFile.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + agentsFile + ": " + e.getMessage());
        }
        Map<String, Webhook> webhooks = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> teams = root == null ? null : root.path("teams").fields();
        while (teams != null && teams.hasNext()) {
            Map.Entry<String, JsonNode> team = teams.next();
            JsonNode webhook = team.getValue().path("webhook");
            if (!webhook.isMissingNode() && !webhook.isNull()) {
                String where = agentsFile + ", team " + team.getKey() + ", webhook: ";
                webhooks.put(team.getKey(), new Webhook(team.getKey(), url(webhook.path("url").asText(""), where),
                        secret(webhook.path("secret_env").asText(""), environment, where)));
            }
        }
        return new Webhooks(webhooks, RetrySchedule.STANDARD);
    }

    private static URI url(String text, String where) {
        try {
            URI url = new URI(text.strip());
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + "'url' must be an http:// or https:// address, not '" + text + "'");
    }

    private static String secret(String variable, Map<String, String> environment, String where) {
        if (variable.isBlank()) {
            throw new IllegalArgumentException(where + "'secret_env' must name the environment variable that holds"
                    + " the signing secret");
        }
        String secret = environment.get(variable.strip());
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(where + "the environment variable " + variable
                    + " (its signing secret) is not set");
        }
        if (secret.strip().length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(where + "the secret in " + variable + " must be at least "
                    + MIN_SECRET_LENGTH + " characters long (e.g. the output of 'openssl rand -hex 32')");
        }
        return secret.strip();
    }

    /** The same webhooks, retried on {@code schedule}. */
    public Webhooks retriedOn(RetrySchedule schedule) {
        return new Webhooks(byTeam, schedule);
    }

    public Set<String> teams() {
        return byTeam.keySet();
    }

    public Optional<Webhook> of(String team) {
        return Optional.ofNullable(byTeam.get(team));
    }
}
