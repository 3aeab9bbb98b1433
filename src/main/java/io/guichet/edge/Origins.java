package io.guichet.edge;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.List;

/**
 * The sites allowed to embed the widget: their origins ({@code https://www.example.fr}), or any
 * site when none is configured. The service's own pages are always allowed. A request without an
 * Origin header does not come from a page's script, and origin checks do not concern it.
 */
public final class Origins {
    private final List<String> allowed;

    /** @param allowed exact origins; empty allows every site */
    public Origins(List<String> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    public List<String> allowed() {
        return allowed;
    }

    public boolean allows(HttpServerRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return origin == null || allowed.isEmpty() || allowed.contains(origin) || sameOrigin(request);
    }

    /** Whether the request comes from a page of the service itself (or from no page at all). */
    public static boolean sameOrigin(HttpServerRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return true;
        }
        String host = request.getHeader(HttpHeaders.HOST);
        try {
            URI uri = URI.create(origin);
            return host != null && uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
