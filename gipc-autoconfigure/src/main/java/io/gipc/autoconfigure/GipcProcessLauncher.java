package io.gipc.autoconfigure;

import io.gipc.ChildOptions;
import io.gipc.ChildProcess;
import io.gipc.ChildTask;
import io.gipc.Codec;
import io.gipc.DuplexPipe;
import io.gipc.GipcException;
import io.gipc.GipcProcess;
import io.gipc.Pipe;
import io.gipc.PipeStats;
import io.gipc.ProcessLauncher;
import io.gipc.WorkerPool;
import io.gipc.WorkerPoolOptions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ProcessLauncher} bean of a Spring Boot application: the core launcher configured by {@code gipc.*}
 * properties, plus {@link ChildProcess @ChildProcess} entry points started by name.
 *
 * <p>Every {@link ProcessLauncher} method delegates to the core launcher, whose listener feeds the
 * {@link GipcRegistry} (what Actuator, health and metrics show).
 *
 * <p>Threading: every method may be called from any thread. Closing (done by the context) terminates every child
 * and its descendants ({@link GipcLifecycle} normally did so already) and closes the core launcher.
 */
public final class GipcProcessLauncher implements ProcessLauncher {

    private final ProcessLauncher delegate;

    private final Codec<?> defaultCodec;

    private final ChildProcessEntryPoints entryPoints;

    private final Supplier<@Nullable ChildApplicationSources> sources;

    private final ChildOptions defaultOptions;

    private final GipcRegistry registry;

    private final Duration shutdownTimeout;

    private final AtomicLong sequence = new AtomicLong();

    private final AtomicBoolean closed = new AtomicBoolean();

    GipcProcessLauncher(
            ProcessLauncher delegate,
            Codec<?> defaultCodec,
            ChildProcessEntryPoints entryPoints,
            Supplier<@Nullable ChildApplicationSources> sources,
            ChildOptions defaultOptions,
            GipcRegistry registry,
            Duration shutdownTimeout) {
        this.delegate = delegate;
        this.defaultCodec = defaultCodec;
        this.entryPoints = entryPoints;
        this.sources = sources;
        this.defaultOptions = defaultOptions;
        this.registry = registry;
        this.shutdownTimeout = shutdownTimeout;
    }

    /**
     * Starts a child JVM that runs the {@link ChildProcess @ChildProcess} entry point with that name.
     *
     * @param entryPoint the entry point's name
     * @param args the launch arguments, bound to the method's first parameters; pipe handles among them move to
     *     the child
     * @return the running child, named after the entry point ({@code worker-1}, {@code worker-2}, ...)
     * @throws IllegalArgumentException when there is no such entry point or the arguments do not fit it
     * @throws GipcException when the child could not start
     */
    public GipcProcess start(String entryPoint, @Nullable Object... args) {
        return start(entryPoint, this.defaultOptions, args);
    }

    /**
     * Starts a child JVM that runs the {@link ChildProcess @ChildProcess} entry point with that name.
     *
     * @param entryPoint the entry point's name
     * @param options the options; without a name, the child is named after the entry point
     * @param args the launch arguments, bound to the method's first parameters; pipe handles among them move to
     *     the child
     * @return the running child
     * @throws IllegalArgumentException when there is no such entry point or the arguments do not fit it
     * @throws GipcException when the child could not start
     */
    public GipcProcess start(String entryPoint, ChildOptions options, @Nullable Object... args) {
        Objects.requireNonNull(entryPoint, "entryPoint");
        Objects.requireNonNull(options, "options");
        EntryPoint target = this.entryPoints.get(entryPoint);
        ChildTask task = target.task((args != null) ? args : new Object[] {null}, this.sources.get());
        ChildOptions named = (options.name() != null)
                ? options
                : options.withName(entryPoint + "-" + this.sequence.incrementAndGet());
        this.registry.expectEntryPoint(Objects.requireNonNull(named.name()), entryPoint, target.essential());
        return this.delegate.start(task, named);
    }

    /**
     * Returns the names of the {@link ChildProcess @ChildProcess} entry points of the application.
     *
     * @return the names
     */
    public Set<String> entryPoints() {
        return this.entryPoints.names();
    }

    /**
     * Creates a named simplex pipe with the default codec. Name pipes after their role ({@code render-rows}): the
     * name tags their meters and groups them in {@code /actuator/gipc}, so use one name for many pipes.
     *
     * @param name the pipe's name
     * @param <T> the message type
     * @return the pipe, both ends held here
     */
    @SuppressWarnings("unchecked")
    public <T> Pipe<T> pipe(String name) {
        return this.delegate.pipe(name, (Codec<T>) this.defaultCodec);
    }

    /**
     * Creates a named duplex pipe with the default codec; see {@link #pipe(String)} about names.
     *
     * @param name the pipe's name
     * @param <T> the message type
     * @return the pipe, both ends held here
     */
    @SuppressWarnings("unchecked")
    public <T> DuplexPipe<T> duplexPipe(String name) {
        return this.delegate.duplexPipe(name, (Codec<T>) this.defaultCodec);
    }

    @Override
    public <T> Pipe<T> pipe() {
        return this.delegate.pipe();
    }

    @Override
    public <T> Pipe<T> pipe(Codec<T> c) {
        return this.delegate.pipe(c);
    }

    @Override
    public <T> DuplexPipe<T> duplexPipe() {
        return this.delegate.duplexPipe();
    }

    @Override
    public <T> DuplexPipe<T> duplexPipe(Codec<T> c) {
        return this.delegate.duplexPipe(c);
    }

    @Override
    public <T> Pipe<T> pipe(String name, Codec<T> c) {
        return this.delegate.pipe(name, c);
    }

    @Override
    public <T> DuplexPipe<T> duplexPipe(String name, Codec<T> c) {
        return this.delegate.duplexPipe(name, c);
    }

    @Override
    public <T> Pipe<T> pipe(String name, Codec<T> c, int maxMessageSize) {
        return this.delegate.pipe(name, c, maxMessageSize);
    }

    @Override
    public <T> DuplexPipe<T> duplexPipe(String name, Codec<T> c, int maxMessageSize) {
        return this.delegate.duplexPipe(name, c, maxMessageSize);
    }

    @Override
    public List<PipeStats> pipeStats() {
        return this.delegate.pipeStats();
    }

    @Override
    public GipcProcess start(ChildTask task) {
        return start(task, this.defaultOptions);
    }

    @Override
    public GipcProcess start(ChildTask task, ChildOptions o) {
        return this.delegate.start(task, o);
    }

    /**
     * Creates a worker pool on the core launcher. Workers given default child options get this launcher's
     * ({@code gipc.child.*}) instead.
     *
     * @param options the pool's options
     * @return the pool, closed with this launcher
     */
    @Override
    public WorkerPool workerPool(WorkerPoolOptions options) {
        WorkerPoolOptions o = options.childOptions().equals(ChildOptions.defaults())
                ? options.withChildOptions(defaultOptions)
                : options;
        return delegate.workerPool(o);
    }

    @Override
    public List<GipcProcess> children() {
        return this.delegate.children();
    }

    /**
     * Terminates every child and its descendants (SIGTERM, then SIGKILL after {@code gipc.shutdown.timeout}), then
     * closes the core launcher. Idempotent.
     */
    @Override
    public void close() {
        if (this.closed.compareAndSet(false, true)) {
            ChildTermination.terminateAll(this.delegate.children(), this.shutdownTimeout);
            this.delegate.close();
        }
    }
}
