package dev.streamtune.ingest.security;

import dev.streamtune.ingest.problem.ProblemException;
import dev.streamtune.ingest.problem.ProblemType;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the {@code X-API-Key} header of every REST request: missing or unknown key is 401, a producer key on
 * an admin endpoint is 403. Does nothing in {@code open} mode.
 */
public class ApiKeyFilter {

    /** The header carrying the key. */
    public static final String HEADER = "X-API-Key";

    private final ApiKeys keys;

    public ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        if (!keys.required()) {
            return;
        }
        String key = request.getHeaderString(HEADER);
        if (key == null || key.isEmpty()) {
            throw ProblemException.of(ProblemType.UNAUTHORIZED, "This endpoint needs an API key in the " + HEADER
                    + " header.");
        }
        Optional<ApiRole> role = keys.roleOf(key);
        if (role.isEmpty()) {
            throw ProblemException.of(ProblemType.UNAUTHORIZED, "The " + HEADER + " header does not hold a known key.");
        }
        ApiRole required = required(resource);
        if (!role.get().covers(required)) {
            throw ProblemException.of(ProblemType.FORBIDDEN, "This endpoint needs the " + required.name().toLowerCase()
                    + " key; a " + role.get().name().toLowerCase() + " key was given.");
        }
    }

    private static ApiRole required(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        RequiresKey onMethod = method == null ? null : method.getAnnotation(RequiresKey.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        Class<?> type = resource.getResourceClass();
        RequiresKey onClass = type == null ? null : type.getAnnotation(RequiresKey.class);
        return onClass != null ? onClass.value() : ApiRole.PRODUCER;
    }
}
