package io.gipc.internal.pool;

import io.gipc.ChildCallable;
import io.gipc.ChildFunction;
import io.gipc.Codec;
import io.gipc.GipcClosedException;
import io.gipc.GipcException;
import io.gipc.GipcProcess;
import io.gipc.LauncherListener;
import io.gipc.ProcessLauncher;
import io.gipc.TaskOutcome;
import io.gipc.WorkerPool;
import io.gipc.WorkerPoolOptions;
import io.gipc.WorkerPoolStats;
import io.gipc.WorkerStats;
import io.gipc.internal.pipe.Transfer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

/**
 * A worker pool: a queue of tasks and one {@link Slot} (a worker and its dispatcher thread) per worker.
 *
 * <p>The constructor starts and warms every worker and returns once each has started or failed; it fails only
 * when none could start.
 */
public final class WorkerPoolImpl implements WorkerPool {

    private static final System.Logger LOG = System.getLogger("io.gipc.pool");
    private static final ChildCallable<Object> NO_OP = () -> null;

    private final ProcessLauncher launcher;
    private final Codec<Object> codec;
    private final WorkerPoolOptions options;
    private final String name;
    private final LauncherListener listener;
    private final Consumer<WorkerPoolImpl> onClosed;
    private final TaskQueue queue = new TaskQueue();
    private final Replies replies;
    private final List<Slot> slots = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger workerNumbers = new AtomicInteger();
    private final AtomicLong taskNumbers = new AtomicLong();
    private final AtomicLong workersStarted = new AtomicLong();
    private final AtomicLongArray completed = new AtomicLongArray(TaskOutcome.values().length);
    private final MapRun mapRun;
    private volatile String lastStartFailure;
    private volatile boolean closed;
    private volatile boolean killed;

    /**
     * Creates the pool and starts its workers.
     *
     * @param launcher the launcher whose children the workers are
     * @param codec the codec of values, inputs and exceptions
     * @param options the options
     * @param name the pool's name
     * @param listener told about tasks and the pool's life
     * @param onClosed told once the pool has closed
     * @throws GipcException no worker could start (the message says why)
     */
    public WorkerPoolImpl(
            ProcessLauncher launcher,
            Codec<Object> codec,
            WorkerPoolOptions options,
            String name,
            LauncherListener listener,
            Consumer<WorkerPoolImpl> onClosed) {
        this.launcher = launcher;
        this.codec = codec;
        this.options = options;
        this.name = name;
        this.listener = listener;
        this.onClosed = onClosed;
        this.replies = new Replies(codec, name);
        this.mapRun = new MapRun(this);
        for (int i = 0; i < options.workers(); i++) {
            Slot slot = new Slot(this);
            slots.add(slot);
            threads.add(Thread.ofPlatform()
                    .daemon()
                    .name("gipc-pool-" + name + "-" + (i + 1))
                    .start(slot));
        }
        GipcException failure = awaitFirstStarts();
        if (failure != null) {
            closeNow();
            throw new GipcException("pool '" + name + "' could not start any worker: " + failure.getMessage(), failure);
        }
    }

    private GipcException awaitFirstStarts() {
        GipcException first = null;
        int started = 0;
        try {
            for (Slot slot : slots) {
                GipcException f = slot.awaitFirstStart();
                if (f == null) {
                    started++;
                } else if (first == null) {
                    first = f;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GipcException("interrupted while pool '" + name + "' started its workers", e);
        }
        return started == 0 ? first : null;
    }

    // ---- for the slots ----

    TaskQueue queue() {
        return queue;
    }

    Replies replies() {
        return replies;
    }

    boolean isKilled() {
        return killed;
    }

    int maxTasksPerWorker() {
        return options.maxTasksPerWorker();
    }

    Duration taskTimeout() {
        return options.taskTimeout();
    }

    GipcException lastStartFailure() {
        String f = lastStartFailure;
        return f == null ? null : new GipcException(f);
    }

    GipcException startFailureFor(PoolTask task) {
        return new GipcException(task.label() + " of pool '" + name + "' did not run: no worker could be started ("
                + lastStartFailure + ")");
    }

    /** Starts and warms a worker; returns null (and remembers why) when it failed or the pool was killed. */
    Worker startWorkerOrNull() {
        if (killed) {
            return null;
        }
        Worker w;
        String workerName = name + "-worker-" + workerNumbers.incrementAndGet();
        try {
            w = Worker.start(launcher, codec, workerName, "gipc-pool-" + name, options.childOptions());
        } catch (RuntimeException e) {
            lastStartFailure = "worker '" + workerName + "' could not start: " + e.getMessage();
            LOG.log(System.Logger.Level.WARNING, "pool '" + name + "': " + lastStartFailure, e);
            return null;
        }
        try {
            warmUp(w, NO_OP);
            if (options.warmUp() != null) {
                warmUp(w, options.warmUp());
            }
        } catch (RuntimeException e) {
            lastStartFailure = w.describe() + " failed its warm-up: " + e.getMessage();
            LOG.log(System.Logger.Level.WARNING, "pool '" + name + "': " + lastStartFailure, e);
            w.discard();
            return null;
        }
        if (killed) {
            w.discard();
            return null;
        }
        lastStartFailure = null;
        workersStarted.incrementAndGet();
        return w;
    }

    private void warmUp(Worker w, ChildCallable<?> task) {
        PoolTask warm = PoolTask.ready("the warm-up", Envelope.call(new Transfer().serialize(task)));
        replies.decode(warm, w.exchange(warm.requestFor(w.moveTarget()), options.taskTimeout()), w);
    }

    /**
     * Counts a task's outcome, tells the listener, then completes its future: whoever sees the future complete also
     * sees it counted in {@link #stats()} and in the meters.
     */
    void finish(PoolTask task, TaskOutcome outcome, Object value, Throwable failure, long startNanos) {
        TaskOutcome counted = task.future().isCancelled() ? TaskOutcome.CANCELLED : outcome;
        completed.incrementAndGet(counted.ordinal());
        Duration d = Duration.ofNanos(System.nanoTime() - startNanos);
        safely(() -> listener.poolTaskFinished(this, counted, d));
        boolean completedHere;
        if (counted == TaskOutcome.CANCELLED) {
            completedHere = task.future().cancel(false);
        } else if (failure != null) {
            completedHere = task.future().completeExceptionally(failure);
        } else {
            completedHere = task.future().complete(value);
        }
        if (!completedHere && counted != TaskOutcome.CANCELLED && task.future().isCancelled()) {
            // cancelled between the check and the completion: the count follows what the caller sees
            completed.decrementAndGet(counted.ordinal());
            completed.incrementAndGet(TaskOutcome.CANCELLED.ordinal());
        }
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a LauncherListener threw; ignored", e);
        }
    }

    // ---- WorkerPool ----

    @Override
    @SuppressWarnings("unchecked")
    public <R> CompletableFuture<R> submit(ChildCallable<R> task) {
        if (task == null) {
            throw new IllegalArgumentException("task must not be null");
        }
        checkOpen();
        String label = "task " + taskNumbers.incrementAndGet();
        Transfer transfer = new Transfer();
        PoolTask pooled;
        try {
            byte[] bytes = transfer.serialize(task);
            if (transfer.isEmpty()) {
                pooled = PoolTask.ready(label, Envelope.call(bytes));
            } else {
                // this thread's locks cannot travel to the dispatcher: serialize again there
                transfer.rollback();
                pooled = PoolTask.withHandles(label, task);
            }
        } catch (GipcException e) {
            return CompletableFuture.failedFuture(
                    new GipcException(label + " of pool '" + name + "' cannot be sent: " + e.getMessage(), e));
        }
        enqueue(pooled);
        return (CompletableFuture<R>) pooled.future();
    }

    /** Queues a task and has its cancellation remove it or kill its worker. */
    void enqueue(PoolTask task) {
        task.future().whenComplete((v, e) -> {
            if (task.future().isCancelled()) {
                onCancelled(task);
            }
        });
        if (!queue.offer(task)) {
            throw closedException();
        }
    }

    private void onCancelled(PoolTask task) {
        if (queue.remove(task)) {
            completed.incrementAndGet(TaskOutcome.CANCELLED.ordinal());
            safely(() -> listener.poolTaskFinished(this, TaskOutcome.CANCELLED, Duration.ZERO));
            return;
        }
        Worker w = task.runningOn();
        if (w != null) {
            w.kill();
        }
    }

    @Override
    public <T, R> List<R> map(ChildFunction<T, R> function, List<? extends T> inputs) {
        checkOpen();
        return mapRun.run(function, inputs);
    }

    Codec<Object> codec() {
        return codec;
    }

    long nextTaskNumber() {
        return taskNumbers.incrementAndGet();
    }

    private void checkOpen() {
        if (closed) {
            throw closedException();
        }
    }

    private GipcClosedException closedException() {
        return new GipcClosedException("pool '" + name + "' is closed: it takes no new tasks");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean named() {
        return options.name() != null;
    }

    @Override
    public int size() {
        return options.workers();
    }

    /**
     * Returns the options the pool was built with.
     *
     * @return the options
     */
    public WorkerPoolOptions options() {
        return options;
    }

    @Override
    public List<GipcProcess> workers() {
        List<GipcProcess> out = new ArrayList<>();
        for (Slot slot : slots) {
            Worker w = slot.worker();
            if (w != null && w.process().isAlive()) {
                out.add(w.process());
            }
        }
        return out;
    }

    @Override
    public WorkerPoolStats stats() {
        int busy = 0;
        List<WorkerStats> live = new ArrayList<>();
        for (Slot slot : slots) {
            boolean slotBusy = slot.isBusy();
            busy += slotBusy ? 1 : 0;
            Worker w = slot.worker();
            if (w != null && w.process().isAlive()) {
                live.add(new WorkerStats(w.process().name(), w.process().pid(), slotBusy, w.tasks()));
            }
        }
        Map<TaskOutcome, Long> counts = new EnumMap<>(TaskOutcome.class);
        for (TaskOutcome o : TaskOutcome.values()) {
            counts.put(o, completed.get(o.ordinal()));
        }
        return new WorkerPoolStats(
                name,
                size(),
                live.size(),
                busy,
                queue.size(),
                counts,
                workersStarted.get(),
                lastStartFailure,
                closed,
                live);
    }

    @Override
    public void close() {
        if (closed) {
            awaitSlots();
            return;
        }
        closed = true;
        queue.close();
        awaitSlots();
        ended();
    }

    @Override
    public void closeNow() {
        boolean first = !killed;
        closed = true;
        killed = true;
        for (PoolTask task : queue.closeAndDrain()) {
            finish(task, TaskOutcome.CANCELLED, null, null, System.nanoTime());
        }
        for (Slot slot : slots) {
            slot.kill();
        }
        awaitSlots();
        if (first) {
            ended();
        }
    }

    private void awaitSlots() {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GipcException("interrupted while pool '" + name + "' closed", e);
            }
        }
    }

    private final java.util.concurrent.atomic.AtomicBoolean endedOnce = new java.util.concurrent.atomic.AtomicBoolean();

    private void ended() {
        if (endedOnce.compareAndSet(false, true)) {
            onClosed.accept(this);
            safely(() -> listener.poolClosed(this));
        }
    }

    @Override
    public String toString() {
        return "pool '" + name + "' (" + size() + " workers)";
    }
}
