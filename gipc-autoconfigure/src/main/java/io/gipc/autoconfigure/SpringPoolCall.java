package io.gipc.autoconfigure;

import io.gipc.ChildCallable;
import org.jspecify.annotations.Nullable;

/**
 * A call of a {@code SPRING} mode entry point in a pool worker: the method runs on its bean in the worker's
 * {@link WorkerContext}, which the worker starts once and keeps, and its return value is the task's result.
 */
final class SpringPoolCall implements ChildCallable<@Nullable Object> {

    private static final long serialVersionUID = 1L;

    private final EntryPointCall call;

    private final ChildApplicationSources sources;

    SpringPoolCall(EntryPointCall call, ChildApplicationSources sources) {
        this.call = call;
        this.sources = sources;
    }

    @Override
    public @Nullable Object call() throws Exception {
        return ChildApplication.invoke(WorkerContext.get(this.sources, this.call.entryPoint()), this.call);
    }

    @Override
    public String toString() {
        return this.call.toString();
    }

    /**
     * The warm-up of a {@code SPRING} mode pool's workers: starts the worker's context, so that the first call does
     * not wait for it.
     *
     * @param sources the parent's sources and profiles
     * @param entryPoint the pool's entry point
     */
    record WarmUp(ChildApplicationSources sources, String entryPoint) implements ChildCallable<@Nullable Object> {

        private static final long serialVersionUID = 1L;

        @Override
        public @Nullable Object call() throws Exception {
            WorkerContext.get(this.sources, this.entryPoint);
            return null;
        }
    }
}
