package io.guichet.http;

import io.guichet.importer.datatourisme.DatatourismeRefresh;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The knowledge base's imports, with the admin token: {@code GET /api/v1/admin/imports} says when
 * each configured source last ran and what it changed ({@code datatourisme}: null when no flux is
 * configured); {@code POST /api/v1/admin/imports/datatourisme} runs the refresh now and answers
 * its outcome (a 404 when none is configured).
 */
public final class ImportsApi {
    static final String PATH = "/api/v1/admin/imports";

    private final DatatourismeRefresh datatourisme;
    private final AdminToken adminToken;

    /**
     * @param datatourisme the DATAtourisme refresh, or null when no flux is configured
     * @param adminToken   the token that opens these calls; null keeps them closed
     */
    public ImportsApi(DatatourismeRefresh datatourisme, String adminToken) {
        this.datatourisme = datatourisme;
        this.adminToken = new AdminToken(adminToken);
    }

    public void mount(Router router) {
        router.get(PATH).handler(ctx -> {
            adminToken.authorize(ctx, "the imports API");
            ctx.json(new JsonObject().put("datatourisme", datatourisme == null ? null : datatourisme.status()));
        });
        router.post(PATH + "/datatourisme").handler(ctx -> {
            adminToken.authorize(ctx, "the imports API");
            if (datatourisme == null) {
                throw ApiError.notFound("no DATAtourisme flux is configured: set --datatourisme-url");
            }
            datatourisme.refreshNow().onSuccess(run -> ctx.json(run.toJson())).onFailure(ctx::fail);
        });
    }
}
