package io.gipc.internal.pipe;

import java.io.ObjectStreamException;
import java.io.UncheckedIOException;

/** Closes several ends so that one failing does not keep the others open. */
final class Closing {

    private Closing() {}

    /** Closes every end, then rethrows the first failure with the others suppressed. */
    static void closeAll(AutoCloseable... ends) {
        RuntimeException first = null;
        for (AutoCloseable end : ends) {
            try {
                end.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            } catch (Exception e) {
                throw new IllegalStateException("pipe ends throw only unchecked exceptions", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    interface RefSupplier<R> {
        R get() throws ObjectStreamException;
    }

    static <R> R unchecked(RefSupplier<R> supplier) {
        try {
            return supplier.get();
        } catch (ObjectStreamException e) {
            throw new UncheckedIOException(e);
        }
    }
}
