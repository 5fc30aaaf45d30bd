package io.gipc;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Bounded waits for states that announce themselves to nobody (a file gone from /proc, a thread parked): checks the
 * condition until it holds or one deadline passes, then fails naming what did not happen.
 */
final class Await {

    private static final long PAUSE_NANOS = Duration.ofMillis(1).toNanos();

    private Await() {}

    /**
     * Returns once {@code condition} holds.
     *
     * @param timeout how long to wait at most, from now; never extended
     * @param condition checked at once, then about every millisecond
     * @param what what the condition means, for the failure message
     * @throws AssertionError when the condition still does not hold after {@code timeout}
     */
    static void until(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("within " + timeout + ", expected: " + what);
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }
}
