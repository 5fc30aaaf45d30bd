package io.gipc.internal.pipe;

import io.gipc.Codec;
import io.gipc.GipcClosedException;
import io.gipc.GipcException;
import io.gipc.GipcLockedException;
import io.gipc.GipcTimeoutException;
import io.gipc.PipeReader;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The reading end of a simplex channel, as users hold it.
 *
 * <p>{@link #gate} says who is inside: {@code get}s, or a claim by {@code close()} or a move, so that neither waits
 * for a blocked get. One {@code get} at a time holds {@link #lock}; the transport lives in a {@link ReaderCore}.
 * After a move or close the core is gone and {@link #closedReason} says why; a move to a child that never started
 * brings it back.
 *
 * @param <T> the message type
 */
public final class ReaderEnd<T> implements PipeReader<T>, PipeHandle, Movable, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Bytes the reader buffers beyond the kernel's socket buffers. */
    static final long QUEUE_CAPACITY = 3 << 20;

    private final transient PipeAddress address;
    private final transient Codec<T> codec;
    private final transient PipeCounters counters;
    private final transient ReentrantLock lock = new ReentrantLock();
    private final transient EndGate gate = new EndGate();
    private transient volatile ReaderCore core;
    private transient volatile String closedReason;

    private ReaderEnd(PipeAddress address, Codec<T> codec, PipeCounters counters, ReaderCore core, String reason) {
        this.address = address;
        this.codec = codec;
        this.counters = counters;
        this.core = core;
        this.closedReason = reason;
        if (core == null) {
            gate.claim();
        } else {
            PipeCleaner.register(this, core::closeUnreferenced);
        }
    }

    static <T> ReaderEnd<T> listen(PipeAddress address, Codec<T> codec, PipeCounters counters) {
        return new ReaderEnd<>(address, codec, counters, ReaderCore.listen(address, QUEUE_CAPACITY), null);
    }

    static <T> ReaderEnd<T> takeOver(PipeAddress address, Codec<T> codec) {
        return new ReaderEnd<>(
                address, codec, new PipeCounters(address.name()), ReaderCore.takeOver(address, QUEUE_CAPACITY), null);
    }

    static <T> ReaderEnd<T> absent(PipeAddress address, Codec<T> codec) {
        return new ReaderEnd<>(
                address, codec, new PipeCounters(address.name()), null, "was not handed to this process");
    }

    @Override
    public T get() {
        return get(Long.MAX_VALUE);
    }

    @Override
    public T get(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
        long now = System.nanoTime();
        long nanos = timeout.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE - now : timeout.toNanos();
        return get(now + nanos);
    }

    private T get(long deadline) {
        gate.enter(lock, this::openCore);
        try {
            return getCounted(deadline);
        } finally {
            gate.exit();
        }
    }

    private T getCounted(long deadline) {
        ReaderCore c = openCore();
        try {
            if (deadline == Long.MAX_VALUE) {
                lock.lockInterruptibly();
            } else if (!lock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new GipcTimeoutException("no message arrived in time on " + address + " (another get() held it)");
            }
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
        byte[] payload;
        try {
            c = openCore();
            payload = c.take(deadline);
            counters.received(payload.length);
        } catch (InterruptedException e) {
            throw interrupted(e);
        } finally {
            lock.unlock();
            Reference.reachabilityFence(this);
        }
        try {
            return codec.decode(payload);
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            // the bytes were taken whole: the pipe goes on with the next message
            throw new GipcException(
                    "could not decode a message of " + payload.length + " bytes from " + address + " with " + codec
                            + ": " + e,
                    e);
        }
    }

    private GipcException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        ReaderCore c = core;
        core = null;
        closedReason = "was closed because a thread was interrupted in get()";
        if (c != null) {
            c.closeHere();
        }
        return new GipcException("interrupted in get() on " + address + "; the reading end is now closed", e);
    }

    private ReaderCore openCore() {
        ReaderCore c = core;
        if (c == null) {
            throw new GipcClosedException("the reading end of " + address + " " + closedReason);
        }
        return c;
    }

    @Override
    public void close() {
        if (!gate.claim()) {
            if (core == null) {
                return;
            }
            throw new GipcLockedException("cannot close the reading end of " + address
                    + ": another thread is inside get() or moving it; it stays open");
        }
        lock.lock();
        try {
            ReaderCore c = core;
            if (c != null) {
                core = null;
                closedReason = "was closed";
                c.closeHere();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether this end is open, asked without referring to it: its core is open and has not moved away. */
    BooleanSupplier openProbe() {
        ReaderCore c = core;
        return c == null ? () -> false : c::isOpenHere;
    }

    PipeAddress address() {
        return address;
    }

    // ---- moving to a child ----

    @Serial
    private Object writeReplace() throws ObjectStreamException {
        Transfer t = Transfer.current();
        Object known = t.refOf(this);
        if (known != null) {
            return known;
        }
        if (!gate.claim()) {
            if (core == null) {
                throw new GipcClosedException(
                        "cannot hand the reading end of " + address + " to a child: it " + closedReason);
            }
            throw new GipcLockedException("cannot hand the reading end of " + address
                    + " to a child: another thread is inside get() or closing it");
        }
        lock.lock();
        Object ref = new ReaderRef<>(address, codec);
        t.add(this, ref);
        return ref;
    }

    Object refOrAbsent() throws ObjectStreamException {
        return core == null ? new ReaderRef<>(address, codec, true) : writeReplace();
    }

    @Override
    public void commitMove(MoveTarget target, boolean wholePipe) {
        try {
            ReaderCore c = core;
            Handoff handoff =
                    EndHandoff.register(Secrets.nextLong(), target, started -> childGone(c, started), ok -> {});
            c.beginMove(handoff);
            core = null;
            closedReason = "was moved to " + target.describe() + (wholePipe ? WriterCore.WHOLE_PIPE_NOTE : "");
        } finally {
            lock.unlock();
        }
    }

    /** The child ended before it took the reader over: one that never started gives it back, else it closes. */
    private void childGone(ReaderCore c, boolean childStarted) {
        if (childStarted || !c.cancelMove()) {
            c.abortMove();
            return;
        }
        lock.lock();
        try {
            closedReason = null;
            core = c;
            gate.release();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void rollbackMove() {
        gate.release();
        lock.unlock();
    }

    /** What travels to the child in place of a reading end. */
    // A class, not a record: see PipeAddress.
    static final class ReaderRef<T> implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final PipeAddress address;
        private final Codec<T> codec;
        private final boolean absent;

        ReaderRef(PipeAddress address, Codec<T> codec, boolean absent) {
            this.address = address;
            this.codec = codec;
            this.absent = absent;
        }

        ReaderRef(PipeAddress address, Codec<T> codec) {
            this(address, codec, false);
        }

        @Serial
        private Object readResolve() {
            return absent ? ReaderEnd.absent(address, codec) : ReaderEnd.takeOver(address, codec);
        }
    }
}
