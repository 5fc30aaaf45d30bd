package io.gipc;

/**
 * The writing end of a pipe.
 *
 * <p>Threading: any number of threads may call {@code put} concurrently; messages never interleave. A
 * {@code put} that finds the pipe's buffer full parks (a virtual thread does not pin its carrier) until the reader
 * drains it. Interrupting a thread blocked in {@code put} fails that call with a {@link GipcException} and closes
 * this handle.
 *
 * <p>Ownership: as for {@link PipeReader}, handing the handle to a child moves it there.
 *
 * @param <T> the message type
 */
public interface PipeWriter<T> extends AutoCloseable {

    /**
     * Encodes and writes one whole message.
     *
     * @param message the message, {@code null} allowed when the codec allows it
     * @throws GipcBrokenPipeException the reading end is gone
     * @throws GipcClosedException this handle was closed or moved to a child
     * @throws GipcException the message could not be encoded or is larger than the pipe's maximum; nothing was
     *     written and the pipe stays usable
     */
    void put(T message);

    /**
     * Closes this end: the reader gets the messages already written, then end of stream. Idempotent.
     *
     * @throws GipcLockedException another thread is inside {@code put()}; the handle stays open
     */
    @Override
    void close();
}
