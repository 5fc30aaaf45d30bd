package io.gipc.autoconfigure;

import io.gipc.Codec;
import io.gipc.GipcException;

/**
 * Enforces a pipe's own {@code gipc.pipes.<name>.max-message-size}, smaller than the launcher's maximum, on both
 * ends: the writer refuses to send a larger message and the reader refuses to decode one. Travels with the pipe's
 * handles into children like any codec.
 *
 * @param <T> the message type
 */
final class MaxMessageSizeCodec<T> implements Codec<T> {

    private static final long serialVersionUID = 1L;

    private final Codec<T> delegate;

    private final int maxMessageSize;

    private final String pipe;

    MaxMessageSizeCodec(Codec<T> delegate, int maxMessageSize, String pipe) {
        this.delegate = delegate;
        this.maxMessageSize = maxMessageSize;
        this.pipe = pipe;
    }

    @Override
    public byte[] encode(T value) throws Exception {
        byte[] bytes = this.delegate.encode(value);
        check(bytes);
        return bytes;
    }

    @Override
    public T decode(byte[] bytes) throws Exception {
        check(bytes);
        return this.delegate.decode(bytes);
    }

    private void check(byte[] bytes) {
        if (bytes.length > this.maxMessageSize) {
            throw new GipcException("message of " + bytes.length + " bytes is larger than pipe '" + this.pipe
                    + "' accepts (gipc.pipes." + this.pipe + ".max-message-size = " + this.maxMessageSize
                    + " bytes)");
        }
    }

    @Override
    public String toString() {
        return this.delegate + " (at most " + this.maxMessageSize + " bytes)";
    }
}
