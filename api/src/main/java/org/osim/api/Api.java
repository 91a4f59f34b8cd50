package org.osim.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How far a public type of osim-api may be relied on, after JUnit's {@code @API}: {@link Status#STABLE} types change
 * only with a new line of osim-api ({@link ApiVersion}), and a plugin built against them keeps running;
 * {@link Status#EXPERIMENTAL} ones may change in any version. Every public type of osim-api carries it.
 */
@Documented
@Api(Api.Status.STABLE)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Api {
    /** The promise. */
    Status value();

    /** The promises a type can make. */
    enum Status {
        /** Changes only with a new line of osim-api (a new major version, or minor for 0.x). */
        STABLE,
        /** May change in any version, as it is still being shaped. */
        EXPERIMENTAL
    }
}
