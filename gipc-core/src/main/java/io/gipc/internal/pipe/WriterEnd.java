package io.gipc.internal.pipe;

import io.gipc.Codec;
import io.gipc.GipcBrokenPipeException;
import io.gipc.GipcClosedException;
import io.gipc.GipcException;
import io.gipc.GipcLockedException;
import io.gipc.PipeWriter;
import java.io.IOException;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The writing end of a simplex channel: one connection to the reader's socket at a time, numbered by segment.
 *
 * <p>{@link #lock} serializes {@code put}s, moves and redirects. A watcher virtual thread per connection reads
 * what the reader sends back: {@link Wire#REDIRECT} (the reader moved: end this segment and connect again) or end
 * of stream (the reader is gone: later puts fail at once).
 *
 * @param <T> the message type
 */
public final class WriterEnd<T> implements PipeWriter<T>, PipeHandle, Movable, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    static final String WHOLE_PIPE_NOTE = ", because the task captured the whole pipe; capture only the end to pass"
            + " (for example var r = pipe.reader();) to keep the other end here";

    private final transient PipeAddress address;
    private final transient Codec<T> codec;
    private final transient PipeCounters counters;
    private final transient ReentrantLock lock = new ReentrantLock();
    private final transient ByteBuffer header = ByteBuffer.allocate(4);
    private final transient java.util.concurrent.atomic.AtomicInteger puts =
            new java.util.concurrent.atomic.AtomicInteger();
    private transient volatile SocketChannel conn;
    private final transient WriteBehind behind = new WriteBehind(lock, () -> conn, () -> readerGone = true);
    private transient int segment;
    private transient volatile boolean readerGone;
    private transient volatile String closedReason;
    private transient boolean moving;
    private transient long handoffId;

    private WriterEnd(PipeAddress address, Codec<T> codec, PipeCounters counters, int segment, String reason) {
        this.address = address;
        this.codec = codec;
        this.counters = counters;
        this.segment = segment;
        this.closedReason = reason;
    }

    static <T> WriterEnd<T> connect(PipeAddress address, Codec<T> codec, PipeCounters counters, int segment) {
        WriterEnd<T> w = new WriterEnd<>(address, codec, counters, segment, null);
        w.lock.lock();
        try {
            w.open();
        } finally {
            w.lock.unlock();
        }
        return w;
    }

    static <T> WriterEnd<T> absent(PipeAddress address, Codec<T> codec) {
        return new WriterEnd<>(address, codec, new PipeCounters(address.name()), 0, "was not handed to this process");
    }

    /** Connects for {@link #segment}; on failure the reader is gone. Call with the lock held. */
    private void open() {
        try {
            SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(address.socketPath()));
            Wire.writeFully(ch, Wire.hello(address, Wire.DATA, segment));
            conn = ch;
            Thread.ofVirtual().name("gipc-watch-" + address.name()).start(() -> watch(ch));
        } catch (IOException e) {
            conn = null;
            readerGone = true;
        }
    }

    private void watch(SocketChannel ch) {
        ByteBuffer b = ByteBuffer.allocate(1);
        while (true) {
            b.clear();
            int n;
            try {
                n = ch.read(b);
            } catch (IOException e) {
                n = -1;
            }
            if (n < 0) {
                if (conn == ch && !moving) {
                    readerGone = true;
                }
                return;
            }
            if (b.get(0) == Wire.REDIRECT) {
                redirect(ch);
            }
        }
    }

    /** The reader moved: end this segment and connect to its new holder. */
    private void redirect(SocketChannel ch) {
        lock.lock();
        try {
            if (conn != ch || moving || closedReason != null) {
                return;
            }
            behind.drainUninterruptibly();
            try {
                Wire.writeInt(ch, Wire.END);
            } catch (IOException e) {
                readerGone = true;
                return;
            }
            ReaderCore.closeQuietly(ch);
            segment++;
            open();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void put(T message) {
        checkOpen();
        byte[] payload;
        try {
            payload = codec.encode(message);
        } catch (Exception e) {
            throw new GipcException(
                    "could not encode a message of " + describe(message) + " for " + address + " with " + codec + ": "
                            + e + "; nothing was written",
                    e);
        }
        if (payload.length > address.maxMessageSize()) {
            throw new GipcException("a message of " + payload.length + " bytes is larger than the maximum of "
                    + address.maxMessageSize() + " bytes of " + address
                    + "; nothing was written (raise the launcher's maxMessageSize)");
        }
        puts.incrementAndGet();
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            puts.decrementAndGet();
            Thread.currentThread().interrupt();
            closeInterrupted();
            throw new GipcException("interrupted in put() on " + address + "; the writing end is now closed", e);
        }
        try {
            checkOpen();
            if (readerGone || conn == null) {
                throw broken(null);
            }
            if (!behind.offer(payload)) {
                behind.drain();
                if (readerGone || conn == null) {
                    throw broken(null);
                }
                header.clear().putInt(payload.length).flip();
                Wire.writePayload(conn, header, payload);
                behind.markPutEnd();
            }
            counters.sent(payload.length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closedReason = "was closed because a thread was interrupted in put()";
            behind.discard();
            ReaderCore.closeQuietly(conn);
            conn = null;
            throw new GipcException("interrupted in put() on " + address + "; the writing end is now closed", e);
        } catch (ClosedByInterruptException e) {
            behind.discard();
            conn = null;
            closedReason = "was closed because a thread was interrupted in put()";
            throw new GipcException("interrupted in put() on " + address + "; the writing end is now closed", e);
        } catch (IOException e) {
            readerGone = true;
            throw broken(e);
        } finally {
            lock.unlock();
            puts.decrementAndGet();
        }
    }

    private static String describe(Object message) {
        return message == null ? "null" : "class " + message.getClass().getName();
    }

    private GipcBrokenPipeException broken(IOException cause) {
        return new GipcBrokenPipeException(
                "broken " + address
                        + ": the reading end was closed or its process ended; the message was not delivered",
                cause);
    }

    private void checkOpen() {
        String reason = closedReason;
        if (reason != null) {
            throw new GipcClosedException("the writing end of " + address + " " + reason);
        }
    }

    private void closeInterrupted() {
        lock.lock();
        try {
            closedReason = "was closed because a thread was interrupted in put()";
            behind.discard();
            ReaderCore.closeQuietly(conn);
            conn = null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        if (puts.get() > 0) {
            throw new GipcLockedException(
                    "cannot close the writing end of " + address + ": another thread is inside put(); it stays open");
        }
        lock.lock();
        try {
            if (closedReason == null) {
                closedReason = "was closed";
                behind.drainUninterruptibly();
                ReaderCore.closeQuietly(conn);
                conn = null;
            }
        } finally {
            lock.unlock();
        }
    }

    boolean isOpen() {
        return closedReason == null;
    }

    /**
     * Waits until every writer of this process has written what it queued: called before a process exits.
     *
     * @param millis the bound
     */
    public static void flushAll(long millis) {
        WriteBehind.awaitAllFlushed(millis);
    }

    // ---- moving to a child ----

    @Serial
    private Object writeReplace() throws ObjectStreamException {
        Transfer t = Transfer.current();
        Object known = t.refOf(this);
        if (known != null) {
            return known;
        }
        if (puts.get() > 0) {
            throw new GipcLockedException(
                    "cannot hand the writing end of " + address + " to a child: another thread is inside put()");
        }
        lock.lock();
        if (closedReason != null) {
            lock.unlock();
            throw new GipcClosedException(
                    "cannot hand the writing end of " + address + " to a child: it " + closedReason);
        }
        handoffId = Secrets.nextLong();
        Object ref = new WriterRef<>(address, codec, segment + 1, handoffId, false);
        t.add(this, ref);
        return ref;
    }

    Object refOrAbsent() throws ObjectStreamException {
        return closedReason != null ? new WriterRef<>(address, codec, 0, 0, true) : writeReplace();
    }

    @Override
    public void commitMove(MoveTarget target, boolean wholePipe) {
        try {
            moving = true;
            closedReason = "was moved to " + target.describe() + (wholePipe ? WHOLE_PIPE_NOTE : "");
            track(handoffId, target);
        } finally {
            lock.unlock();
        }
    }

    /** Registers the handover whose id went to the child in the reference. */
    private void track(long id, MoveTarget target) {
        EndHandoff.register(id, target, () -> release(false), this::release);
    }

    /** The child attached (end our segment so the reader goes on with the child's) or is gone (just close). */
    private void release(boolean attached) {
        lock.lock();
        try {
            behind.drainUninterruptibly();
            SocketChannel ch = conn;
            conn = null;
            if (ch != null) {
                if (attached) {
                    try {
                        Wire.writeInt(ch, Wire.END);
                    } catch (IOException e) {
                        // the reader is gone; closing is all that is left
                    }
                }
                ReaderCore.closeQuietly(ch);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void rollbackMove() {
        lock.unlock();
    }

    /** What travels to the child in place of a writing end. */
    record WriterRef<T>(PipeAddress address, Codec<T> codec, int segment, long handoffId, boolean absent)
            implements Serializable {
        @Serial
        private Object readResolve() {
            if (absent) {
                return WriterEnd.absent(address, codec);
            }
            WriterEnd<T> w = WriterEnd.connect(address, codec, new PipeCounters(address.name()), segment);
            Handoffs.reportAttached(handoffId);
            return w;
        }
    }
}
