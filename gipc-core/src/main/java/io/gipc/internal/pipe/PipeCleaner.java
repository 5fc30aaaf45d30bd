package io.gipc.internal.pipe;

import java.lang.ref.Cleaner;

/**
 * Closes pipe ends that nobody references any more, as an unreferenced {@code FileInputStream} closes its file:
 * their sockets and the reader's socket file are freed, and the other end sees end of stream or a broken pipe.
 *
 * <p>The JVM's one cleaner for pipe ends, process-wide by nature. An end registers the action that closes its core;
 * the core never refers back to the end, so the end becomes unreachable once the user drops it. Closing this way
 * never takes an end that a thread is using or that is moving to a child.
 */
final class PipeCleaner {

    // a platform thread: the cleaner's wait for references must not hold a virtual thread's carrier on JDK 21
    private static final Cleaner CLEANER = Cleaner.create(r -> Thread.ofPlatform()
            .daemon()
            .name("gipc-cleaner")
            .stackSize(256 << 10)
            .unstarted(r));

    private PipeCleaner() {}

    /** Runs {@code close} once {@code end} is unreachable (never if it is closed explicitly first, as a no-op). */
    static void register(Object end, Runnable close) {
        CLEANER.register(end, close);
    }
}
