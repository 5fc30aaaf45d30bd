package io.gipc;

/**
 * One end of a {@link DuplexPipe}: it reads what the other end puts, and puts what the other end reads.
 *
 * <p>The two directions are independent: one thread may block in {@code get} while another puts. Closing a
 * handle whose one direction is in use by another thread closes the other direction, then throws
 * {@link GipcLockedException} (as gipc does).
 *
 * @param <T> the message type
 */
public interface DuplexHandle<T> extends PipeReader<T>, PipeWriter<T> {

    /**
     * Closes both directions. Idempotent.
     *
     * @throws GipcLockedException one direction is in use by another thread; the other direction is closed
     */
    @Override
    void close();
}
