package io.guichet.edge;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads a request's body as bytes, up to a limit, whatever its content type says. Every endpoint
 * of the service takes JSON; Vert.x's BodyHandler would decode a form or multipart body first,
 * and Netty's decoder throws on a malformed one ("%zz", an empty boundary), which turned a bad
 * request into a 500. Reading raw bytes leaves the judgement to the JSON parser, which answers
 * 400. Like BodyHandler, it must run before anything that waits, so no chunk arrives unread.
 */
public final class RawBody implements Handler<RoutingContext> {
    private static final String KEY = RawBody.class.getName();

    private final int limit;

    private RawBody(int limit) {
        this.limit = limit;
    }

    /** A handler that stores the body for {@link #of} and answers 413 past {@code limit} bytes. */
    public static RawBody limitedTo(int limit) {
        return new RawBody(limit);
    }

    /** The body read by this handler; empty when the request had none. */
    public static Buffer of(RoutingContext ctx) {
        Buffer body = ctx.get(KEY);
        return body == null ? Buffer.buffer() : body;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (declaredLength(request) > limit) {
            ctx.fail(413);
            return;
        }
        if (request.isEnded()) {
            ctx.next();
            return;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue();
        }
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > limit) {
                refused[0] = true;
                ctx.fail(413);
                return;
            }
            body.appendBuffer(chunk);
        });
        // A client that goes away mid-body has nobody left to answer: the request just ends.
        request.exceptionHandler(failure -> refused[0] = true);
        request.endHandler(ended -> {
            if (!refused[0]) {
                ctx.put(KEY, body);
                ctx.next();
            }
        });
        request.resume();
    }

    private static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
