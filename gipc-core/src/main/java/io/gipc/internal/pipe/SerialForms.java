package io.gipc.internal.pipe;

import io.gipc.Codec;
import java.util.List;

/**
 * Sample instances of the classes that stand for pipe handles in a child's serialized task, for a pooled child's
 * warm-up: reading them back loads, links and runs the path a task's handles take on arrival (their
 * {@code readResolve}, the ends' classes), so that a warm start pays none of it.
 *
 * <p>These were records once: Java serialization builds a method-handle chain for the canonical constructor of
 * every record class on its first read in a JVM, some 40 generated {@code LambdaForm} classes and 60-90 ms of a
 * pooled child's start (measured with {@code -Xlog:class+load}). They are plain classes now, and this warm-up
 * keeps the rest of that path out of a warm start. They are all "absent" ends: reading them connects nothing.
 */
public final class SerialForms {

    private SerialForms() {}

    /**
     * Returns one of each handle record, nested as tasks capture them, with the raw codec (the default one would load Kryo, which a task need not use).
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
