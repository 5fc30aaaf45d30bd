package io.gipc.internal.pipe;

/** The child a handle moves to, as error messages name it. */
public interface MoveTarget {

    /**
     * Describes the child, for example {@code child 'worker-1' (pid 4242)}.
     *
     * @return the description
     */
    String describe();

    /**
     * Remembers a handover so that it is aborted if the child ends before finishing it.
     *
     * @param handoff the handover
     */
    void track(Handoff handoff);
}
