package io.gipc;

import io.gipc.internal.launch.DefaultProcessLauncher;
import java.util.List;

/**
 * Creates pipes and starts child JVMs, and owns both: closing the launcher terminates its children and removes
 * its private socket directory.
 *
 * <p>Threading: every method may be called from any thread. Pipes created here have their socket files in this
 * launcher's private directory (mode 0700).
 */
public interface ProcessLauncher extends AutoCloseable {

    /**
     * Creates a launcher with default settings.
     *
     * @return a new launcher; close it when done
     */
    static ProcessLauncher create() {
        return create(LauncherConfig.defaults());
    }

    /**
     * Creates a launcher.
     *
     * @param config its settings
     * @return a new launcher; close it when done
     */
    static ProcessLauncher create(LauncherConfig config) {
        return new DefaultProcessLauncher(config);
    }

    /**
     * Creates a simplex pipe with the launcher's default codec.
     *
     * @param <T> the message type
     * @return the pipe, both ends held here
     */
    <T> Pipe<T> pipe();

    /**
     * Creates a simplex pipe.
     *
     * @param c the codec
     * @param <T> the message type
     * @return the pipe, both ends held here
     */
    <T> Pipe<T> pipe(Codec<T> c);

    /**
     * Creates a duplex pipe with the launcher's default codec.
     *
     * @param <T> the message type
     * @return the pipe, both ends held here
     */
    <T> DuplexPipe<T> duplexPipe();

    /**
     * Creates a duplex pipe.
     *
     * @param c the codec
     * @param <T> the message type
     * @return the pipe, both ends held here
     */
    <T> DuplexPipe<T> duplexPipe(Codec<T> c);

    /**
     * Creates a named simplex pipe; the name appears in {@link #pipeStats()} and in error messages.
     *
     * @param name the pipe's name
     * @param c the codec
     * @param <T> the message type
     * @return the pipe, both ends held here
     */
    <T> Pipe<T> pipe(String name, Codec<T> c);

    /**
     * Creates a named duplex pipe; the name appears in {@link #pipeStats()} and in error messages.
     *
     * @param name the pipe's name
     * @param c the codec
     * @param <T> the message type
     * @return the pipe, both ends held here
     */
    <T> DuplexPipe<T> duplexPipe(String name, Codec<T> c);

    /**
     * Creates a named simplex pipe with its own maximum message size.
     *
     * @param name the pipe's name
     * @param c the codec
     * @param maxMessageSize the largest encoded message this pipe carries, in bytes
     * @param <T> the message type
     * @return the pipe, both ends held here
     */
    <T> Pipe<T> pipe(String name, Codec<T> c, int maxMessageSize);

    /**
     * Creates a named duplex pipe with its own maximum message size.
     *
     * @param name the pipe's name
     * @param c the codec
     * @param maxMessageSize the largest encoded message this pipe carries, in bytes
     * @param <T> the message type
     * @return the pipe, both ends held here
     */
    <T> DuplexPipe<T> duplexPipe(String name, Codec<T> c, int maxMessageSize);

    /**
     * Returns the traffic of the pipes created by this launcher: one entry per pipe with an end still usable
     * here, and one {@code closed} entry per name summing the named pipes of that name that were closed here.
     *
     * @return a snapshot, one entry per pipe
     */
    List<PipeStats> pipeStats();

    /**
     * Starts a child JVM that runs {@code task}, with default options.
     *
     * @param task the task; the pipe handles it captures move to the child
     * @return the running child
     * @throws GipcException the task cannot be serialized, or the child could not start
     */
    GipcProcess start(ChildTask task);

    /**
     * Starts a child JVM that runs {@code task}. Returns once the child has taken over the handles it was given
     * and is about to run the task.
     *
     * @param task the task; the pipe handles it captures move to the child
     * @param o the options
     * @return the running child
     * @throws GipcException the task cannot be serialized, or the child could not start (the message says why)
     */
    GipcProcess start(ChildTask task, ChildOptions o);

    /**
     * Creates a pool of warm worker JVMs, children of this launcher, that run {@link ChildCallable} tasks and
     * return their results. Returns once every worker has started and run a warm-up task (or failed to start).
     * Closing this launcher acts as {@link WorkerPool#closeNow()} on its pools.
     *
     * @param options the pool's size, name, limits and child options
     * @return the pool; close it when done
     * @throws GipcException no worker could start (the message says why)
     * @throws GipcClosedException this launcher is closed
     */
    WorkerPool workerPool(WorkerPoolOptions options);

    /**
     * Lists the children started by this launcher whose exit is not yet known.
     *
     * @return a snapshot, in start order
     */
    List<GipcProcess> children();

    /**
     * Terminates every child (SIGTERM, then SIGKILL after the configured timeout) and removes the private
     * directory. Idempotent.
     */
    @Override
    void close();
}
