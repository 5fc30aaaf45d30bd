package io.gipc;

/**
 * A duplex pipe: two {@link DuplexHandle}s, each reading what the other puts.
 *
 * @param <T> the message type
 */
public interface DuplexPipe<T> extends AutoCloseable {

    /**
     * Returns the first end.
     *
     * @return the first end (the same object on every call)
     */
    DuplexHandle<T> first();

    /**
     * Returns the second end.
     *
     * @return the second end (the same object on every call)
     */
    DuplexHandle<T> second();

    /**
     * Closes both ends this process still holds, even when one of them throws; then rethrows.
     *
     * @throws GipcLockedException an end was in use by another thread
     */
    @Override
    void close();
}
