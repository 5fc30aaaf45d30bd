package io.gipc;

import java.time.Duration;

/**
 * Told about the children of a {@link ProcessLauncher}, for metrics and logging.
 *
 * <p>Methods are called on the launcher's internal threads; they must return quickly and not throw (an exception
 * is logged and ignored).
 */
public interface LauncherListener {

    /**
     * A child has taken over its handles and is about to run its task.
     *
     * @param process the child
     * @param startLatency from the call to {@code start()} until the child reported that it runs the task
     */
    default void childStarted(GipcProcess process, Duration startLatency) {}

    /**
     * A child's exit code is known.
     *
     * @param process the child; {@link GipcProcess#exitCode()} is present
     */
    default void childExited(GipcProcess process) {}

    /**
     * A child could not start (it exited before running its task, or could not be spawned).
     *
     * @param name the child's name
     * @param failure what went wrong
     */
    default void childFailedToStart(String name, GipcException failure) {}
}
