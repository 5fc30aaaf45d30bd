package io.gipc;

/**
 * A function that {@link WorkerPool#map} applies, in worker JVMs, to each of its inputs.
 *
 * <p>It travels to the workers by Java serialization (what it captures must be {@link java.io.Serializable}); the
 * inputs and results travel through the pool's codec.
 *
 * @param <T> the input type
 * @param <R> the result type
 */
@FunctionalInterface
public interface ChildFunction<T, R> extends java.io.Serializable {

    /**
     * Applies the function to one input, in a worker.
     *
     * @param input the input
     * @return the result, {@code null} included
     * @throws Exception anything: {@code map} then throws a {@link GipcTaskException} whose cause is it
     */
    R apply(T input) throws Exception;
}
