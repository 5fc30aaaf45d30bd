package io.gipc.internal.pool;

import io.gipc.GipcBrokenPipeException;
import io.gipc.GipcEofException;
import io.gipc.GipcException;
import io.gipc.GipcTimeoutException;
import io.gipc.GipcWorkerDiedException;
import io.gipc.TaskOutcome;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * One place for a worker and its dispatcher thread: takes the next task from the queue, runs it on the worker,
 * replaces the worker when it died, was killed or reached its task limit, and retires it when the pool closes.
 *
 * <p>Only the dispatcher thread exchanges messages with the worker, so one task at a time is in flight on it;
 * other threads only read {@link #worker()} and kill it.
 */
final class Slot implements Runnable {

    private final WorkerPoolImpl pool;
    private final CountDownLatch firstStart = new CountDownLatch(1);
    private volatile Worker worker;
    private volatile CompletableFuture<Worker> next;
    private volatile GipcException firstStartFailure;
    private volatile boolean busy;

    Slot(WorkerPoolImpl pool) {
        this.pool = pool;
    }

    Worker worker() {
        return worker;
    }

    boolean isBusy() {
        return busy;
    }

    /** Waits for the first start of this slot's worker; returns its failure, or null. */
    GipcException awaitFirstStart() throws InterruptedException {
        firstStart.await();
        return firstStartFailure;
    }

    @Override
    public void run() {
        try {
            worker = pool.startWorkerOrNull();
            if (worker == null) {
                firstStartFailure = pool.lastStartFailure();
            }
            firstStart.countDown();
            loop();
        } catch (InterruptedException e) {
            // closeNow() interrupts a dispatcher that waits: end it
        } finally {
            firstStart.countDown();
            end();
        }
    }

    private void loop() throws InterruptedException {
        while (true) {
            if (worker == null && !pool.isKilled() && !pool.queue().isDrained()) {
                // start the replacement ahead of the next task
                worker = pool.startWorkerOrNull();
            }
            PoolTask task = pool.queue().take();
            if (task == null) {
                return;
            }
            if (worker == null) {
                worker = pool.startWorkerOrNull();
                if (worker == null) {
                    pool.finish(task, TaskOutcome.FAILURE, null, pool.startFailureFor(task), System.nanoTime());
                    continue;
                }
            }
            run(task, worker);
            Worker w = worker;
            if (w.isBroken()) {
                worker = null;
                w.discard();
            } else if (pool.maxTasksPerWorker() > 0 && w.tasks() >= pool.maxTasksPerWorker()) {
                worker = takeNext();
                Thread.ofVirtual()
                        .name("gipc-pool-retire-" + w.process().name())
                        .start(w::retire);
            }
        }
    }

    private Worker takeNext() {
        CompletableFuture<Worker> f = next;
        next = null;
        return f == null ? null : f.join();
    }

    private void run(PoolTask task, Worker w) {
        long start = System.nanoTime();
        task.runningOn(w);
        if (task.future().isDone() || pool.isKilled()) {
            // cancelled between take() and now, or closeNow() raced with the take
            pool.finish(task, TaskOutcome.CANCELLED, null, null, start);
            return;
        }
        try {
            byte[] request;
            try {
                request = task.requestFor(w.moveTarget());
            } catch (GipcException e) {
                pool.finish(task, TaskOutcome.FAILURE, null, e, start);
                return;
            }
            // counted before the slot shows busy: whoever sees it busy sees the task in the worker's count
            w.countTask();
            busy = true;
            if (pool.maxTasksPerWorker() > 0 && w.tasks() == pool.maxTasksPerWorker() && !pool.isKilled()) {
                // the worker's last task: its replacement starts now, while the task runs
                next = CompletableFuture.supplyAsync(
                        pool::startWorkerOrNull, r -> Thread.ofVirtual().start(r));
            }
            exchange(task, w, request, start);
        } finally {
            busy = false;
            task.runningOn(null);
        }
    }

    private void exchange(PoolTask task, Worker w, byte[] request, long start) {
        Duration timeout = pool.taskTimeout();
        byte[] reply;
        try {
            reply = w.exchange(request, timeout);
        } catch (GipcTimeoutException e) {
            w.kill();
            pool.finish(
                    task,
                    TaskOutcome.TIMEOUT,
                    null,
                    new GipcTimeoutException(task.label() + " of pool '" + pool.name() + "' ran longer than " + timeout
                            + " in " + w.describe() + "; the worker was killed and is being replaced"),
                    start);
            return;
        } catch (GipcEofException | GipcBrokenPipeException e) {
            if (task.future().isCancelled() || pool.isKilled()) {
                pool.finish(task, TaskOutcome.CANCELLED, null, null, start);
                return;
            }
            OptionalInt code = w.awaitExitCode();
            pool.finish(
                    task,
                    TaskOutcome.DIED,
                    null,
                    new GipcWorkerDiedException(
                            w.describe() + " of pool '" + pool.name() + "' died while running " + task.label()
                                    + (code.isPresent() ? " (exit code " + code.getAsInt() + ")" : "")
                                    + "; the worker is being replaced and the task was not run again",
                            code),
                    start);
            return;
        } catch (GipcException e) {
            w.kill();
            pool.finish(task, TaskOutcome.FAILURE, null, e, start);
            return;
        }
        Object value;
        try {
            value = pool.replies().decode(task, reply, w);
        } catch (GipcException e) {
            pool.finish(task, TaskOutcome.FAILURE, null, e, start);
            return;
        }
        pool.finish(task, TaskOutcome.SUCCESS, value, null, start);
    }

    /** Kills this slot's workers, for closeNow(). */
    void kill() {
        Worker w = worker;
        if (w != null) {
            w.kill();
        }
        CompletableFuture<Worker> f = next;
        if (f != null) {
            f.thenAccept(n -> {
                if (n != null) {
                    n.kill();
                }
            });
        }
    }

    private void end() {
        Worker w = worker;
        worker = null;
        Worker n = takeNextQuietly();
        for (Worker each : new Worker[] {w, n}) {
            if (each == null) {
                continue;
            }
            if (pool.isKilled()) {
                each.discard();
            } else {
                each.retire();
            }
        }
    }

    private Worker takeNextQuietly() {
        try {
            return takeNext();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
