package io.gipc;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * A child JVM started by a {@link ProcessLauncher}.
 *
 * <p>Exit codes: {@code 0} when the task returned, {@code 1} when it threw, {@code n} for
 * {@code System.exit(n)}, and {@code -N} when the child ended because of signal {@code N}, whoever sent it
 * ({@link #terminate()} gives {@code -15}, {@link #kill()} gives {@code -9}).
 *
 * <p>Threading: every method may be called from any thread; {@code join} parks a virtual thread.
 */
public interface GipcProcess {

    /**
     * Returns the operating system's process id.
     *
     * @return the pid
     */
    long pid();

    /**
     * Returns the child's name, unique within its launcher unless the caller chose the same name twice.
     *
     * @return the name
     */
    String name();

    /**
     * Returns when the child was started.
     *
     * @return the start instant
     */
    java.time.Instant startTime();

    /**
     * Tells whether the child has not exited yet.
     *
     * @return {@code true} while the child runs
     */
    boolean isAlive();

    /**
     * Returns the exit code once the exit is known.
     *
     * @return empty while running; the exit code as described in the type's documentation afterwards
     */
    OptionalInt exitCode();

    /** Waits until the child has exited. An interrupt ends the wait with a {@link GipcException}. */
    void join();

    /**
     * Waits at most {@code timeout} for the child to exit.
     *
     * @param timeout how long to wait
     * @return {@code true} when the child has exited
     */
    boolean join(Duration timeout);

    /** Sends SIGTERM: the child's shutdown hooks run and its exit code becomes {@code -15}. */
    void terminate();

    /** Sends SIGKILL: the child ends at once and its exit code becomes {@code -9}. */
    void kill();

    /**
     * Returns a future completed with this process once its exit code is known.
     *
     * @return the future
     */
    CompletableFuture<GipcProcess> onExit();
}
