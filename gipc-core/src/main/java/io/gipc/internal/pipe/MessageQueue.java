package io.gipc.internal.pipe;

import io.gipc.GipcEofException;
import io.gipc.GipcException;
import io.gipc.GipcTimeoutException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The messages a reading end received and has not handed out yet, bounded in bytes, followed by how the stream
 * ended. Consumers take whole messages, so a timeout never consumes or splits one.
 *
 * <p>Its {@link #lock()} guards the whole reading end ({@link ReaderCore} shares it). The queue calls
 * {@code roomChanged} with the lock held whenever a consumer made room or asked for a message, so that reading can
 * go on.
 */
final class MessageQueue {

    /** How long a consumer spins for a message before it parks: a reply often arrives within this. */
    private static final long SPIN_NANOS = 30_000;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<byte[]> messages = new ArrayDeque<>();
    private final PipeAddress address;
    private final long capacity;
    private final Runnable roomChanged;

    private long queuedBytes;
    /**
     * Whether a consumer asked for a message and found none since the last one was taken: a payload larger than
     * the capacity is read only then, so an unread pipe holds at most its capacity.
     */
    private boolean demanded;
    /** Written under the lock, read without it by spinning consumers. */
    private volatile boolean readable;

    private boolean finished;
    private GipcException pendingError;
    private boolean closed;

    MessageQueue(PipeAddress address, long capacity, Runnable roomChanged) {
        this.address = address;
        this.capacity = capacity;
        this.roomChanged = roomChanged;
    }

    ReentrantLock lock() {
        return lock;
    }

    /** Signalled, with the lock held, whenever anything about the reading end changed. */
    Condition changed() {
        return changed;
    }

    /**
     * Takes the next message, waiting until {@code deadline} ({@link System#nanoTime()}), or forever when
     * {@code deadline} is {@link Long#MAX_VALUE}.
     */
    byte[] take(long deadline) throws InterruptedException {
        spinUntilReadable(deadline);
        lock.lock();
        try {
            if (messages.isEmpty() && !ended()) {
                awaitMessage(deadline);
            }
            byte[] payload = poll();
            if (payload != null) {
                return payload;
            }
            if (pendingError != null) {
                GipcException e = pendingError;
                pendingError = null;
                updateReadable();
                throw e;
            }
            throw new GipcEofException("end of " + address + ": the writing end was closed or its process ended");
        } finally {
            lock.unlock();
        }
    }

    /** Takes the next message if there is one; call with the lock held. */
    byte[] poll() {
        byte[] payload = messages.poll();
        if (payload != null) {
            queuedBytes -= payload.length;
            demanded = false;
            updateReadable();
            roomChanged.run();
        }
        return payload;
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    /** Whether no message will come any more: the stream finished or the end was closed. Lock held. */
    boolean isOver() {
        return finished || closed;
    }

    private boolean ended() {
        return finished || pendingError != null || closed;
    }

    /** A consumer found the queue empty: a message larger than the capacity may now be read. Lock held. */
    void demand() {
        if (!demanded) {
            demanded = true;
            roomChanged.run();
        }
    }

    /**
     * Whether a payload of {@code length} bytes may be taken in now: it fits, or the queue is empty and the payload
     * is no larger than the capacity, or a consumer waits for it. Lock held.
     */
    boolean hasRoom(int length) {
        if (messages.isEmpty()) {
            return length <= capacity || demanded;
        }
        return queuedBytes + length <= capacity;
    }

    /** Adds a payload that {@link #hasRoom} admitted; dropped if the end was closed meanwhile. */
    void add(byte[] payload) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            messages.add(payload);
            queuedBytes += payload.length;
            readable = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** No more messages will come: consumers get what is queued, then {@code error} or end of stream. */
    void finish(GipcException error) {
        lock.lock();
        try {
            finished = true;
            if (error != null && pendingError == null) {
                pendingError = error;
            }
            readable = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The end was closed or moved away: queued messages are dropped, consumers see end of stream. Lock held. */
    void close() {
        closed = true;
        finished = true;
        messages.clear();
        queuedBytes = 0;
        readable = true;
        changed.signalAll();
    }

    /** Waits for a message, having asked for one (see {@link #demanded}). */
    private void awaitMessage(long deadline) throws InterruptedException {
        demand();
        while (messages.isEmpty() && !ended()) {
            if (deadline == Long.MAX_VALUE) {
                changed.await();
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new GipcTimeoutException("no message arrived in time on " + address);
                }
                changed.awaitNanos(left);
            }
        }
    }

    private void spinUntilReadable(long deadline) {
        if (readable) {
            return;
        }
        long start = System.nanoTime();
        long until = Math.min(deadline, start + SPIN_NANOS);
        // A platform thread yields as it spins: on a machine with few cores the I/O thread and the peer need the
        // CPU it waits on. A virtual thread only spins: yielding would requeue it behind every other virtual thread.
        boolean yields = !Thread.currentThread().isVirtual();
        for (int i = 1; !readable; i++) {
            if ((i & 7) == 0) {
                if (yields) {
                    Thread.yield();
                }
                if (System.nanoTime() - until > 0) {
                    return;
                }
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private void updateReadable() {
        readable = !messages.isEmpty() || ended();
    }
}
