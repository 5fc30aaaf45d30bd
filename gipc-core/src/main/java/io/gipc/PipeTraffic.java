package io.gipc;

/**
 * The live traffic of one pipe created by a {@link ProcessLauncher}, as a {@link LauncherListener} sees it: its
 * name, whether an end of it is still usable in this process, and its counters.
 *
 * <p>Thread-safe: every method may be called from any thread, at any time, also after the pipe was closed (its
 * counters then stay where they were). The counters count what went through the ends held in this process; ends
 * moved to a child count there.
 */
public interface PipeTraffic {

    /**
     * Returns the pipe's name: the one given at creation, or a generated one ({@code pipe-N}).
     *
     * @return the name
     */
    String name();

    /**
     * Tells whether the name was given at creation. Generated names are unique per pipe, so they are unbounded as
     * metric tags; given names are roles shared by many pipes.
     *
     * @return {@code true} when the pipe was created with a name
     */
    boolean named();

    /**
     * Tells whether an end of the pipe is still usable in this process.
     *
     * @return {@code false} once every end held here is closed or moved to a child
     */
    boolean isOpen();

    /**
     * Returns the pipe's counters now.
     *
     * @return a snapshot; its state is {@code open} or {@code closed}
     */
    PipeStats snapshot();
}
