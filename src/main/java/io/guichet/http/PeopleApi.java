package io.guichet.http;

import io.guichet.people.ContactKey;
import io.guichet.people.People;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A person's rights over their data, exercised by an admin with the admin token, the person named
 * by one e-mail address or phone number: {@code GET /api/v1/admin/people?email=…} (or
 * {@code ?phone=…}) exports everything stored about them, {@code DELETE} with the same query
 * erases it, in one transaction, and answers what it removed.
 */
public final class PeopleApi {
    static final String PATH = "/api/v1/admin/people";

    private final Vertx vertx;
    private final People people;
    private final AdminToken adminToken;

    /** @param adminToken the token that opens these calls; null keeps them closed */
    public PeopleApi(Vertx vertx, People people, String adminToken) {
        this.vertx = vertx;
        this.people = people;
        this.adminToken = new AdminToken(adminToken);
    }

    public void mount(Router router) {
        router.get(PATH).handler(ctx -> answer(ctx, key -> new JsonObject()
                .put("records", new JsonObject(new LinkedHashMap<>(people.export(key))))));
        router.delete(PATH).handler(ctx -> answer(ctx, key -> new JsonObject()
                .put("erased", new JsonObject(new LinkedHashMap<>(people.erase(key))))));
    }

    /**
     * Refuses the request, on the event loop, unless it carries the token and names one person;
     * then does the work on a worker.
     */
    private void answer(RoutingContext ctx, Function<ContactKey, JsonObject> work) {
        adminToken.authorize(ctx, "the people API");
        ContactKey key = key(ctx);
        vertx.executeBlocking(() -> work.apply(key).put("person", new JsonObject()
                .put(key.kind().name().toLowerCase(Locale.ROOT), key.value())), false)
                .onSuccess(ctx::json).onFailure(ctx::fail);
    }

    /** A + typed as such in the address is decoded as a space, as forms encode spaces: it is the number's. */
    private static String phone(String decoded) {
        return decoded.startsWith(" ") ? "+" + decoded.strip() : decoded;
    }

    private static ContactKey key(RoutingContext ctx) {
        List<String> emails = ctx.queryParam("email");
        List<String> phones = ctx.queryParam("phone");
        if (emails.size() > 1 || phones.size() > 1) {
            throw ApiError.badRequest("name the person by one key: ?email=… or ?phone=…");
        }
        try {
            return ContactKey.of(emails.isEmpty() ? null : emails.get(0),
                    phones.isEmpty() ? null : phone(phones.get(0)));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }
}
