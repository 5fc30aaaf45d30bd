package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import io.gipc.Codec;
import java.util.List;

/**
 * The default codec: Kryo with references, no registration required and an instantiator that needs no no-arg
 * constructor. Kryo instances are pooled because they are not thread-safe.
 *
 * @param <T> the message type
 */
public final class KryoCodec<T> implements Codec<T> {
    private static final long serialVersionUID = 1L;

    private static final KryoCodec<?> DEFAULT = new KryoCodec<>(List.of());

    /** Class names that must be registered when {@code registrationRequired} is set; empty means not required. */
    private final List<String> allowedClasses;

    private transient volatile Pool<Kryo> kryos;
    private transient volatile Pool<Output> outputs;

    private KryoCodec(List<String> allowedClasses) {
        this.allowedClasses = List.copyOf(allowedClasses);
    }

    /**
     * Returns the default instance.
     *
     * @param <T> the message type
     * @return the codec
     */
    @SuppressWarnings("unchecked")
    public static <T> KryoCodec<T> instance() {
        return (KryoCodec<T>) DEFAULT;
    }

    /**
     * Returns a codec that only accepts the named classes (and the JDK types Kryo registers by default).
     *
     * @param allowedClasses fully qualified class names
     * @param <T> the message type
     * @return the codec
     */
    public static <T> KryoCodec<T> allowing(List<String> allowedClasses) {
        if (allowedClasses.isEmpty()) {
            throw new IllegalArgumentException("an allowlist must name at least one class");
        }
        return new KryoCodec<>(allowedClasses);
    }

    /** First byte of an encoded message: a Kryo graph follows. */
    private static final byte GRAPH = 0;
    /** First byte of an encoded message: the raw bytes of a {@code byte[]} follow (no copy through Kryo). */
    private static final byte BYTES = 1;

    @Override
    public byte[] encode(T value) {
        if (value instanceof byte[] bytes) {
            byte[] out = new byte[bytes.length + 1];
            out[0] = BYTES;
            System.arraycopy(bytes, 0, out, 1, bytes.length);
            return out;
        }
        Pool<Kryo> kryoPool = kryos();
        Pool<Output> outputPool = outputs();
        Kryo kryo = kryoPool.obtain();
        Output output = outputPool.obtain();
        try {
            output.reset();
            output.writeByte(GRAPH);
            kryo.writeClassAndObject(output, value);
            return output.toBytes();
        } finally {
            kryo.reset();
            kryoPool.free(kryo);
            outputPool.free(output);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("an empty message is not a Kryo-encoded value");
        }
        if (bytes[0] == BYTES) {
            return (T) java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (bytes[0] != GRAPH) {
            throw new IllegalArgumentException("not a message of gipc's Kryo codec (first byte " + bytes[0] + ")");
        }
        Pool<Kryo> kryoPool = kryos();
        Kryo kryo = kryoPool.obtain();
        try {
            Input input = new Input(bytes, 1, bytes.length - 1);
            Object value = kryo.readClassAndObject(input);
            if (input.position() != bytes.length) {
                throw new IllegalStateException(
                        "message has " + (bytes.length - input.position()) + " bytes after its value");
            }
            return (T) value;
        } finally {
            kryo.reset();
            kryoPool.free(kryo);
        }
    }

    private Pool<Kryo> kryos() {
        Pool<Kryo> pool = kryos;
        if (pool == null) {
            pool = new Pool<>(true, true, 64) {
                @Override
                protected Kryo create() {
                    return KryoFactory.create(allowedClasses);
                }
            };
            kryos = pool;
        }
        return pool;
    }

    private Pool<Output> outputs() {
        Pool<Output> pool = outputs;
        if (pool == null) {
            pool = new Pool<>(true, true, 64) {
                @Override
                protected Output create() {
                    return new Output(4096, -1);
                }
            };
            outputs = pool;
        }
        return pool;
    }

    private Object readResolve() {
        return allowedClasses.isEmpty() ? DEFAULT : this;
    }

    @Override
    public String toString() {
        return allowedClasses.isEmpty() ? "Codec.kryo()" : "Codec.kryo(allowing " + allowedClasses + ")";
    }
}
