package io.gipc.internal.pipe;

import io.gipc.Codec;
import io.gipc.PipeWriter;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.lang.ref.Reference;
import java.util.function.BooleanSupplier;

/**
 * The writing end of a simplex channel, as users hold it: what it does lives in its {@link WriterCore}.
 *
 * <p>An end that nobody references any more is closed by {@link PipeCleaner}: what was put reaches the reader,
 * then it sees end of stream.
 *
 * @param <T> the message type
 */
public final class WriterEnd<T> implements PipeWriter<T>, PipeHandle, Movable, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient WriterCore<T> core;

    private WriterEnd(WriterCore<T> core) {
        this.core = core;
        if (core.isOpen()) {
            PipeCleaner.register(this, core::closeUnreferenced);
        }
    }

    static <T> WriterEnd<T> connect(PipeAddress address, Codec<T> codec, PipeCounters counters, int segment) {
        return new WriterEnd<>(WriterCore.connect(address, codec, counters, segment));
    }

    static <T> WriterEnd<T> absent(PipeAddress address, Codec<T> codec) {
        return new WriterEnd<>(WriterCore.absent(address, codec));
    }

    @Override
    public void put(T message) {
        try {
            core.put(message);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public void close() {
        core.close();
    }

    /** Whether this end is open, asked without referring to it. */
    BooleanSupplier openProbe() {
        return core::isOpen;
    }

    boolean isConnected() {
        return core.isConnected();
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
        return core.ref(this);
    }

    Object refOrAbsent() throws ObjectStreamException {
        return core.refOrAbsent(this);
    }

    @Override
    public void commitMove(MoveTarget target, boolean wholePipe) {
        core.commitMove(target, wholePipe);
    }

    @Override
    public void rollbackMove() {
        core.rollbackMove();
    }

    /** What travels to the child in place of a writing end. */
    // A class, not a record: see PipeAddress.
    static final class WriterRef<T> implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final PipeAddress address;
        private final Codec<T> codec;
        private final int segment;
        private final long handoffId;
        private final boolean absent;

        WriterRef(PipeAddress address, Codec<T> codec, int segment, long handoffId, boolean absent) {
            this.address = address;
            this.codec = codec;
            this.segment = segment;
            this.handoffId = handoffId;
            this.absent = absent;
        }

        @Serial
        private Object readResolve() {
            if (absent) {
                return WriterEnd.absent(address, codec);
            }
            WriterEnd<T> w = WriterEnd.connect(address, codec, new PipeCounters(address.name()), segment);
            if (w.isConnected()) {
                // only a connected writer may let the parent end its segment: else the reader would wait for ours
                Handoffs.reportAttached(handoffId);
            }
            return w;
        }
    }
}
