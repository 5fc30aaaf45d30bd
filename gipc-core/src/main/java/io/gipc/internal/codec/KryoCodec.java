package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import io.gipc.Codec;
import io.gipc.GipcException;
import io.gipc.KryoOptions;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The default codec: Kryo with references, no registration required, an instantiator that needs no no-arg
 * constructor, gipc's serializers for JDK types and its {@link ClassPolicy}. Kryo instances and output buffers are
 * pooled because they are not thread-safe; the codec itself is safe for concurrent use.
 *
 * <p>The first byte of a message says what follows: a Kryo graph, the raw bytes of a {@code byte[]}, or a
 * {@code String} as UTF-8 or, when its characters fit in one byte, as ISO-8859-1 (both without Kryo, at memory
 * speed).
 *
 * <p>Errors: encode and decode throw {@link GipcException} naming the refused class or what was wrong; that
 * includes a stack overflow on a too-deep graph, a corrupt message that would exhaust the heap, and classes that
 * fail to link. A Kryo instance that failed is dropped, not pooled, so the next message starts clean.
 *
 * @param <T> the message type
 */
public final class KryoCodec<T> implements Codec<T> {
    @Serial
    private static final long serialVersionUID = 2L;

    static {
        KryoUnsafe.disable();
    }

    private static final KryoCodec<?> DEFAULT = new KryoCodec<>(KryoOptions.defaults(), null);

    /** First byte of a message: a Kryo graph follows. */
    private static final byte GRAPH = 0;
    /** First byte of a message: the raw bytes of a {@code byte[]} follow. */
    private static final byte BYTES = 1;
    /** First byte of a message: the UTF-8 bytes of a {@code String} follow. */
    private static final byte STRING = 2;
    /** First byte of a message: the ISO-8859-1 bytes of a {@code String} of one-byte characters follow. */
    private static final byte LATIN1_STRING = 3;

    /** Output buffers that grew beyond this are dropped after use instead of pooled, not to pin memory. */
    private static final int MAX_POOLED_BUFFER = 1 << 20;

    private final KryoOptions options;

    /** Only for tests: the loader that resolves class names (a receiver that lacks some class). */
    private final transient ClassLoader loader;

    private transient volatile Pool<Kryo> kryos;
    private transient volatile Pool<Output> outputs;

    private KryoCodec(KryoOptions options, ClassLoader loader) {
        this.options = options;
        this.loader = loader;
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
     * Returns the codec for the given options.
     *
     * @param options what the codec accepts
     * @param <T> the message type
     * @return the codec
     */
    @SuppressWarnings("unchecked")
    public static <T> KryoCodec<T> of(KryoOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        return options.equals(KryoOptions.defaults()) ? (KryoCodec<T>) DEFAULT : new KryoCodec<>(options, null);
    }

    /**
     * Returns a codec that resolves class names with {@code loader} only; it does not travel to children. For tests
     * that simulate a receiver without some class.
     *
     * @param options what the codec accepts
     * @param loader the class loader
     * @param <T> the message type
     * @return the codec
     */
    public static <T> KryoCodec<T> withClassLoader(KryoOptions options, ClassLoader loader) {
        return new KryoCodec<>(options, Objects.requireNonNull(loader, "loader must not be null"));
    }

    /**
     * Returns what the codec accepts.
     *
     * @return the options
     */
    public KryoOptions options() {
        return options;
    }

    @Override
    public byte[] encode(T value) {
        if (value instanceof byte[] bytes) {
            byte[] out = new byte[bytes.length + 1];
            out[0] = BYTES;
            System.arraycopy(bytes, 0, out, 1, bytes.length);
            return out;
        }
        if (value instanceof String s) {
            StringBytes.Encoded encoded = StringBytes.encode(s, 1);
            if (encoded != null) {
                byte[] out = encoded.bytes();
                out[0] = encoded.kind() == StringBytes.LATIN1 ? LATIN1_STRING : STRING;
                return out;
            }
            // a lone surrogate: the graph path writes the string's chars as they are
        }
        Pool<Kryo> kryoPool = kryos();
        Pool<Output> outputPool = outputs();
        Kryo kryo = kryoPool.obtain();
        Output output = outputPool.obtain();
        boolean clean = false;
        try {
            output.reset();
            output.writeByte(GRAPH);
            kryo.writeClassAndObject(output, value);
            byte[] bytes = output.toBytes();
            clean = true;
            return bytes;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            throw CodecFailures.encoding(value, e);
        } finally {
            if (clean) {
                kryo.reset();
                kryoPool.free(kryo);
            }
            if (output.getBuffer().length <= MAX_POOLED_BUFFER) {
                outputPool.free(output);
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new GipcException("an empty message is not a message of Codec.kryo()");
        }
        switch (bytes[0]) {
            case BYTES:
                return (T) Arrays.copyOfRange(bytes, 1, bytes.length);
            case STRING:
                return (T) new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
            case LATIN1_STRING:
                return (T) new String(bytes, 1, bytes.length - 1, StandardCharsets.ISO_8859_1);
            case GRAPH:
                break;
            default:
                throw new GipcException("not a message of Codec.kryo(): its first byte is " + bytes[0]);
        }
        Pool<Kryo> kryoPool = kryos();
        Kryo kryo = kryoPool.obtain();
        boolean clean = false;
        try {
            BoundedInput input = new BoundedInput(bytes, 1, bytes.length - 1);
            Object value = kryo.readClassAndObject(input);
            if (input.position() != bytes.length) {
                throw new GipcException(
                        "the message has " + (bytes.length - input.position()) + " bytes after its value");
            }
            clean = true;
            return (T) value;
        } catch (GipcException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            throw CodecFailures.decoding(bytes.length, e);
        } finally {
            if (clean) {
                kryo.reset();
                kryoPool.free(kryo);
            }
        }
    }

    private Pool<Kryo> kryos() {
        Pool<Kryo> pool = kryos;
        if (pool == null) {
            pool = new Pool<>(true, true, 64) {
                @Override
                protected Kryo create() {
                    return KryoFactory.create(options, loader);
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

    @Serial
    private Object readResolve() {
        return of(options);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KryoCodec<?> other && options.equals(other.options) && loader == other.loader;
    }

    @Override
    public int hashCode() {
        return options.hashCode();
    }

    @Override
    public String toString() {
        return options.equals(KryoOptions.defaults()) ? "Codec.kryo()" : "Codec.kryo(" + options + ")";
    }
}
