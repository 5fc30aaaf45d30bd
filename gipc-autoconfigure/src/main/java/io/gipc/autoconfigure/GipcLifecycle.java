package io.gipc.autoconfigure;

import io.gipc.ProcessLauncher;
import io.gipc.WorkerPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Ends the children of the {@link ProcessLauncher} bean when the context closes: first the worker pools (the
 * {@link EntryPointPool} beans and every pool the {@link GipcRegistry} knows) refuse new tasks and get at most
 * {@code gipc.shutdown.timeout} to finish theirs before their workers are killed, since a pool would replace workers
 * terminated under it; then SIGTERM to every child and its descendants, a wait of at most
 * {@code gipc.shutdown.timeout}, then SIGKILL.
 *
 * <p>It stops in phase {@value #PHASE}: after the web server's graceful shutdown has let in-flight requests finish
 * (they may still talk to children), before the web server itself stops. The wait runs on its own thread so that
 * other lifecycles of the same phase stop concurrently. Should the context fail before its lifecycles start, the
 * launcher bean's {@code close()} does the same when the context destroys it.
 *
 * <p>It is not {@linkplain #isPauseable() pauseable}: pausing the context (Spring Framework 7's
 * {@code ConfigurableApplicationContext.pause()}, which the test context cache uses for contexts not in use) leaves
 * the children running, since a restarted context could not bring them back.
 */
public final class GipcLifecycle implements SmartLifecycle {

    /** The phase in which children are terminated. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1536;

    private final ProcessLauncher launcher;

    private final Duration timeout;

    private final @Nullable GipcRegistry registry;

    private final Supplier<List<EntryPointPool>> entryPointPools;

    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * Creates a lifecycle that ends children only (it closes no pool).
     *
     * @param launcher the launcher whose children to end
     * @param timeout how long to wait after SIGTERM before SIGKILL
     */
    public GipcLifecycle(ProcessLauncher launcher, Duration timeout) {
        this(launcher, timeout, null, List::of);
    }

    /**
     * Creates a lifecycle that closes the pools the registry knows, then ends the children.
     *
     * @param launcher the launcher whose children to end
     * @param timeout how long pools get to finish their tasks, and children to exit after SIGTERM
     * @param registry the pools to close
     */
    public GipcLifecycle(ProcessLauncher launcher, Duration timeout, GipcRegistry registry) {
        this(launcher, timeout, registry, List::of);
    }

    GipcLifecycle(
            ProcessLauncher launcher,
            Duration timeout,
            @Nullable GipcRegistry registry,
            Supplier<List<EntryPointPool>> entryPointPools) {
        this.launcher = launcher;
        this.timeout = timeout;
        this.registry = registry;
        this.entryPointPools = entryPointPools;
    }

    @Override
    public void start() {
        this.running.set(true);
    }

    @Override
    public void stop() {
        this.running.set(false);
        end();
    }

    @Override
    public void stop(Runnable callback) {
        this.running.set(false);
        Thread.ofPlatform().name("gipc-shutdown").daemon().start(() -> {
            try {
                end();
            } finally {
                callback.run();
            }
        });
    }

    private void end() {
        Set<WorkerPool> pools = Collections.newSetFromMap(new IdentityHashMap<>());
        for (EntryPointPool pool : this.entryPointPools.get()) {
            pool.refuseCalls();
            WorkerPool started = pool.startedPool();
            if (started != null) {
                pools.add(started);
            }
        }
        if (this.registry != null) {
            for (ManagedPool managed : this.registry.pools()) {
                WorkerPool open = managed.pool();
                if (open != null) {
                    pools.add(open);
                }
            }
        }
        PoolShutdown.closeAll(new ArrayList<>(pools), this.timeout);
        ChildTermination.terminateAll(this.launcher.children(), this.timeout);
    }

    @Override
    public boolean isRunning() {
        return this.running.get();
    }

    /**
     * Returns {@code false}: children keep running while the context is paused, and end only when it closes.
     *
     * @return {@code false}
     */
    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
