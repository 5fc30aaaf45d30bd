package io.gipc;

import io.gipc.internal.codec.FunctionCodec;
import io.gipc.internal.codec.KryoCodec;
import io.gipc.internal.codec.RawCodec;
import java.io.Serializable;
import java.util.Objects;

/**
 * Turns messages into bytes and back. A codec travels with its pipe's handles into children, so it is
 * {@link Serializable}.
 *
 * <p>An encoder or decoder that throws makes that {@code put} or {@code get} fail with a {@link GipcException}
 * (the cause attached); the pipe stays usable. Implementations must be safe for concurrent use.
 *
 * @param <T> the message type
 */
public interface Codec<T> extends Serializable {

    /**
     * Encodes one message.
     *
     * @param value the message
     * @return its bytes
     * @throws Exception when the message cannot be encoded
     */
    byte[] encode(T value) throws Exception;

    /**
     * Decodes one message.
     *
     * @param bytes the bytes of exactly one message
     * @return the message
     * @throws Exception when the bytes cannot be decoded
     */
    T decode(byte[] bytes) throws Exception;

    /**
     * Returns the default codec: Kryo, for any object graph, on JDK 17+ without {@code --add-opens}: records
     * (generic, nested, sealed), enums, {@code null}, classes without a no-arg constructor, shared references and
     * cycles, and the common JDK types: {@code Class} objects, {@code String} and the boxed primitives, arrays,
     * {@code java.time}, {@code BigInteger}/{@code BigDecimal}, {@code UUID}, {@code URI}, {@code URL},
     * {@code Path}, {@code Pattern}, {@code InetAddress}, {@code Locale}, {@code Currency}, {@code BitSet},
     * {@code Date} and {@code java.sql.Timestamp}, the atomics, {@code Optional}, the {@code java.util} and
     * {@code java.util.concurrent} collections including {@code List.of}/{@code Map.of}, {@code EnumMap},
     * {@code EnumSet}, sorted collections with their comparators (serializable lambdas included) and the
     * {@code Collections} wrappers, and exceptions whole (class, message, cause chain, suppressed, stack trace, their
     * own fields). An exception whose class the receiver lacks arrives as a {@link GipcRemoteException}.
     *
     * <p>A value either arrives equal to what was put, or {@code put} fails with a {@link GipcException} naming the
     * class that cannot travel faithfully: a JDK class that has no serializer here and is not {@code Serializable}
     * (a {@code HashMap.keySet()} view, a {@code Thread}), a lambda that is not {@code Serializable}, a cycle through a
     * record or another value built from its parts. It refuses a deny-list of known deserialization gadget classes on
     * both sides; {@link #kryo(KryoOptions)} with {@link KryoOptions#strict()} accepts only allowed classes.
     * Strings and {@code byte[]} messages are copied at memory speed, without Kryo. A corrupt message fails the
     * {@code get} with a {@link GipcException}, never an {@link Error}.
     *
     * @param <T> the message type
     * @return the codec
     */
    static <T> Codec<T> kryo() {
        return KryoCodec.instance();
    }

    /**
     * Returns the default codec with the given class acceptance: more classes denied, or allow-list mode.
     *
     * @param options which classes to accept; {@link KryoOptions#defaults()} gives {@link #kryo()}
     * @param <T> the message type
     * @return the codec; equal options give equal codecs, also in children
     * @throws NullPointerException when {@code options} is {@code null}
     */
    static <T> Codec<T> kryo(KryoOptions options) {
        return KryoCodec.of(options);
    }

    /**
     * Returns the codec that does no encoding: {@code byte[]} in and out.
     *
     * @return the codec
     */
    static Codec<byte[]> raw() {
        return RawCodec.INSTANCE;
    }

    /**
     * Returns a codec made of an encoder and a decoder.
     *
     * @param enc the encoder, not {@code null}
     * @param dec the decoder, not {@code null}
     * @param <T> the message type
     * @return the codec
     * @throws NullPointerException when either is {@code null}
     */
    static <T> Codec<T> of(Encoder<T> enc, Decoder<T> dec) {
        return new FunctionCodec<>(
                Objects.requireNonNull(enc, "encoder must not be null"),
                Objects.requireNonNull(dec, "decoder must not be null"));
    }

    /**
     * Encodes a message to bytes.
     *
     * @param <T> the message type
     */
    @FunctionalInterface
    interface Encoder<T> extends Serializable {
        /**
         * Encodes one message.
         *
         * @param value the message
         * @return its bytes
         * @throws Exception when it cannot
         */
        byte[] encode(T value) throws Exception;
    }

    /**
     * Decodes bytes to a message.
     *
     * @param <T> the message type
     */
    @FunctionalInterface
    interface Decoder<T> extends Serializable {
        /**
         * Decodes one message.
         *
         * @param bytes the bytes of one message
         * @return the message
         * @throws Exception when it cannot
         */
        T decode(byte[] bytes) throws Exception;
    }
}
