package dev.streamtune.inference.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sends {@code /dashboard} to {@code /dashboard/}, where the static page lives (its relative links need the slash).
 * Vert.x routes ignore a trailing slash, so the route passes {@code /dashboard/} on to the static files.
 */
@ApplicationScoped
public class DashboardRedirect {

    private static final String PAGE = "/dashboard/";

    void route(@Observes Router router) {
        router.get("/dashboard").handler(rc -> {
            if (rc.normalizedPath().equals("/dashboard")) {
                rc.redirect(PAGE);
            } else {
                rc.next();
            }
        });
    }
}
