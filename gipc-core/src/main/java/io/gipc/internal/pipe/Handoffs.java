package io.gipc.internal.pipe;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The handovers under way in this process, by id: the one process-wide registry of moves. A process that exits
 * waits for them first, so that data on its way through it to a child is never lost.
 */
public final class Handoffs {

    private static final ConcurrentHashMap<Long, Handoff> PENDING = new ConcurrentHashMap<>();
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Condition EMPTY = LOCK.newCondition();

    private static volatile java.util.function.LongConsumer attachReporter = id -> {};

    private Handoffs() {}

    /**
     * Sets who tells the parent that a writer handed to this process is attached (the child's control channel).
     *
     * @param reporter the reporter
     */
    public static void setAttachReporter(java.util.function.LongConsumer reporter) {
        attachReporter = reporter;
    }

    static void reportAttached(long id) {
        attachReporter.accept(id);
    }

    static void register(Handoff h) {
        PENDING.put(h.id(), h);
    }

    static void done(long id) {
        if (PENDING.remove(id) != null) {
            LOCK.lock();
            try {
                EMPTY.signalAll();
            } finally {
                LOCK.unlock();
            }
        }
    }

    /**
     * A child reported that it attached the writer of handover {@code id}.
     *
     * @param id the handover
     */
    public static void attached(long id) {
        Handoff h = PENDING.get(id);
        if (h != null) {
            h.finished(true);
        }
    }

    /**
     * The child that should take over {@code id} is gone.
     *
     * @param id the handover
     * @param childStarted whether the child ran its task (one that never did gives the end back)
     */
    public static void abort(long id, boolean childStarted) {
        Handoff h = PENDING.get(id);
        if (h != null) {
            h.abort(childStarted);
        }
    }

    /**
     * Waits until no handover is under way, at most {@code millis}.
     *
     * @param millis the bound
     * @return whether none is left
     */
    public static boolean awaitIdle(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        LOCK.lock();
        try {
            while (!PENDING.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                EMPTY.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PENDING.isEmpty();
        } finally {
            LOCK.unlock();
        }
    }
}
