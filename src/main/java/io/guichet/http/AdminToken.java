package io.guichet.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The admin token that opens the leads and the figures, compared in constant time. */
final class AdminToken {
    private final byte[] token;

    /** @param token the configured token; null keeps what it guards closed */
    AdminToken(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** Refuses the request unless it carries the token: {@code what} names what it guards. */
    void authorize(RoutingContext ctx, String what) {
        if (token == null) {
            throw new ApiError(403, "forbidden", what + " is closed: set GUICHET_ADMIN_TOKEN to open it");
        }
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        byte[] given = header != null && header.startsWith("Bearer ")
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(token, given)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            throw new ApiError(401, "unauthorized", "an admin token is required: Authorization: Bearer <token>");
        }
    }
}
