package org.osim.sync;

import java.util.List;
import org.osim.api.object.KernelObject;
import org.osim.api.object.KernelObjectFactory;
import org.osim.api.object.ObjectContext;
import org.osim.api.object.ObjectKind;
import org.osim.api.object.OperationSpec;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;

/**
 * A second type served by the same class as another (the thread handle beside the process handle): the
 * service loader needs a class with a public no-argument constructor for each type, and this is it.
 */
abstract class FactoryVariant implements KernelObjectFactory {
    private final KernelObjectFactory variant;

    FactoryVariant(KernelObjectFactory variant) {
        this.variant = variant;
    }

    @Override
    public String type() {
        return variant.type();
    }

    @Override
    public ObjectKind kind() {
        return variant.kind();
    }

    @Override
    public String description() {
        return variant.description();
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return variant.parameters();
    }

    @Override
    public boolean waitable() {
        return variant.waitable();
    }

    @Override
    public List<OperationSpec> operations() {
        return variant.operations();
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        return variant.create(name, params, context);
    }
}
