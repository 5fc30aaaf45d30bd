package io.gipc.internal.pipe;

import io.gipc.Codec;
import io.gipc.DuplexHandle;
import io.gipc.DuplexPipe;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.function.BooleanSupplier;

/**
 * A duplex pipe made of two simplex channels, one per direction (as gipc makes it of two OS pipes).
 *
 * @param <T> the message type
 */
public final class DuplexPipeImpl<T> implements DuplexPipe<T>, PipeHandle, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient DuplexEnd<T> first;
    private final transient DuplexEnd<T> second;

    @SuppressWarnings({"unchecked", "rawtypes"})
    DuplexPipeImpl(DuplexEnd first, DuplexEnd second) {
        this.first = first;
        this.second = second;
    }

    /**
     * Creates a duplex pipe whose sockets live in {@code directory}.
     *
     * @param directory the launcher's private directory
     * @param name the pipe's name
     * @param codec the codec
     * @param maxMessageSize the largest payload
     * @param counters where traffic is counted
     * @param <T> the message type
     * @return the pipe
     */
    public static <T> DuplexPipeImpl<T> create(
            String directory, String name, Codec<T> codec, int maxMessageSize, PipeCounters counters) {
        SimplexPipe<T> toSecond = SimplexPipe.create(directory, name, codec, maxMessageSize, counters);
        SimplexPipe<T> toFirst;
        try {
            toFirst = SimplexPipe.create(directory, name, codec, maxMessageSize, counters);
        } catch (RuntimeException e) {
            toSecond.close();
            throw e;
        }
        return new DuplexPipeImpl<>(
                new DuplexEnd<>(toFirst.readerEnd(), toSecond.writerEnd()),
                new DuplexEnd<>(toSecond.readerEnd(), toFirst.writerEnd()));
    }

    @Override
    public DuplexHandle<T> first() {
        return first;
    }

    @Override
    public DuplexHandle<T> second() {
        return second;
    }

    /**
     * Whether either end is still usable here, asked without referring to this pipe, so that a registry can ask it
     * of a pipe that may be collected.
     */
    public BooleanSupplier openProbe() {
        return PipeProbes.either(first.openProbe(), second.openProbe());
    }

    @Override
    public void close() {
        Closing.closeAll(first, second);
    }

    @Serial
    private Object writeReplace() throws ObjectStreamException {
        Transfer t = Transfer.current();
        return t.wholePipe(() -> new DuplexPipeRef(Closing.unchecked(first::ref), Closing.unchecked(second::ref)));
    }

    /** What travels to the child in place of a whole duplex pipe. */
    // A class, not a record: see PipeAddress.
    static final class DuplexPipeRef implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final Object first;
        private final Object second;

        DuplexPipeRef(Object first, Object second) {
            this.first = first;
            this.second = second;
        }

        @Serial
        private Object readResolve() {
            return new DuplexPipeImpl<>((DuplexEnd<?>) first, (DuplexEnd<?>) second);
        }
    }
}
