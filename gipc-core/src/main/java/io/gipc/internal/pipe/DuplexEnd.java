package io.gipc.internal.pipe;

import io.gipc.DuplexHandle;
import io.gipc.GipcLockedException;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * One end of a duplex pipe: the reading end of one simplex channel and the writing end of the other.
 *
 * @param <T> the message type
 */
public final class DuplexEnd<T> implements DuplexHandle<T>, PipeHandle, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient ReaderEnd<T> in;
    private final transient WriterEnd<T> out;

    DuplexEnd(ReaderEnd<T> in, WriterEnd<T> out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public T get() {
        return in.get();
    }

    @Override
    public T get(Duration timeout) {
        return in.get(timeout);
    }

    @Override
    public void put(T message) {
        out.put(message);
    }

    /** Closes both directions; when one is locked the other is still closed, then the lock is reported. */
    @Override
    public void close() {
        GipcLockedException locked = null;
        try {
            in.close();
        } catch (GipcLockedException e) {
            locked = e;
        }
        try {
            out.close();
        } catch (GipcLockedException e) {
            if (locked == null) {
                locked = e;
            } else {
                locked.addSuppressed(e);
            }
        }
        if (locked != null) {
            throw locked;
        }
    }

    /** Whether either side is open here, asked without referring to this end (see {@link PipeCleaner}). */
    BooleanSupplier openProbe() {
        return PipeProbes.either(in.openProbe(), out.openProbe());
    }

    @Serial
    private Object writeReplace() throws ObjectStreamException {
        return ref();
    }

    Object ref() throws ObjectStreamException {
        return new DuplexRef<>(in.refOrAbsent(), out.refOrAbsent());
    }

    /** What travels to the child in place of a duplex end. */
    // A class, not a record: see PipeAddress.
    static final class DuplexRef<T> implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final Object in;
        private final Object out;

        DuplexRef(Object in, Object out) {
            this.in = in;
            this.out = out;
        }

        @Serial
        @SuppressWarnings("unchecked")
        private Object readResolve() {
            return new DuplexEnd<>((ReaderEnd<T>) in, (WriterEnd<T>) out);
        }
    }
}
