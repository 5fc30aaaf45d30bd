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
     * Returns the default codec: Kryo, for any object graph (records, enums, {@code null}, JDK immutable
     * collections, shared references and cycles, classes without a no-arg constructor).
     *
     * @param <T> the message type
     * @return the codec
     */
    static <T> Codec<T> kryo() {
        return KryoCodec.instance();
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
