package io.strimzi.crdgenerator.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, for the tests, the annotation that Strimzi's model classes carry to say in which CRD versions a property
 * or type exists ({@code @PresentInVersions("v1beta2")}: removed in {@code v1}). Strimzi defines it in its
 * {@code crd-generator} module, which is not published to Maven Central; without a class of this name on the
 * classpath, Java reflection silently drops the annotation. Same name, same element, runtime retention.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE})
public @interface PresentInVersions {

    /** The versions, e.g. {@code v1beta2}, {@code v1alpha1-v1beta2} or {@code v1+}. */
    String value();
}
