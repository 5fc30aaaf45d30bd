package io.gipc.autoconfigure;

import io.gipc.ChildCallable;
import io.gipc.ChildProcess;
import io.gipc.GipcClosedException;
import io.gipc.GipcException;
import io.gipc.GipcTaskException;
import io.gipc.GipcTimeoutException;
import io.gipc.GipcWorkerDiedException;
import io.gipc.ProcessLauncher;
import io.gipc.WorkerPool;
import io.gipc.WorkerPoolOptions;
import io.gipc.WorkerPoolStats;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A pool of warm worker JVMs that run one {@link ChildProcess @ChildProcess} entry point call after call, declared
 * under {@code gipc.pools.<name>} and registered as a bean named {@code <name>}: inject it with
 * {@code @Qualifier("<name>") EntryPointPool pool}.
 *
 * <p>{@link #call(Object...)} runs the entry point in a free worker with the given launch arguments and completes
 * its future with what the method returned. In {@code SPRING} mode a worker starts the application's context once,
 * when the worker starts, and keeps it for every later call; in {@code PLAIN} mode it calls the method without
 * Spring, as a {@code PLAIN} child does.
 *
 * <p>The workers start when the bean is created, so that the first call finds them warm; in a gipc child (a
 * {@code SPRING} mode child or worker, which starts the application too) the pool starts only if a call needs it.
 * A pool none of whose workers could start does not fail the application's startup: it is reported DOWN by the
 * {@code gipc} health indicator, and every call tries to start it again until one succeeds.
 *
 * <p>Threading: every method may be called from any thread. Futures complete on the pool's dispatcher threads: keep
 * dependent actions short or give them an executor.
 *
 * <p>Errors, through the future: {@link GipcTaskException} when the method threw (its cause is that exception,
 * whole); {@link GipcWorkerDiedException} when the worker died during the call (it is replaced, the call is not run
 * again); {@link GipcTimeoutException} when the call ran past {@code task-timeout} (its worker is killed and
 * replaced); a {@link GipcException} saying why when no worker could be started or an argument or the result cannot
 * be transferred.
 *
 * <p>Ownership: the context closes the pool when it closes, before it terminates the remaining children: calls
 * still queued or running get {@code gipc.shutdown.timeout} to finish, then the workers are killed.
 */
public final class EntryPointPool implements AutoCloseable {

    private static final Log logger = LogFactory.getLog(EntryPointPool.class);

    private final String name;

    private final EntryPoint entryPoint;

    private final WorkerPoolOptions options;

    private final ProcessLauncher launcher;

    private final @Nullable ChildApplicationSources sources;

    private final GipcRegistry registry;

    private final Duration closeTimeout;

    private final ReentrantLock lock = new ReentrantLock();

    private volatile @Nullable WorkerPool pool;

    private volatile @Nullable GipcException startFailure;

    private volatile boolean closed;

    EntryPointPool(
            String name,
            EntryPoint entryPoint,
            WorkerPoolOptions options,
            ProcessLauncher launcher,
            @Nullable ChildApplicationSources sources,
            GipcRegistry registry,
            Duration closeTimeout) {
        this.name = name;
        this.entryPoint = entryPoint;
        this.options = options.named(name);
        this.launcher = launcher;
        this.sources = sources;
        this.registry = registry;
        this.closeTimeout = closeTimeout;
    }

    /**
     * Returns the pool's name: its key under {@code gipc.pools}, its bean name, and the {@code pool} tag of its
     * meters.
     *
     * @return the name
     */
    public String name() {
        return this.name;
    }

    /**
     * Returns the name of the entry point the workers run.
     *
     * @return the entry point's name
     */
    public String entryPoint() {
        return this.entryPoint.name();
    }

    /**
     * Runs the entry point in a worker.
     *
     * @param args the launch arguments, bound to the method's first parameters as for
     *     {@link GipcProcessLauncher#start(String, Object...)}; pipe handles among them move into the worker for this
     *     call and are closed there when it ends
     * @param <R> the method's return type ({@code Void} for a {@code void} method, whose future completes with
     *     {@code null})
     * @return the future of the method's return value; see the type's documentation for its failures
     * @throws IllegalArgumentException when the arguments do not fit the method (naming the entry point and the
     *     parameter)
     * @throws GipcClosedException when the pool is closed
     */
    @SuppressWarnings("unchecked")
    public <R> CompletableFuture<R> call(@Nullable Object... args) {
        @Nullable Object[] values = (args != null) ? args : new Object[] {null};
        ChildCallable<@Nullable Object> task;
        try {
            task = this.entryPoint.poolTask(values, this.sources);
        } catch (GipcException ex) {
            return CompletableFuture.failedFuture(ex);
        }
        WorkerPool workers;
        try {
            workers = started();
        } catch (GipcClosedException ex) {
            throw ex;
        } catch (GipcException ex) {
            return CompletableFuture.failedFuture(ex);
        }
        return (CompletableFuture<R>) workers.submit(task);
    }

    /**
     * Returns the core pool, starting it first if it has not started.
     *
     * @return the pool
     * @throws GipcException when none of its workers could start (the message says why)
     * @throws GipcClosedException when the pool is closed
     */
    public WorkerPool pool() {
        return started();
    }

    /**
     * Returns the pool's state and counters, without starting it.
     *
     * @return a snapshot; before a successful start, no worker and the start's failure, if any
     */
    public WorkerPoolStats stats() {
        WorkerPool workers = this.pool;
        if (workers != null) {
            return workers.stats();
        }
        GipcException failure = this.startFailure;
        return ManagedPool.notStarted(
                this.name, this.options.workers(), (failure != null) ? failure.getMessage() : null, this.closed);
    }

    /** Starts the workers now; a failure is logged and reported, not thrown. */
    void start() {
        try {
            started();
        } catch (GipcException ex) {
            // reported by started(): the health indicator shows it, the next call tries again
        }
    }

    /** Returns the core pool if it has started, without starting it. */
    @Nullable
    WorkerPool startedPool() {
        return this.pool;
    }

    /** Refuses new calls: the lifecycle calls this before it closes the pools of the application. */
    void refuseCalls() {
        this.lock.lock();
        try {
            this.closed = true;
        } finally {
            this.lock.unlock();
        }
    }

    private WorkerPool started() {
        WorkerPool workers = this.pool;
        if (workers != null) {
            return workers;
        }
        this.lock.lock();
        try {
            if (this.closed) {
                throw new GipcClosedException("pool '" + this.name + "' is closed: it takes no new calls");
            }
            if (this.pool == null) {
                this.pool = create();
            }
            return Objects.requireNonNull(this.pool);
        } finally {
            this.lock.unlock();
        }
    }

    private WorkerPool create() {
        try {
            ChildCallable<@Nullable Object> warmUp = this.entryPoint.poolWarmUp(this.sources);
            this.registry.expectPool(this.name, entryPoint());
            WorkerPool created = this.launcher.workerPool(this.options.withWarmUp(warmUp));
            this.startFailure = null;
            return created;
        } catch (GipcException ex) {
            GipcException failure = new GipcException(
                    "gipc.pools." + this.name + " (entry point '" + entryPoint() + "', " + this.options.workers()
                            + " worker(s)): " + ex.getMessage(),
                    ex);
            this.startFailure = failure;
            this.registry.poolFailedToStart(
                    this.name, entryPoint(), this.options.workers(), String.valueOf(ex.getMessage()));
            logger.warn("gipc: " + failure.getMessage());
            throw failure;
        }
    }

    /**
     * Refuses new calls, lets queued and running calls finish for at most {@code gipc.shutdown.timeout}, then kills
     * the workers. Idempotent; the context calls it when it closes.
     */
    @Override
    public void close() {
        refuseCalls();
        WorkerPool workers = this.pool;
        if (workers != null) {
            PoolShutdown.closeAll(List.of(workers), this.closeTimeout);
        } else {
            this.registry.forgetPool(this.name);
        }
    }

    @Override
    public String toString() {
        return "pool '" + this.name + "' (" + this.options.workers() + " worker(s) of entry point '" + entryPoint()
                + "')";
    }
}
