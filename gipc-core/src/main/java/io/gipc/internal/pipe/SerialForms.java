package io.gipc.internal.pipe;

import io.gipc.Codec;
import java.util.List;

/**
 * Sample instances of the records that stand for pipe handles in a child's serialized task, for a child's warm-up.
 *
 * <p>Java serialization builds a method-handle chain for the canonical constructor of every record class it
 * reads, once per JVM; in a JVM that has not run it yet that costs some 40 generated {@code LambdaForm} classes
 * and 60-90 ms (measured with {@code -Xlog:class+load} on a pooled child, 2 cores). Reading these samples ahead
 * moves that cost out of {@code start()}. They are all "absent" ends: reading them connects nothing.
 */
public final class SerialForms {

    private SerialForms() {}

    /**
     * Returns one of each handle record, nested as tasks capture them, with the raw codec (the codec does not change a record's constructor chain, and the default one would load Kryo).
     *
     * @return the samples, to be serialized and read back
     */
    public static List<Object> samples() {
        PipeAddress address = new PipeAddress("/nonexistent", "0000000000000000", new byte[32], "warm-up", 1 << 20);
        Object reader = new ReaderEnd.ReaderRef<>(address, Codec.raw(), true);
        Object writer = new WriterEnd.WriterRef<>(address, Codec.raw(), 0, 0L, true);
        Object duplex = new DuplexEnd.DuplexRef<>(reader, writer);
        return List.of(
                reader,
                writer,
                duplex,
                new SimplexPipe.PipeRef<>(reader, writer),
                new DuplexPipeImpl.DuplexPipeRef(duplex, new DuplexEnd.DuplexRef<>(reader, writer)));
    }
}
