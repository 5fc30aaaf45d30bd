package io.gipc.autoconfigure;

import io.gipc.ChildCallable;
import org.jspecify.annotations.Nullable;

/**
 * A call of a {@code PLAIN} mode entry point in a pool worker: the method runs without Spring, as in a
 * {@code PLAIN} child, and its return value is the task's result.
 *
 * <p>Deliberately free of Spring imports, like {@link PlainEntryPointTask}.
 */
final class PlainPoolCall implements ChildCallable<@Nullable Object> {

    private static final long serialVersionUID = 1L;

    private final EntryPointCall call;

    PlainPoolCall(EntryPointCall call) {
        this.call = call;
    }

    @Override
    public @Nullable Object call() throws Exception {
        return this.call.invokePlain();
    }

    @Override
    public String toString() {
        return this.call.describe(true);
    }
}
