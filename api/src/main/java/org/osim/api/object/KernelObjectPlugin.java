package org.osim.api.object;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.osim.api.param.ParameterSpec;

/**
 * A {@link KernelObjectFactory} in a few lines: the type, kind, description, operations and parameters are given to
 * the constructor, and only {@link #create} is left to write (often a lambda, {@link KernelObject} having one method
 * to implement). The plugin keeps the public no-argument constructor that calls this one, so that it is found as any
 * factory is: a services line, or a single source file given to {@code --plugins Object.java}. Stable.
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public abstract class KernelObjectPlugin implements KernelObjectFactory {
    private final String type;
    private final ObjectKind kind;
    private final String description;
    private final List<OperationSpec> operations;
    private final List<ParameterSpec<?>> parameters;

    /**
     * Objects of {@code type} (lower-case letters, digits and '-'), a synchronization primitive or an IPC mechanism
     * ({@code kind}), described in a sentence, with {@code operations} and taking {@code parameters}.
     */
    protected KernelObjectPlugin(String type, ObjectKind kind, String description, List<OperationSpec> operations,
                                 ParameterSpec<?>... parameters) {
        this.type = requireNonNull(type, "type is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.description = requireNonNull(description, "description is null");
        this.operations = List.copyOf(operations);
        this.parameters = List.of(parameters);
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final ObjectKind kind() {
        return kind;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<OperationSpec> operations() {
        return operations;
    }

    @Override
    public final List<ParameterSpec<?>> parameters() {
        return parameters;
    }
}
