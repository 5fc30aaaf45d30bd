package io.gipc.internal.launch;

import io.gipc.ChildOptions;
import io.gipc.ChildTask;
import io.gipc.Codec;
import io.gipc.DuplexPipe;
import io.gipc.GipcClosedException;
import io.gipc.GipcException;
import io.gipc.GipcProcess;
import io.gipc.LauncherConfig;
import io.gipc.Pipe;
import io.gipc.PipeStats;
import io.gipc.PipeTraffic;
import io.gipc.ProcessLauncher;
import io.gipc.WorkerPool;
import io.gipc.WorkerPoolOptions;
import io.gipc.internal.pipe.DuplexPipeImpl;
import io.gipc.internal.pipe.PipeCounters;
import io.gipc.internal.pipe.SimplexPipe;
import io.gipc.internal.pool.WorkerPoolImpl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The launcher: a private directory, a control socket for its children, and the lists of its pipes and live
 * children.
 */
public final class DefaultProcessLauncher implements ProcessLauncher {

    private static final System.Logger LOG = System.getLogger("io.gipc.launch");
    private static final AtomicInteger PIPE_NUMBERS = new AtomicInteger();

    private final LauncherConfig config;
    private final PrivateDirectory directory;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger childNumbers = new AtomicInteger();
    private final CopyOnWriteArrayList<ChildHandle> children = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<WorkerPool> pools = new CopyOnWriteArrayList<>();
    private final AtomicInteger poolNumbers = new AtomicInteger();
    private final PipeRegistry pipes;
    private ControlServer control;
    private final ChildPool pool;
    private volatile boolean closed;

    /**
     * Creates a launcher and its private directory.
     *
     * @param config the settings
     */
    public DefaultProcessLauncher(LauncherConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.pipes = new PipeRegistry(p -> safely(() -> config.listener().pipeClosed(p)));
        this.directory = PrivateDirectory.create(config.socketParent());
        if (config.poolSize() > 0) {
            pool = new ChildPool(config.poolSize(), () -> JavaCommand.build(config, List.of()));
            pool.refill();
        } else {
            pool = null;
        }
    }

    /**
     * Returns the private directory, for tests and diagnostics.
     *
     * @return its path
     */
    public java.nio.file.Path directory() {
        return directory.path();
    }

    /**
     * Returns how many started children the control socket still expects to connect, for tests.
     *
     * @return the count
     */
    int pendingControlTokens() {
        lock.lock();
        try {
            return control == null ? 0 : control.pendingTokens();
        } finally {
            lock.unlock();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Pipe<T> pipe() {
        return pipe((Codec<T>) config.defaultCodec());
    }

    @Override
    public <T> Pipe<T> pipe(Codec<T> c) {
        return pipe(null, c);
    }

    @Override
    public <T> Pipe<T> pipe(String name, Codec<T> c) {
        return pipe(name, c, config.maxMessageSize());
    }

    @Override
    public <T> Pipe<T> pipe(String name, Codec<T> c, int maxMessageSize) {
        PipeCounters counters = newPipe(name, c, maxMessageSize);
        SimplexPipe<T> p =
                SimplexPipe.create(directory.path().toString(), counters.name(), c, maxMessageSize, counters);
        PipeTraffic traffic = pipes.add(counters, name != null, p.openProbe());
        safely(() -> config.listener().pipeCreated(traffic));
        return p;
    }

    /** Checks the arguments of a new pipe and returns its counters, named. */
    private PipeCounters newPipe(String name, Codec<?> c, int maxMessageSize) {
        Objects.requireNonNull(c, "codec");
        if (maxMessageSize <= 0) {
            throw new IllegalArgumentException("maxMessageSize must be positive, was " + maxMessageSize);
        }
        checkOpen();
        return new PipeCounters(pipeName(name));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> DuplexPipe<T> duplexPipe() {
        return duplexPipe((Codec<T>) config.defaultCodec());
    }

    @Override
    public <T> DuplexPipe<T> duplexPipe(Codec<T> c) {
        return duplexPipe(null, c);
    }

    @Override
    public <T> DuplexPipe<T> duplexPipe(String name, Codec<T> c) {
        return duplexPipe(name, c, config.maxMessageSize());
    }

    @Override
    public <T> DuplexPipe<T> duplexPipe(String name, Codec<T> c, int maxMessageSize) {
        PipeCounters counters = newPipe(name, c, maxMessageSize);
        DuplexPipeImpl<T> p =
                DuplexPipeImpl.create(directory.path().toString(), counters.name(), c, maxMessageSize, counters);
        PipeTraffic traffic = pipes.add(counters, name != null, p.openProbe());
        safely(() -> config.listener().pipeCreated(traffic));
        return p;
    }

    private static String pipeName(String name) {
        if (name == null) {
            return "pipe-" + PIPE_NUMBERS.incrementAndGet();
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("pipe name must not be blank");
        }
        return name;
    }

    @Override
    public List<PipeStats> pipeStats() {
        return pipes.snapshot();
    }

    @Override
    public GipcProcess start(ChildTask task) {
        return start(task, ChildOptions.defaults());
    }

    @Override
    public GipcProcess start(ChildTask task, ChildOptions o) {
        Objects.requireNonNull(o, "options");
        checkOpen();
        String name = o.name() != null ? o.name() : "child-" + childNumbers.incrementAndGet();
        ChildHandle child;
        try {
            child = ChildStarter.start(config, control(), pool, name, task, o);
        } catch (GipcException e) {
            notifyFailed(name, e);
            throw e;
        }
        children.add(child);
        // children() must not list a child whose join() has returned: drop it before the exit completes.
        child.whenExitKnown(() -> {
            children.remove(child);
            safely(() -> config.listener().childExited(child));
        });
        Duration latency;
        try {
            latency = child.awaitReady();
        } catch (GipcException e) {
            notifyFailed(name, e);
            throw e;
        }
        safely(() -> config.listener().childStarted(child, latency));
        if (closed) {
            child.kill();
        }
        return child;
    }

    private void notifyFailed(String name, GipcException e) {
        safely(() -> config.listener().childFailedToStart(name, e));
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a LauncherListener threw; ignored", e);
        }
    }

    private ControlServer control() {
        lock.lock();
        try {
            if (control == null) {
                control = new ControlServer(directory.path());
            }
            return control;
        } finally {
            lock.unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new GipcClosedException("this ProcessLauncher is closed");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public WorkerPool workerPool(WorkerPoolOptions options) {
        Objects.requireNonNull(options, "options");
        checkOpen();
        String name = options.name() != null ? options.name() : "pool-" + poolNumbers.incrementAndGet();
        WorkerPoolImpl pool = new WorkerPoolImpl(
                this, (Codec<Object>) config.defaultCodec(), options, name, config.listener(), pools::remove);
        pools.add(pool);
        if (closed) {
            pool.closeNow();
            throw new GipcClosedException("this ProcessLauncher is closed");
        }
        safely(() -> config.listener().poolCreated(pool));
        return pool;
    }

    @Override
    public List<GipcProcess> children() {
        return List.copyOf(children);
    }

    @Override
    public void close() {
        close(config.shutdownTimeout());
    }

    /**
     * Terminates every child (SIGTERM, then SIGKILL after {@code timeout}), then removes the private directory.
     *
     * @param timeout how long children get to exit after SIGTERM
     */
    public void close(Duration timeout) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lock.unlock();
        }
        if (pool != null) {
            pool.close();
        }
        // a pool would replace the workers terminated below: stop it first
        for (WorkerPool p : List.copyOf(pools)) {
            p.closeNow();
        }
        List<ChildHandle> live = new ArrayList<>(children);
        live.forEach(ChildHandle::terminate);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ChildHandle c : live) {
            if (!c.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                c.kill();
            }
        }
        for (ChildHandle c : live) {
            c.join(Duration.ofSeconds(5));
        }
        lock.lock();
        try {
            if (control != null) {
                control.close();
            }
        } finally {
            lock.unlock();
        }
        directory.delete();
    }
}
