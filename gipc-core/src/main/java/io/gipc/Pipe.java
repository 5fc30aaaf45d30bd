package io.gipc;

/**
 * A simplex pipe: what its {@link #writer()} puts, its {@link #reader()} gets, in order.
 *
 * <p>Both ends start in the process that created the pipe. Hand an end to a child by capturing it in a
 * {@link ChildTask}; capturing the {@code Pipe} itself moves both ends. The pipe buffers a bounded amount of data
 * (like an OS pipe); {@code put} blocks while it is full.
 *
 * @param <T> the message type
 */
public interface Pipe<T> extends AutoCloseable {

    /**
     * Returns the reading end.
     *
     * @return the reading end (the same object on every call)
     */
    PipeReader<T> reader();

    /**
     * Returns the writing end.
     *
     * @return the writing end (the same object on every call)
     */
    PipeWriter<T> writer();

    /**
     * Closes every end this process still holds, even when one of them throws; then rethrows.
     *
     * @throws GipcLockedException an end was in use by another thread
     */
    @Override
    void close();
}
