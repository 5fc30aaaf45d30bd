package io.gipc.autoconfigure;

import io.gipc.GipcException;
import io.gipc.GipcProcess;
import io.gipc.LauncherConfig;
import io.gipc.LauncherListener;
import io.gipc.PipeStats;
import io.gipc.PipeTraffic;
import io.gipc.ProcessLauncher;
import io.gipc.TaskOutcome;
import io.gipc.WorkerPool;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What the application's launchers did, as Actuator, health and metrics show it: their children (running, recently
 * exited and essential ones), their pipes (open ones, and totals per name) and their worker pools (open ones, and
 * pools declared under {@code gipc.pools} that could not start).
 *
 * <p>It is fed by its {@link #listener()}: every launcher whose {@link LauncherConfig} carries that listener is
 * observed, whoever created it. The auto-configured launcher does; a {@link ProcessLauncher} bean of your own is
 * observed when it is created from the auto-configured {@code LauncherConfig} bean
 * ({@code ProcessLauncher.create(gipcLauncherConfig)}), or from any config given
 * {@code withListener(registry.listener())}.
 *
 * <p>Threading: every method may be called from any thread. The listener's methods run on the launchers' threads
 * and return quickly.
 */
public final class GipcRegistry {

    /** The name under which pipes and pools created without a name are counted. */
    public static final String UNNAMED = "unnamed";

    private final TrackedChildren children = new TrackedChildren();

    private final TrackedPipes pipes = new TrackedPipes();

    private final TrackedPools pools = new TrackedPools();

    private final LauncherListeners forwarded = new LauncherListeners(List.of());

    private final LauncherListener listener = new Listener();

    /**
     * Returns the listener that feeds this registry; give it to every launcher to observe.
     *
     * @return the listener
     */
    public LauncherListener listener() {
        return this.listener;
    }

    /**
     * Adds a listener told about every event this registry receives, after the registry has recorded it.
     *
     * @param other the listener; it must return quickly (an exception is logged and ignored)
     */
    public void addListener(LauncherListener other) {
        this.forwarded.add(other);
    }

    /**
     * Returns the children the registry remembers: running ones, essential ones, and the latest exited others.
     *
     * @return a snapshot, in start order
     */
    public List<ManagedChild> children() {
        return this.children.snapshot();
    }

    /**
     * Returns the latest child the registry remembers with that pid.
     *
     * @param pid the pid
     * @return the child, or {@code null}
     */
    public @Nullable ManagedChild child(long pid) {
        return this.children.find(pid);
    }

    /**
     * Returns the pipes with an end open in this process.
     *
     * @return a snapshot of each, in creation order
     */
    public List<PipeStats> openPipes() {
        return this.pipes.open();
    }

    /**
     * Returns, per pipe name, the totals of every pipe of that name, open and closed.
     *
     * @return one entry per name (unnamed pipes under {@link #UNNAMED}), in the order names were first seen
     */
    public List<PipeTotals> pipeTotals() {
        return this.pipes.totals();
    }

    /**
     * Returns the totals of the pipes of one name.
     *
     * @param name the pipes' name, or {@link #UNNAMED}
     * @return the totals (zero for a name never seen)
     */
    public PipeTotals pipeTotals(String name) {
        return this.pipes.total(name);
    }

    /**
     * Calls {@code callback} once with every pipe name, now for names already seen and later for new ones.
     *
     * @param callback told each name once, on the thread that created the first pipe of that name
     */
    public void onPipeName(Consumer<String> callback) {
        this.pipes.onName(callback);
    }

    /**
     * Returns the worker pools: every open one, and every pool declared under {@code gipc.pools} none of whose
     * workers could start.
     *
     * @return a snapshot, in creation order
     */
    public List<ManagedPool> pools() {
        return this.pools.snapshot();
    }

    /**
     * Calls {@code callback} once with every pool name as meters tag it ({@link #UNNAMED} for pools created without
     * a name), now for names already seen and later for new ones.
     *
     * @param callback told each name once, on the thread that created the first pool of that name
     */
    public void onPoolName(Consumer<String> callback) {
        this.pools.onName(callback);
    }

    /**
     * Returns the pools that meters tag with {@code name}.
     *
     * @param name a pool's name, or {@link #UNNAMED}
     * @return the open pools (and failed declared ones) of that name
     */
    public List<ManagedPool> pools(String name) {
        return this.pools.snapshot().stream()
                .filter(pool -> TrackedPools.meterName(pool).equals(name))
                .toList();
    }

    /** Called by a declared pool before it creates its workers, so that the pool is described as such. */
    void expectPool(String poolName, String entryPoint) {
        this.pools.expect(poolName, entryPoint);
    }

    /** Called by a declared pool none of whose workers could start. */
    void poolFailedToStart(String poolName, String entryPoint, int size, String failure) {
        this.pools.failedToStart(poolName, entryPoint, size, failure);
    }

    /** Called by a declared pool that closed before it could start. */
    void forgetPool(String poolName) {
        this.pools.forget(poolName);
    }

    /** Called by the Spring launcher before it starts an entry point, so that the child is described as such. */
    void expectEntryPoint(String childName, String entryPoint, boolean essential) {
        this.children.expect(childName, entryPoint, essential);
    }

    /** Records, then forwards. */
    private final class Listener implements LauncherListener {

        @Override
        public void childStarted(GipcProcess process, Duration startLatency) {
            GipcRegistry.this.children.started(process);
            GipcRegistry.this.forwarded.childStarted(process, startLatency);
        }

        @Override
        public void childExited(GipcProcess process) {
            GipcRegistry.this.forwarded.childExited(process);
        }

        @Override
        public void childFailedToStart(String name, GipcException failure) {
            GipcRegistry.this.children.failedToStart(name);
            GipcRegistry.this.forwarded.childFailedToStart(name, failure);
        }

        @Override
        public void pipeCreated(PipeTraffic pipe) {
            GipcRegistry.this.pipes.created(pipe);
            GipcRegistry.this.forwarded.pipeCreated(pipe);
        }

        @Override
        public void pipeClosed(PipeTraffic pipe) {
            GipcRegistry.this.pipes.closed(pipe);
            GipcRegistry.this.forwarded.pipeClosed(pipe);
        }

        @Override
        public void poolCreated(WorkerPool pool) {
            GipcRegistry.this.pools.created(pool);
            GipcRegistry.this.forwarded.poolCreated(pool);
        }

        @Override
        public void poolTaskFinished(WorkerPool pool, TaskOutcome outcome, Duration duration) {
            GipcRegistry.this.forwarded.poolTaskFinished(pool, outcome, duration);
        }

        @Override
        public void poolClosed(WorkerPool pool) {
            GipcRegistry.this.pools.closed(pool);
            GipcRegistry.this.forwarded.poolClosed(pool);
        }
    }
}
