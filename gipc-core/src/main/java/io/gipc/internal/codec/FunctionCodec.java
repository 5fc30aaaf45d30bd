package io.gipc.internal.codec;

import io.gipc.Codec;

/**
 * A codec made of a user's encoder and decoder.
 *
 * @param encoder the encoder
 * @param decoder the decoder
 * @param <T> the message type
 */
public record FunctionCodec<T>(Codec.Encoder<T> encoder, Codec.Decoder<T> decoder) implements Codec<T> {

    @Override
    public byte[] encode(T value) throws Exception {
        byte[] bytes = encoder.encode(value);
        if (bytes == null) {
            throw new IllegalStateException("encoder returned null for a message; it must return a byte[]");
        }
        return bytes;
    }

    @Override
    public T decode(byte[] bytes) throws Exception {
        return decoder.decode(bytes);
    }
}
