package dev.streamtune.deploy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

/**
 * The property names a SmallRye {@link ConfigMapping} interface reads, e.g. {@code ingest.security.admin-key}: its
 * prefix, then each method name in kebab case (SmallRye's default naming), nested through group interfaces.
 */
final class ConfigMappingKeys {

    private ConfigMappingKeys() {
    }

    /** Every leaf property of {@code mapping}. */
    static Set<String> of(Class<?> mapping) {
        ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
        if (annotation == null) {
            throw new IllegalArgumentException(mapping + " is not a @ConfigMapping");
        }
        if (annotation.namingStrategy() != ConfigMapping.NamingStrategy.KEBAB_CASE) {
            throw new IllegalArgumentException(mapping + ": only the default kebab-case naming is understood here");
        }
        Set<String> keys = new TreeSet<>();
        collect(mapping, annotation.prefix(), keys);
        return keys;
    }

    private static void collect(Class<?> type, String prefix, Set<String> keys) {
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() > 0 || Modifier.isStatic(method.getModifiers()) || method.isDefault()
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = method.isAnnotationPresent(WithParentName.class) ? prefix
                    : join(prefix, method.isAnnotationPresent(WithName.class)
                            ? method.getAnnotation(WithName.class).value()
                            : ConfigMapping.NamingStrategy.KEBAB_CASE.apply(method.getName()));
            Class<?> returned = method.getReturnType();
            if (isGroup(returned)) {
                collect(returned, name, keys);
            } else {
                keys.add(name);
            }
        }
    }

    /** A nested configuration group: an interface of the application, not a JDK or library value type. */
    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && !type.getName().startsWith("java.");
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
