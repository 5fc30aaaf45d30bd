package io.gipc.internal.pipe;

/**
 * One end on its way to a child: it completes when the child has taken it over, and is aborted when the child
 * ended before that.
 */
public interface Handoff {

    /**
     * Returns the id the child reports when it attached a writer, or a relay's id.
     *
     * @return the id
     */
    long id();

    /**
     * The child ended (or failed to start) before the handover finished.
     *
     * @param childStarted whether the child ran its task; one that never did gives the end back to this process
     */
    void abort(boolean childStarted);

    /**
     * Called by the end itself when its handover finished, successfully or not.
     *
     * @param ok whether the child took it over
     */
    void finished(boolean ok);
}
