package org.apache.commons.collections.functors;

/** A stand-in for the commons-collections gadget of this name, only ever named in crafted bytes by the tests. */
public class InstantiateTransformer {

    static {
        Initializations.record(InstantiateTransformer.class);
    }
}
