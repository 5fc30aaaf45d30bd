package io.gipc.autoconfigure;

import io.gipc.ChildCallable;
import org.jspecify.annotations.Nullable;

/**
 * A call of a {@code SPRING} mode entry point in a pool worker: the method runs on its bean in the worker's
 * {@link WorkerContext}, which the worker starts once and keeps, and its return value is the task's result.
 *
 * @param target the method, bean and launch arguments
 * @param sources the parent's sources and profiles, to start the worker's context if the warm-up did not
 */
record SpringPoolCall(EntryPointCall target, ChildApplicationSources sources)
        implements ChildCallable<@Nullable Object> {

    @Override
    public @Nullable Object call() throws Exception {
        return ChildApplication.invoke(WorkerContext.get(this.sources, this.target.entryPoint()), this.target);
    }

    @Override
    public String toString() {
        return this.target.toString();
    }

    /**
     * The warm-up of a {@code SPRING} mode pool's workers: starts the worker's context, so that the first call does
     * not wait for it.
     *
     * @param sources the parent's sources and profiles
     * @param entryPoint the pool's entry point
     */
    record WarmUp(ChildApplicationSources sources, String entryPoint) implements ChildCallable<@Nullable Object> {

        @Override
        public @Nullable Object call() throws Exception {
            WorkerContext.get(this.sources, this.entryPoint);
            return null;
        }
    }
}
