package io.gipc.internal.pool;

import io.gipc.ChildCallable;
import io.gipc.internal.pipe.MoveTarget;
import io.gipc.internal.pipe.Transfer;
import java.util.concurrent.CompletableFuture;

/**
 * One unit of work for a worker: a submitted task or a batch of {@code map}, its future, and the worker running it
 * (read by {@code cancel(true)}, which kills that worker).
 */
final class PoolTask {

    private final String label;
    private final CompletableFuture<Object> future = new CompletableFuture<>();
    private final int firstInput;
    private ChildCallable<?> lateTask;
    private byte[] request;
    private volatile Worker runningOn;

    private PoolTask(String label, byte[] request, ChildCallable<?> lateTask, int firstInput) {
        this.label = label;
        this.request = request;
        this.lateTask = lateTask;
        this.firstInput = firstInput;
    }

    /** A task whose request is ready: it captures no pipe handle. */
    static PoolTask ready(String label, byte[] request) {
        return new PoolTask(label, request, null, -1);
    }

    /**
     * A task that captures pipe handles: it is serialized again on the dispatcher's thread, which then commits the
     * move to the worker it picked (a transfer's locks belong to the thread that took them).
     */
    static PoolTask withHandles(String label, ChildCallable<?> task) {
        return new PoolTask(label, null, task, -1);
    }

    static PoolTask batch(String label, byte[] request, int firstInput) {
        return new PoolTask(label, request, null, firstInput);
    }

    String label() {
        return label;
    }

    CompletableFuture<Object> future() {
        return future;
    }

    boolean isBatch() {
        return firstInput >= 0;
    }

    int firstInput() {
        return firstInput;
    }

    Worker runningOn() {
        return runningOn;
    }

    void runningOn(Worker worker) {
        runningOn = worker;
    }

    /**
     * Returns the request for {@code target}, moving the task's handles to it.
     *
     * @throws io.gipc.GipcException the task can no longer be serialized (a handle was closed meanwhile)
     */
    byte[] requestFor(MoveTarget target) {
        if (request == null) {
            Transfer transfer = new Transfer();
            byte[] bytes = transfer.serialize(lateTask);
            transfer.commit(target);
            lateTask = null;
            request = Envelope.call(bytes);
        }
        return request;
    }
}
