package io.gipc.autoconfigure;

import io.gipc.WorkerPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Closes worker pools the way {@link ChildTermination} ends children: every pool at once is asked to
 * {@link WorkerPool#close() close} (queued and running tasks finish, then the workers exit), and the pools still
 * closing after the timeout are {@link WorkerPool#closeNow() closed now} (workers killed, unfinished tasks
 * cancelled).
 *
 * <p>Pools must close before their children are terminated: a pool replaces a worker that dies under it.
 */
final class PoolShutdown {

    private static final Log logger = LogFactory.getLog(PoolShutdown.class);

    private PoolShutdown() {}

    /**
     * Closes the pools, waiting at most {@code timeout} before closing the rest now.
     *
     * @param pools the pools
     * @param timeout how long queued and running tasks get to finish
     */
    static void closeAll(Collection<WorkerPool> pools, Duration timeout) {
        List<Thread> closing = new ArrayList<>();
        for (WorkerPool pool : pools) {
            closing.add(Thread.ofVirtual().name("gipc-close-" + pool.name()).start(() -> quietly(pool::close, pool)));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<WorkerPool> late = new ArrayList<>();
        int i = 0;
        for (WorkerPool pool : pools) {
            if (!joined(closing.get(i++), Math.max(0, deadline - System.nanoTime()))) {
                late.add(pool);
            }
        }
        for (WorkerPool pool : late) {
            logger.warn("gipc: pool '" + pool.name() + "' still had tasks " + timeout.toMillis()
                    + " ms after close (gipc.shutdown.timeout); killing its workers");
            quietly(pool::closeNow, pool);
        }
    }

    private static boolean joined(Thread thread, long nanos) {
        try {
            return thread.join(Duration.ofNanos(nanos));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void quietly(Runnable close, WorkerPool pool) {
        try {
            close.run();
        } catch (RuntimeException ex) {
            logger.debug("gipc: could not close pool '" + pool.name() + "'", ex);
        }
    }
}
