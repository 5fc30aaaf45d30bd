package io.gipc.internal.pipe;

import io.gipc.Codec;
import io.gipc.GipcBrokenPipeException;
import io.gipc.GipcClosedException;
import io.gipc.GipcException;
import io.gipc.GipcLockedException;
import java.io.IOException;
import java.io.ObjectStreamException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a writing end ({@link WriterEnd}, the object users hold) does: one connection to the reader's socket at a
 * time, numbered by segment. It never refers to its {@link WriterEnd}, so that an end nobody references any more
 * can be collected and this core closed (see {@link PipeCleaner}).
 *
 * <p>{@link #gate} says who is inside: {@code put}s, or a claim by {@code close()} or a move, so that neither
 * waits for a blocked put. {@link #lock} serializes {@code put}s, redirects and the end of a move. A watcher
 * virtual thread per connection reads what the reader sends back: {@link Wire#REDIRECT} (the reader moved:
 * connect to its new holder, then end this segment) or end of stream (the reader is gone: later puts fail at
 * once).
 *
 * <p>No put that returned is lost while the reader lives: closing, an interrupted put and a move all let the
 * frames queued in {@link WriteBehind} reach the socket before the connection ends.
 *
 * @param <T> the message type
 */
final class WriterCore<T> {

    static final String WHOLE_PIPE_NOTE = ", because the task captured the whole pipe; capture only the end to pass"
            + " (for example var r = pipe.reader();) to keep the other end here";
    private static final String INTERRUPTED = "was closed because a thread was interrupted in put()";

    private final PipeAddress address;
    private final Codec<T> codec;
    private final PipeCounters counters;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition redirected = lock.newCondition();
    private final EndGate gate = new EndGate();
    private final ByteBuffer header = ByteBuffer.allocate(4);
    private volatile SocketChannel conn;
    private final WriteBehind behind = new WriteBehind(lock, () -> conn, () -> readerGone = true);
    /** The reader, when it lives in this process: its close is seen at once. */
    private volatile ReaderCore localReader;

    private int segment;
    private volatile boolean readerGone;
    private volatile String closedReason;
    private boolean moving;
    private boolean redirecting;
    private long handoffId;

    private WriterCore(PipeAddress address, Codec<T> codec, PipeCounters counters, int segment, String reason) {
        this.address = address;
        this.codec = codec;
        this.counters = counters;
        this.segment = segment;
        this.closedReason = reason;
        if (reason != null) {
            gate.claim();
        }
    }

    static <T> WriterCore<T> connect(PipeAddress address, Codec<T> codec, PipeCounters counters, int segment) {
        WriterCore<T> w = new WriterCore<>(address, codec, counters, segment, null);
        w.lock.lock();
        try {
            SocketChannel ch = w.connectSegment(segment);
            if (ch == null) {
                w.readerGone = true;
            } else {
                w.attach(ch);
            }
        } finally {
            w.lock.unlock();
        }
        return w;
    }

    static <T> WriterCore<T> absent(PipeAddress address, Codec<T> codec) {
        return new WriterCore<>(address, codec, new PipeCounters(address.name()), 0, "was not handed to this process");
    }

    /** Opens a connection for segment {@code n} and says hello; null when the reader is gone. */
    private SocketChannel connectSegment(int n) {
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open(UnixDomainSocketAddress.of(address.socketPath()));
            Wire.writeFully(ch, Wire.hello(address, Wire.DATA, n));
            return ch;
        } catch (IOException e) {
            ReaderCore.closeQuietly(ch);
            return null;
        }
    }

    /** Makes {@code ch} the connection puts write to. Call with the lock held. */
    private void attach(SocketChannel ch) {
        conn = ch;
        localReader = LocalReaders.find(address.id());
        Thread.ofVirtual().name("gipc-watch-" + address.name()).start(() -> watch(ch));
    }

    boolean isConnected() {
        return conn != null && !readerGone;
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

    /**
     * The reader moved: connect to its new holder first, then end this segment, so that the reader never waits
     * for a segment that cannot come. Puts wait meanwhile, so the frames to write first are the ones queued now.
     */
    private void redirect(SocketChannel ch) {
        lock.lock();
        try {
            if (conn != ch || moving || closedReason != null) {
                return;
            }
            redirecting = true;
            behind.drainUninterruptibly();
            SocketChannel next = behind.failed() ? null : connectSegment(segment + 1);
            if (next == null) {
                // no END: the old holder sees this segment end without one and tells the reader end of stream
                ReaderCore.closeQuietly(ch);
                conn = null;
                readerGone = true;
                return;
            }
            try {
                Wire.writeInt(ch, Wire.END);
            } catch (IOException e) {
                // the old holder is gone; the new one learns how the stream went from it
            }
            ReaderCore.closeQuietly(ch);
            segment++;
            attach(next);
        } finally {
            redirecting = false;
            redirected.signalAll();
            lock.unlock();
        }
    }

    void put(T message) {
        checkOpen();
        byte[] payload;
        try {
            payload = codec.encode(message);
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
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
        gate.enter(lock, this::checkOpen);
        try {
            write(payload);
        } finally {
            gate.exit();
        }
    }

    private void write(byte[] payload) {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lock.lock();
            try {
                closeAfterFlush(INTERRUPTED);
            } finally {
                lock.unlock();
            }
            throw interrupted(e);
        }
        try {
            while (redirecting) {
                redirected.await();
            }
            checkOpen();
            if (readerGone || conn == null || localReaderClosed()) {
                throw broken(null);
            }
            if (!behind.offer(payload)) {
                behind.drain();
                if (readerGone || conn == null || behind.failed()) {
                    throw broken(null);
                }
                header.clear().putInt(payload.length).flip();
                Wire.writePayload(conn, header, payload);
                behind.markPutEnd();
            }
            counters.sent(payload.length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeAfterFlush(INTERRUPTED);
            throw interrupted(e);
        } catch (ClosedByInterruptException e) {
            // the JDK closed the connection in the middle of this frame; every earlier frame was written before
            conn = null;
            closedReason = INTERRUPTED;
            throw interrupted(e);
        } catch (IOException e) {
            readerGone = true;
            throw broken(e);
        } finally {
            lock.unlock();
        }
    }

    private boolean localReaderClosed() {
        ReaderCore r = localReader;
        return r != null && r.closedHere();
    }

    private GipcException interrupted(Exception e) {
        return new GipcException("interrupted in put() on " + address + "; the writing end is now closed", e);
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

    /** Closes for {@code reason}: the connection ends once the queued frames are written. Call with the lock held. */
    private void closeAfterFlush(String reason) {
        if (closedReason != null) {
            return;
        }
        closedReason = reason;
        SocketChannel ch = conn;
        behind.closeAfterFlush(() -> {
            ReaderCore.closeQuietly(ch);
            if (conn == ch) {
                conn = null;
            }
        });
    }

    void close() {
        if (!gate.claim()) {
            if (closedReason != null) {
                return;
            }
            throw new GipcLockedException("cannot close the writing end of " + address
                    + ": another thread is inside put() or moving it; it stays open");
        }
        lock.lock();
        try {
            closeAfterFlush("was closed");
        } finally {
            lock.unlock();
        }
    }

    boolean isOpen() {
        return closedReason == null;
    }

    /**
     * Closes an end that nobody references any more, as {@link #close()} would, unless a move or a close claimed
     * it: the reader gets what was put, then end of stream.
     */
    void closeUnreferenced() {
        if (!gate.claim()) {
            return;
        }
        lock.lock();
        try {
            closeAfterFlush("was closed because nothing referenced it any more");
        } finally {
            lock.unlock();
        }
    }

    // ---- moving to a child ----

    /** What travels to a child in place of {@code end}, whose core this is; see {@link WriterEnd}. */
    Object ref(Movable end) throws ObjectStreamException {
        Transfer t = Transfer.current();
        Object known = t.refOf(end);
        if (known != null) {
            return known;
        }
        if (!gate.claim()) {
            String reason = closedReason;
            if (reason != null) {
                throw new GipcClosedException(
                        "cannot hand the writing end of " + address + " to a child: it " + reason);
            }
            throw new GipcLockedException("cannot hand the writing end of " + address
                    + " to a child: another thread is inside put() or closing it");
        }
        lock.lock();
        while (redirecting) {
            redirected.awaitUninterruptibly();
        }
        handoffId = Secrets.nextLong();
        Object ref = new WriterEnd.WriterRef<>(address, codec, segment + 1, handoffId, false);
        t.add(end, ref);
        return ref;
    }

    Object refOrAbsent(Movable end) throws ObjectStreamException {
        return closedReason != null ? new WriterEnd.WriterRef<>(address, codec, 0, 0, true) : ref(end);
    }

    void commitMove(MoveTarget target, boolean wholePipe) {
        try {
            moving = true;
            closedReason = "was moved to " + target.describe() + (wholePipe ? WHOLE_PIPE_NOTE : "");
            EndHandoff.register(handoffId, target, this::childGone, this::handoverFinished);
        } finally {
            lock.unlock();
        }
    }

    /** The child ended before it attached: one that never started gives the end back, else the end closes. */
    private void childGone(boolean childStarted) {
        if (childStarted) {
            Thread.ofVirtual().name("gipc-release-" + address.name()).start(() -> release(false));
            return;
        }
        lock.lock();
        try {
            moving = false;
            closedReason = null;
            gate.release();
        } finally {
            lock.unlock();
        }
    }

    /** Runs off the caller's thread: the control channel must never wait for a full pipe. */
    private void handoverFinished(boolean attached) {
        Thread.ofVirtual().name("gipc-release-" + address.name()).start(() -> release(attached));
    }

    /** The child attached (end our segment so the reader goes on with the child's) or is gone (just close). */
    private void release(boolean attached) {
        lock.lock();
        try {
            behind.drainUninterruptibly();
            SocketChannel ch = conn;
            conn = null;
            if (ch != null) {
                if (attached && !behind.failed()) {
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

    void rollbackMove() {
        gate.release();
        lock.unlock();
    }
}
