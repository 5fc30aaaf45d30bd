package io.gipc;

/**
 * A task that runs in a {@link WorkerPool}'s worker JVM and returns a value.
 *
 * <p>It travels to the worker by Java serialization, like a {@link ChildTask}: what it captures must be
 * {@link java.io.Serializable} or a pipe handle. Pipe handles it captures move into the worker for this task and
 * are closed there when {@link #call()} ends. Its return value travels back through the pool's codec.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface ChildCallable<R> extends java.io.Serializable {

    /**
     * Runs the task in the worker.
     *
     * @return the result, {@code null} included
     * @throws Exception anything: the caller's future then fails with a {@link GipcTaskException} whose cause is
     *     this exception
     */
    R call() throws Exception;
}
