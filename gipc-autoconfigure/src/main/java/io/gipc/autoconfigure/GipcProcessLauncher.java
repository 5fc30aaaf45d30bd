package io.gipc.autoconfigure;

import io.gipc.ChildOptions;
import io.gipc.ChildProcess;
import io.gipc.ChildTask;
import io.gipc.Codec;
import io.gipc.DuplexPipe;
import io.gipc.GipcException;
import io.gipc.GipcProcess;
import io.gipc.LauncherListener;
import io.gipc.Pipe;
import io.gipc.PipeStats;
import io.gipc.ProcessLauncher;
import java.lang.ProcessBuilder.Redirect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The {@link ProcessLauncher} bean of a Spring Boot application: the core launcher configured by {@code gipc.*}
 * properties, plus {@link ChildProcess @ChildProcess} entry points started by name.
 *
 * <p>Every {@link ProcessLauncher} method delegates to the core launcher. Children started here are remembered as
 * {@link ManagedChild}ren for the Actuator endpoint and the health indicator: while they run, and after they exit
 * (all essential ones, the latest {@value #EXITED_HISTORY} others).
 *
 * <p>Threading: every method may be called from any thread. Closing (done by the context) terminates every child
 * (SIGTERM, then SIGKILL after {@code gipc.shutdown.timeout}) and closes the core launcher.
 */
public final class GipcProcessLauncher implements ProcessLauncher {

    /** How many exited non-essential children are remembered for the endpoint. */
    static final int EXITED_HISTORY = 32;

    private static final Log logger = LogFactory.getLog(GipcProcessLauncher.class);

    private final ProcessLauncher delegate;

    private final ChildProcessEntryPoints entryPoints;

    private final Supplier<ChildApplicationSources> sources;

    private final ChildOptions defaultOptions;

    private final Duration shutdownTimeout;

    private final Codec<?> defaultCodec;

    private final Listeners listeners;

    private final ConcurrentLinkedDeque<ManagedChild> managed = new ConcurrentLinkedDeque<>();

    private final Set<String> pipeNames = ConcurrentHashMap.newKeySet();

    private final List<Consumer<String>> pipeCallbacks = new CopyOnWriteArrayList<>();

    private final AtomicLong sequence = new AtomicLong();

    private final AtomicBoolean closed = new AtomicBoolean();

    GipcProcessLauncher(
            ProcessLauncher delegate,
            Listeners listeners,
            ChildProcessEntryPoints entryPoints,
            Supplier<ChildApplicationSources> sources,
            boolean inheritIo,
            Duration shutdownTimeout,
            Codec<?> defaultCodec) {
        this.delegate = delegate;
        this.listeners = listeners;
        this.entryPoints = entryPoints;
        this.sources = sources;
        this.defaultOptions = inheritIo
                ? ChildOptions.defaults()
                : ChildOptions.defaults().withOutput(Redirect.DISCARD).withError(Redirect.DISCARD);
        this.shutdownTimeout = shutdownTimeout;
        this.defaultCodec = defaultCodec;
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
    public GipcProcess start(String entryPoint, Object... args) {
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
    public GipcProcess start(String entryPoint, ChildOptions options, Object... args) {
        Objects.requireNonNull(entryPoint, "entryPoint");
        Objects.requireNonNull(options, "options");
        EntryPoint target = this.entryPoints.get(entryPoint);
        ChildTask task = target.task((args != null) ? args : new Object[] {null}, this.sources.get());
        ChildOptions named = (options.name() != null)
                ? options
                : options.withName(entryPoint + "-" + this.sequence.incrementAndGet());
        return remember(this.delegate.start(task, named), entryPoint, target.essential());
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
     * Returns the children started here that are running, and those that exited recently or were essential.
     *
     * @return a snapshot, in start order
     */
    public List<ManagedChild> managedChildren() {
        return List.copyOf(this.managed);
    }

    /**
     * Returns the children of any launcher as {@link ManagedChild}ren: this launcher's own list, or the running
     * children of another (without entry points).
     *
     * @param launcher the launcher
     * @return a snapshot
     */
    public static List<ManagedChild> managedChildren(ProcessLauncher launcher) {
        if (launcher instanceof GipcProcessLauncher gipc) {
            return gipc.managedChildren();
        }
        return launcher.children().stream().map(ManagedChild::snapshot).toList();
    }

    /**
     * Adds a listener told about the children started from now on.
     *
     * @param listener the listener; it must return quickly and not throw
     */
    public void addListener(LauncherListener listener) {
        this.listeners.add(listener);
    }

    /**
     * Returns the names of the pipes created here with a name (those declared in {@code gipc.pipes.*} included).
     *
     * @return the names
     */
    public Set<String> namedPipes() {
        return Collections.unmodifiableSet(this.pipeNames);
    }

    /**
     * Calls {@code callback} with the name of every pipe created here with a name, now for those that exist and
     * later for new ones.
     *
     * @param callback told each pipe name once
     */
    public void onNamedPipe(Consumer<String> callback) {
        this.pipeCallbacks.add(callback);
        this.pipeNames.forEach(callback);
    }

    /**
     * Returns the codec of pipes created without one, as configured by {@code gipc.kryo.*}.
     *
     * @param <T> the message type
     * @return the codec
     */
    @SuppressWarnings("unchecked")
    public <T> Codec<T> defaultCodec() {
        return (Codec<T>) this.defaultCodec;
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
        Pipe<T> pipe = this.delegate.pipe(name, c);
        named(name);
        return pipe;
    }

    @Override
    public <T> DuplexPipe<T> duplexPipe(String name, Codec<T> c) {
        DuplexPipe<T> pipe = this.delegate.duplexPipe(name, c);
        named(name);
        return pipe;
    }

    @Override
    public <T> Pipe<T> pipe(String name, Codec<T> c, int maxMessageSize) {
        Pipe<T> pipe = this.delegate.pipe(name, c, maxMessageSize);
        named(name);
        return pipe;
    }

    @Override
    public <T> DuplexPipe<T> duplexPipe(String name, Codec<T> c, int maxMessageSize) {
        DuplexPipe<T> pipe = this.delegate.duplexPipe(name, c, maxMessageSize);
        named(name);
        return pipe;
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
        return remember(this.delegate.start(task, o), null, false);
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
            terminateChildren();
            this.delegate.close();
        }
    }

    /** Terminates every running child and its descendants, waiting at most {@code gipc.shutdown.timeout}. */
    void terminateChildren() {
        ChildTermination.terminateAll(this.delegate.children(), this.shutdownTimeout);
    }

    private GipcProcess remember(GipcProcess process, String entryPoint, boolean essential) {
        this.managed.add(ManagedChild.tracked(process, entryPoint, essential));
        forgetOldExits();
        return process;
    }

    private void forgetOldExits() {
        int exited = 0;
        for (Iterator<ManagedChild> it = this.managed.descendingIterator(); it.hasNext(); ) {
            ManagedChild child = it.next();
            if (!child.essential() && child.exitedAt().isPresent() && ++exited > EXITED_HISTORY) {
                it.remove();
            }
        }
    }

    private void named(String name) {
        if (this.pipeNames.add(name)) {
            for (Consumer<String> callback : this.pipeCallbacks) {
                callback.accept(name);
            }
        }
    }

    /** The launcher's listener: forwards to every listener added, isolating their failures. */
    static final class Listeners implements LauncherListener {

        private final List<LauncherListener> listeners = new CopyOnWriteArrayList<>();

        void add(LauncherListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
        }

        @Override
        public void childStarted(GipcProcess process, Duration startLatency) {
            each(listener -> listener.childStarted(process, startLatency));
        }

        @Override
        public void childExited(GipcProcess process) {
            each(listener -> listener.childExited(process));
        }

        @Override
        public void childFailedToStart(String name, GipcException failure) {
            each(listener -> listener.childFailedToStart(name, failure));
        }

        private void each(Consumer<LauncherListener> call) {
            List<RuntimeException> failures = new ArrayList<>();
            for (LauncherListener listener : this.listeners) {
                try {
                    call.accept(listener);
                } catch (RuntimeException ex) {
                    failures.add(ex);
                }
            }
            failures.forEach(ex -> logger.warn("gipc: a LauncherListener failed", ex));
        }
    }
}
