package io.gipc.internal.pipe;

import io.gipc.Codec;
import io.gipc.Pipe;
import io.gipc.PipeReader;
import io.gipc.PipeWriter;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.function.BooleanSupplier;

/**
 * A simplex pipe: a reading end listening in this process and a writing end connected to it. Capturing the whole
 * pipe in a task moves both ends.
 *
 * @param <T> the message type
 */
public final class SimplexPipe<T> implements Pipe<T>, PipeHandle, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient ReaderEnd<T> reader;
    private final transient WriterEnd<T> writer;

    SimplexPipe(ReaderEnd<T> reader, WriterEnd<T> writer) {
        this.reader = reader;
        this.writer = writer;
    }

    /**
     * Creates a pipe whose socket lives in {@code directory}.
     *
     * @param directory the launcher's private directory
     * @param name the pipe's name
     * @param codec the codec
     * @param maxMessageSize the largest payload
     * @param counters where traffic is counted
     * @param <T> the message type
     * @return the pipe
     */
    public static <T> SimplexPipe<T> create(
            String directory, String name, Codec<T> codec, int maxMessageSize, PipeCounters counters) {
        PipeAddress address =
                new PipeAddress(directory, Secrets.token(8), Secrets.bytes(Wire.SECRET_LENGTH), name, maxMessageSize);
        ReaderEnd<T> r = ReaderEnd.listen(address, codec, counters);
        WriterEnd<T> w = WriterEnd.connect(address, codec, counters, 0);
        return new SimplexPipe<>(r, w);
    }

    @Override
    public PipeReader<T> reader() {
        return reader;
    }

    @Override
    public PipeWriter<T> writer() {
        return writer;
    }

    ReaderEnd<T> readerEnd() {
        return reader;
    }

    WriterEnd<T> writerEnd() {
        return writer;
    }

    /**
     * Whether the reader or the writer is still usable here, asked without referring to this pipe, so that a
     * registry can ask it of a pipe that may be collected.
     */
    public BooleanSupplier openProbe() {
        return PipeProbes.either(reader.openProbe(), writer.openProbe());
    }

    @Override
    public void close() {
        Closing.closeAll(reader, writer);
    }

    @Serial
    private Object writeReplace() throws ObjectStreamException {
        Transfer t = Transfer.current();
        return t.wholePipe(() -> Closing.unchecked(() -> new PipeRef<>(reader.refOrAbsent(), writer.refOrAbsent())));
    }

    /** What travels to the child in place of a whole pipe. */
    // A class, not a record: see PipeAddress.
    static final class PipeRef<T> implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final Object reader;
        private final Object writer;

        PipeRef(Object reader, Object writer) {
            this.reader = reader;
            this.writer = writer;
        }

        @Serial
        @SuppressWarnings("unchecked")
        private Object readResolve() {
            return new SimplexPipe<>((ReaderEnd<T>) reader, (WriterEnd<T>) writer);
        }
    }
}
