package io.gipc.autoconfigure;

import io.gipc.ChildCallable;
import org.jspecify.annotations.Nullable;

/**
 * A call of a {@code PLAIN} mode entry point in a pool worker: the method runs without Spring, as in a
 * {@code PLAIN} child, and its return value is the task's result.
 *
 * <p>Deliberately free of Spring imports, like {@link PlainEntryPointTask}.
 *
 * @param target the method, bean and launch arguments
 */
record PlainPoolCall(EntryPointCall target) implements ChildCallable<@Nullable Object> {

    @Override
    public @Nullable Object call() throws Exception {
        return this.target.invokePlain();
    }

    @Override
    public String toString() {
        return this.target.describe(true);
    }
}
