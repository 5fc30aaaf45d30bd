package io.gipc.internal.pool;

import io.gipc.ChildFunction;
import io.gipc.GipcException;
import io.gipc.internal.pipe.Transfer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code map}: cuts the inputs into batches (about four per worker, so that a slow batch does not leave the
 * other workers idle, and at most {@link #MAX_BATCH} inputs so that one message stays small), queues them, and
 * gathers the results in input order.
 */
final class MapRun {

    static final int MAX_BATCH = 1000;

    private final WorkerPoolImpl pool;

    MapRun(WorkerPoolImpl pool) {
        this.pool = pool;
    }

    @SuppressWarnings("unchecked")
    <T, R> List<R> run(ChildFunction<T, R> function, List<? extends T> inputs) {
        if (function == null || inputs == null) {
            throw new IllegalArgumentException("map needs a function and a list of inputs");
        }
        if (inputs.isEmpty()) {
            return List.of();
        }
        byte[] functionBytes = serialize(function);
        int n = inputs.size();
        int perBatch = Math.max(1, Math.min(MAX_BATCH, ceilDiv(n, 4 * pool.size())));
        List<PoolTask> batches = new ArrayList<>();
        for (int from = 0; from < n; from += perBatch) {
            int to = Math.min(n, from + perBatch);
            byte[] encoded = encode(inputs.subList(from, to), from);
            String label = "map batch " + pool.nextTaskNumber() + " (inputs " + from + ".." + (to - 1) + ")";
            PoolTask batch = PoolTask.batch(label, Envelope.map(functionBytes, encoded), from);
            batch.future().whenComplete((v, e) -> {
                if (e != null && !batch.future().isCancelled()) {
                    cancelQueued(batches);
                }
            });
            batches.add(batch);
        }
        synchronizedEnqueue(batches);
        CompletableFuture<?>[] all = batches.stream().map(PoolTask::future).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).exceptionally(e -> null).get();
        } catch (InterruptedException e) {
            batches.forEach(b -> b.future().cancel(true));
            Thread.currentThread().interrupt();
            throw new GipcException("interrupted while map waited for pool '" + pool.name() + "'", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return (List<R>) gather(batches, n);
    }

    private static List<Object> gather(List<PoolTask> batches, int n) {
        List<Object> results = new ArrayList<>(n);
        RuntimeException cancelled = null;
        for (PoolTask b : batches) {
            CompletableFuture<Object> f = b.future();
            if (f.isCancelled()) {
                // a consequence of another batch's failure, unless closeNow() cancelled them all
                cancelled = new CancellationException(b.label() + " was cancelled");
                continue;
            }
            if (f.isCompletedExceptionally()) {
                Throwable t = f.exceptionNow();
                throw t instanceof RuntimeException re ? re : new GipcException(t.toString(), t);
            }
            if (cancelled == null) {
                results.addAll((List<?>) f.resultNow());
            }
        }
        if (cancelled != null) {
            throw cancelled;
        }
        return results;
    }

    private void synchronizedEnqueue(List<PoolTask> batches) {
        for (PoolTask b : batches) {
            pool.enqueue(b);
        }
    }

    private void cancelQueued(List<PoolTask> batches) {
        for (PoolTask b : List.copyOf(batches)) {
            // only queued batches: cancelling a running one would kill its worker
            if (pool.queue().remove(b)) {
                pool.finish(b, io.gipc.TaskOutcome.CANCELLED, null, null, System.nanoTime());
            }
        }
    }

    private byte[] serialize(ChildFunction<?, ?> function) {
        Transfer transfer = new Transfer();
        byte[] bytes = transfer.serialize(function);
        if (!transfer.isEmpty()) {
            transfer.rollback();
            throw new IllegalArgumentException("a map function cannot capture pipe handles (a handle moves to one "
                    + "worker only): submit one task per handle instead");
        }
        return bytes;
    }

    private byte[] encode(List<?> batch, int from) {
        try {
            return pool.codec().encode(new ArrayList<>(batch));
        } catch (Exception e) {
            throw new GipcException(
                    "map on pool '" + pool.name() + "': inputs " + from + ".." + (from + batch.size() - 1)
                            + " cannot be encoded by the pool's codec: " + e,
                    e);
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
