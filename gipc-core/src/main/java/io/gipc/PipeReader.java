package io.gipc;

import java.time.Duration;

/**
 * The reading end of a pipe.
 *
 * <p>Threading: any number of threads may call {@code get} concurrently; each receives whole, distinct
 * messages, in the order they were put. A blocked {@code get} parks a virtual thread without pinning its
 * carrier. Interrupting a thread blocked in {@code get} fails that call with a {@link GipcException} and closes
 * this handle.
 *
 * <p>Ownership: the handle belongs to the process that holds it. Handing it to a child (by capturing it in a
 * {@link ChildTask}) moves it: it then works in the child and throws {@link GipcClosedException} here.
 *
 * @param <T> the message type
 */
public interface PipeReader<T> extends AutoCloseable {

    /**
     * Returns the next message, waiting as long as it takes.
     *
     * @return the message (may be {@code null} when {@code null} was put)
     * @throws GipcEofException the writing end is closed or gone and no message is left
     * @throws GipcClosedException this handle was closed or moved to a child
     * @throws GipcException the message could not be read or decoded (the pipe stays usable when decoding failed)
     */
    T get();

    /**
     * Returns the next message, waiting at most {@code timeout}; {@link Duration#ZERO} polls. A timeout never
     * consumes or splits a message.
     *
     * @param timeout how long to wait, not negative
     * @return the message
     * @throws GipcTimeoutException no whole message arrived in time
     * @throws GipcEofException the writing end is closed or gone and no message is left
     * @throws GipcClosedException this handle was closed or moved to a child
     */
    T get(Duration timeout);

    /**
     * Closes this end. Idempotent.
     *
     * @throws GipcLockedException another thread is inside {@code get()}; the handle stays open
     */
    @Override
    void close();
}
