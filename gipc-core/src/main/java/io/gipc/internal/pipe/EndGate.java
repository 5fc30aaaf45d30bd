package io.gipc.internal.pipe;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Who is inside an end: any number of callers of {@code get}/{@code put}, or one claim by {@code close()} or a move
 * to a child. A claim succeeds only when nobody is inside and keeps everybody out until it is released, so
 * {@code close()} and {@code start()} never wait for a blocked {@code get}/{@code put}: they see it and refuse
 * ({@link io.gipc.GipcLockedException}), or they win and the caller sees the end closed or moved.
 */
final class EndGate {

    private static final int CLAIMED = 1 << 30;

    private final AtomicInteger state = new AtomicInteger();

    /** Lets a caller in; false when the end is claimed. Every true must be followed by {@link #exit()}. */
    boolean enter() {
        while (true) {
            int s = state.get();
            if ((s & CLAIMED) != 0) {
                return false;
            }
            if (state.compareAndSet(s, s + 1)) {
                return true;
            }
        }
    }

    /**
     * Lets a caller in, waiting out a claim in progress: a move holds {@code lock} until it is committed or rolled
     * back, a close settles under it. {@code checkOpen} throws once the claim left the end closed or moved.
     */
    void enter(ReentrantLock lock, Runnable checkOpen) {
        while (!enter()) {
            lock.lock();
            lock.unlock();
            checkOpen.run();
            Thread.onSpinWait();
        }
    }

    void exit() {
        state.decrementAndGet();
    }

    /** Claims the end for closing or moving; false when a caller is inside or it is claimed already. */
    boolean claim() {
        return state.compareAndSet(0, CLAIMED);
    }

    /** Releases a claim: a move was rolled back, or an end came back from a child that never started. */
    void release() {
        state.set(0);
    }

    boolean inUse() {
        int s = state.get();
        return (s & CLAIMED) == 0 && s > 0;
    }
}
