package io.guichet.importer.site;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every request of an import goes through here, one at a time, each sent at least the delay after
 * the previous one was answered: an import only ever talks to one host (redirects are
 * followed on that host only, sitemap entries on other hosts are skipped), so one clock is that
 * host's rate limit.
 *
 * <p>Java's {@link HttpClient} rather than Vert.x's WebClient: this is a command that runs, fetches
 * in order with pauses between requests and exits, which blocking calls say plainly; an event
 * loop would bring a Vert.x instance to start and close and callbacks for no concurrency gained.
 * Redirects are followed here, not by the client, so that each hop is paced, kept on the host and
 * checked against robots.txt.
 */
final class PoliteFetcher {
    /** The token robots.txt groups are matched against. */
    static final String ROBOTS_TOKEN = "Guichet";
    private static final String USER_AGENT = "Guichet/1.0 (knowledge-base site import)";
    private static final int MAX_REDIRECTS = 5;
    /** A page or sitemap past this is not something to read into the knowledge base. */
    private static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** A page this import will not take: a redirect off the host or to a disallowed page, one too many, too large. */
    static final class Refused extends IOException {
        Refused(String reason) {
            super(reason);
        }
    }

    /** What a page's earlier fetch said about its version, for a conditional GET. */
    record Validators(String etag, String lastModified) {
        static final Validators NONE = new Validators(null, null);
    }

    /**
     * The answer at the end of the redirects: {@code body} is read only for a 200 of a wanted
     * content type, null otherwise.
     */
    record Response(URI uri, int status, String contentType, byte[] body, Validators validators) {
        boolean ok() {
            return status == 200 && body != null;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private Duration spacing;
    private long lastFinishedNanos;
    private boolean anyRequest;

    PoliteFetcher(Duration spacing) {
        this.spacing = spacing;
    }

    /** Robots.txt may ask for more time between requests than the command line gave. */
    void spaceAtLeast(Duration crawlDelay) {
        if (crawlDelay.compareTo(spacing) > 0) {
            spacing = crawlDelay;
        }
    }

    /**
     * GETs a URL, following up to five redirects to URLs {@code mayFollow} accepts; a redirect it
     * refuses, one too many, or a body too large is {@link Refused}, naming why.
     */
    Response get(URI uri, Validators conditional, Predicate<String> wantedType, Predicate<URI> mayFollow)
            throws IOException, InterruptedException {
        URI current = uri;
        for (int hop = 0; ; hop++) {
            waitForTurn();
            try {
                HttpResponse<InputStream> response = client.send(request(current, conditional),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    int status = response.statusCode();
                    Optional<String> location = response.headers().firstValue("Location");
                    if (isRedirect(status) && location.isPresent()) {
                        URI next = current.resolve(location.get().strip());
                        if (hop == MAX_REDIRECTS) {
                            throw new Refused("more than " + MAX_REDIRECTS + " redirects");
                        }
                        if (!mayFollow.test(next)) {
                            throw new Refused("redirected to " + next + ", which is not to be fetched");
                        }
                        current = next;
                        continue;
                    }
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    Validators validators = new Validators(response.headers().firstValue("ETag").orElse(null),
                            response.headers().firstValue("Last-Modified").orElse(null));
                    byte[] bytes = null;
                    if (status == 200 && wantedType.test(type)) {
                        bytes = body.readNBytes(MAX_BYTES + 1);
                        if (bytes.length > MAX_BYTES) {
                            throw new Refused("larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
                        }
                    }
                    return new Response(current, status, type, bytes, validators);
                }
            } finally {
                lastFinishedNanos = System.nanoTime();
            }
        }
    }

    private static HttpRequest request(URI uri, Validators conditional) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("User-Agent", USER_AGENT);
        if (conditional.etag() != null) {
            request.header("If-None-Match", conditional.etag());
        }
        if (conditional.lastModified() != null) {
            request.header("If-Modified-Since", conditional.lastModified());
        }
        return request.GET().build();
    }

    /**
     * Counted from the end of the previous exchange, so that a slow answer does not shorten the pause after it.
     * The import runs on the command's own thread (`guichet import site`), never on an event loop, so it sleeps.
     */
    private void waitForTurn() throws InterruptedException {
        if (anyRequest) {
            long waitNanos = lastFinishedNanos + spacing.toNanos() - System.nanoTime();
            if (waitNanos > 0) {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            }
        }
        anyRequest = true;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
