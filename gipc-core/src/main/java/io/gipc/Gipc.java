package io.gipc;

import io.gipc.internal.launch.DefaultLauncherHolder;

/**
 * Static facade over the default {@link ProcessLauncher}, for code that needs no configuration: the names follow
 * gipc's {@code gipc.pipe()} and {@code gipc.start_process()}.
 *
 * <p>The default launcher is created on first use and closed when the JVM exits (its children terminated, its
 * private directory removed). Every method may be called from any thread.
 */
public final class Gipc {

    private Gipc() {}

    /**
     * Creates a simplex pipe with the Kryo codec.
     *
     * @param <T> the message type
     * @return the pipe
     */
    public static <T> Pipe<T> pipe() {
        return launcher().pipe();
    }

    /**
     * Creates a simplex pipe.
     *
     * @param codec the codec
     * @param <T> the message type
     * @return the pipe
     */
    public static <T> Pipe<T> pipe(Codec<T> codec) {
        return launcher().pipe(codec);
    }

    /**
     * Creates a duplex pipe with the Kryo codec.
     *
     * @param <T> the message type
     * @return the pipe
     */
    public static <T> DuplexPipe<T> duplexPipe() {
        return launcher().duplexPipe();
    }

    /**
     * Creates a duplex pipe.
     *
     * @param codec the codec
     * @param <T> the message type
     * @return the pipe
     */
    public static <T> DuplexPipe<T> duplexPipe(Codec<T> codec) {
        return launcher().duplexPipe(codec);
    }

    /**
     * Starts a child JVM that runs {@code task}.
     *
     * @param task the task
     * @return the running child
     */
    public static GipcProcess start(ChildTask task) {
        return launcher().start(task);
    }

    /**
     * Starts a child JVM that runs {@code task}.
     *
     * @param task the task
     * @param options the options
     * @return the running child
     */
    public static GipcProcess start(ChildTask task, ChildOptions options) {
        return launcher().start(task, options);
    }

    /**
     * Creates a pool of {@code workers} warm worker JVMs on the default launcher.
     *
     * @param workers how many workers
     * @return the pool; close it when done
     */
    public static WorkerPool workerPool(int workers) {
        return launcher().workerPool(WorkerPoolOptions.of(workers));
    }

    /**
     * Returns the default launcher.
     *
     * @return the launcher shared by this JVM
     */
    public static ProcessLauncher launcher() {
        return DefaultLauncherHolder.get();
    }
}
