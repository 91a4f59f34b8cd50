package org.osim.api.object;

import java.util.List;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;

/**
 * Makes kernel objects of one type. The service type: a plugin names its implementation in
 * {@code META-INF/services/org.osim.api.object.KernelObjectFactory}. Stable.
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public interface KernelObjectFactory {
    /** The type workloads name ({@code semaphore}, {@code mutex}): unique, lower-case. */
    String type();

    ObjectKind kind();

    /** What it is and does, with its source, for {@code osim describe}. */
    String description();

    /** Declaration parameters ({@code initial}, {@code capacity}), typed, with defaults. */
    default List<ParameterSpec<?>> parameters() {
        return List.of();
    }

    /** The operations programs may call. */
    List<OperationSpec> operations();

    /** A new object called {@code name}. */
    KernelObject create(String name, Parameters params, ObjectContext context);

    /**
     * Whether its objects are dispatcher objects — they implement {@link Waitable}, so programs can wait
     * for them with {@code waitfor} (WaitForSingleObject / WaitForMultipleObjects).
     */
    default boolean waitable() {
        return false;
    }
}
