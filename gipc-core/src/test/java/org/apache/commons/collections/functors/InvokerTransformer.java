package org.apache.commons.collections.functors;

import java.io.Serializable;

/** A stand-in for the commons-collections gadget of this name (test code: it does nothing). */
public class InvokerTransformer implements Serializable {
    private static final long serialVersionUID = 1L;

    static {
        Initializations.record(InvokerTransformer.class);
    }

    /** The method name the real gadget would invoke. */
    public final String methodName;

    public InvokerTransformer(String methodName) {
        this.methodName = methodName;
    }
}
