package dev.streamtune.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.strimzi.crdgenerator.annotations.PresentInVersions;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Removes from Strimzi's model what its {@code v1} API no longer has: the model classes serve every CRD version
 * and mark properties and types that exist only in older ones with {@code @PresentInVersions}. With those
 * properties removed, a {@code v1} manifest that uses one fails as an unknown field.
 */
final class StrimziVersionFilter {

    /** The Strimzi API version the manifests use (the only one Strimzi 1.0 serves). */
    static final String VERSION = "v1";

    private StrimziVersionFilter() {
    }

    /** Drops the properties of {@code description}'s bean that {@link #VERSION} does not have. */
    static void removeAbsentProperties(BeanDescription description, BeanDeserializerBuilder builder) {
        for (BeanPropertyDefinition property : description.findProperties()) {
            boolean absent = Stream.of(property.getGetter(), property.getSetter(), property.getField())
                    .anyMatch(StrimziVersionFilter::absentInVersion);
            if (absent) {
                builder.removeProperty(PropertyName.construct(property.getName()));
            }
        }
    }

    /** A deserializer that refuses a whole type absent in {@link #VERSION}, else {@code original}. */
    static JsonDeserializer<?> refuseAbsentType(BeanDescription description, JsonDeserializer<?> original) {
        PresentInVersions present = description.getClassAnnotations().get(PresentInVersions.class);
        if (present == null || includesVersion(present.value())) {
            return original;
        }
        String type = description.getBeanClass().getSimpleName();
        return new JsonDeserializer<Object>() {
            @Override
            public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return context.reportInputMismatch(this, "%s exists only in Strimzi API %s, not %s", type,
                        present.value(), VERSION);
            }
        };
    }

    private static boolean absentInVersion(Annotated member) {
        if (member == null) {
            return false;
        }
        PresentInVersions present = member.getAnnotation(PresentInVersions.class);
        return present != null && !includesVersion(present.value());
    }

    /**
     * Whether a version list ({@code v1beta2}, {@code v1alpha1-v1beta2}, {@code v1beta2+}, comma separated) includes
     * {@link #VERSION}, the newest Strimzi API version.
     */
    static boolean includesVersion(String versions) {
        return Arrays.stream(versions.split(",")).map(String::trim).anyMatch(v -> v.equals(VERSION) || v.endsWith("+")
                || v.endsWith("-" + VERSION));
    }
}
