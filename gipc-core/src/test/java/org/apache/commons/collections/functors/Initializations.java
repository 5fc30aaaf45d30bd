package org.apache.commons.collections.functors;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records which of the stand-in gadget classes of this package were initialized. Test code only: the real
 * commons-collections is not on the class path; these classes borrow its package name, which the codec denies.
 */
public final class Initializations {

    private static final List<String> INITIALIZED = new CopyOnWriteArrayList<>();

    private Initializations() {}

    static void record(Class<?> type) {
        INITIALIZED.add(type.getName());
    }

    /** Names of the classes whose static initializer ran. */
    public static List<String> initialized() {
        return List.copyOf(INITIALIZED);
    }
}
