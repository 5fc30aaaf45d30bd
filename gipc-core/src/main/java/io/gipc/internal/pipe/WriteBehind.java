package io.gipc.internal.pipe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Coalesces the small frames of a writer that puts in a tight loop into few large writes, without delaying a
 * lone message.
 *
 * <p>A {@code put} that follows the previous one within {@link #STREAM_GAP_NANOS} (or finds frames still queued)
 * appends its frame to a buffer and returns; a virtual thread writes the buffer out, double-buffered, and ends
 * when nothing is left. Any other {@code put} writes its frame itself, after what is queued, so a message that
 * comes alone (a request, a reply) costs one write and no thread hand-off. All methods except the flusher are
 * called with the writer's lock held.
 */
final class WriteBehind {

    /** Frames up to this size may be queued; larger ones are written by the caller. */
    static final int SMALL = 8 << 10;
    /** A put this soon after the previous one is taken as part of a stream: a loop of puts comes back within
     * a microsecond, a request or reply after a round trip (10 us or more). */
    static final long STREAM_GAP_NANOS = 1_500;

    private static final int CAPACITY = 256 << 10;
    /**
     * The writers of this process with frames still queued: the one process-wide registry of the writing side,
     * read before the process exits (a shutdown hook, and a child's main before {@code System.exit}).
     */
    private static final Set<WriteBehind> FLUSHING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitAllFlushed(2000), "gipc-flush"));
    }

    private final ReentrantLock lock;
    private final Condition drained;
    private final Supplier<SocketChannel> connection;
    private final Runnable onFailure;
    // Allocated when the writer first streams: most writers never do, and an idle child stays small.
    private ByteBuffer filling = ByteBuffer.allocate(0);
    private ByteBuffer spare = ByteBuffer.allocate(0);
    private boolean flushing;
    private boolean failed;
    private Runnable afterFlush;
    private long lastPutEnd = Long.MIN_VALUE / 2;

    WriteBehind(ReentrantLock lock, Supplier<SocketChannel> connection, Runnable onFailure) {
        this.lock = lock;
        this.drained = lock.newCondition();
        this.connection = connection;
        this.onFailure = onFailure;
    }

    /**
     * Queues the frame and returns true, or returns false when the caller should write it (after {@link #drain}).
     *
     * @throws IOException when a write of queued frames failed: the reader is gone, and this frame was not queued
     */
    boolean offer(byte[] payload) throws InterruptedException, IOException {
        checkNotFailed();
        boolean streaming = flushing || filling.position() > 0 || System.nanoTime() - lastPutEnd < STREAM_GAP_NANOS;
        if (!streaming || payload.length > SMALL) {
            return false;
        }
        if (filling.capacity() == 0) {
            filling = ByteBuffer.allocate(CAPACITY);
            spare = ByteBuffer.allocate(CAPACITY);
        }
        while (filling.remaining() < 4 + payload.length) {
            drained.await();
            // the flusher may have failed while we waited: queueing now would lose this frame silently
            checkNotFailed();
        }
        filling.putInt(payload.length).put(payload);
        if (!flushing) {
            flushing = true;
            FLUSHING.add(this);
            Thread.ofVirtual().name("gipc-flush").start(this::flushLoop);
        }
        markPutEnd();
        return true;
    }

    private void checkNotFailed() throws IOException {
        if (failed) {
            throw new IOException("writing queued frames failed: the reader is gone");
        }
    }

    /** Whether a write of queued frames failed (the reader is gone). */
    boolean failed() {
        return failed;
    }

    void markPutEnd() {
        lastPutEnd = System.nanoTime();
    }

    /** Waits until every queued frame is written (or the write failed). */
    void drain() throws InterruptedException {
        while (flushing) {
            drained.await();
        }
    }

    void drainUninterruptibly() {
        while (flushing) {
            drained.awaitUninterruptibly();
        }
    }

    /**
     * Runs {@code closer} once every queued frame is written (or the write failed): at once when nothing is
     * queued, else on the flusher. The caller does not wait, as when it closes an OS pipe: what was put still
     * reaches the reader.
     */
    void closeAfterFlush(Runnable closer) {
        if (flushing) {
            afterFlush = closer;
        } else {
            closer.run();
        }
    }

    private void flushLoop() {
        lock.lock();
        try {
            while (filling.position() > 0) {
                ByteBuffer out = filling;
                filling = spare;
                spare = out;
                out.flip();
                SocketChannel ch = connection.get();
                boolean ok = ch != null;
                lock.unlock();
                try {
                    while (ok && out.hasRemaining()) {
                        ch.write(out);
                    }
                } catch (IOException e) {
                    ok = false;
                } finally {
                    lock.lock();
                }
                out.clear();
                if (!ok) {
                    failed = true;
                    filling.clear();
                    onFailure.run();
                }
                drained.signalAll();
            }
            flushing = false;
            FLUSHING.remove(this);
            Runnable closer = afterFlush;
            afterFlush = null;
            if (closer != null) {
                closer.run();
            }
            drained.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every writer of this process has written what it queued, at most {@code millis}: called before
     * a process exits so that nothing put is lost.
     *
     * @param millis the bound
     */
    static void awaitAllFlushed(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (WriteBehind w : FLUSHING.toArray(new WriteBehind[0])) {
            w.lock.lock();
            try {
                while (w.flushing) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || w.drained.awaitNanos(left) <= 0) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                w.lock.unlock();
            }
        }
    }
}
