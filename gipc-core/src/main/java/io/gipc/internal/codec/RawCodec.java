package io.gipc.internal.codec;

import io.gipc.Codec;

/** The codec that does no encoding. */
public final class RawCodec implements Codec<byte[]> {
    private static final long serialVersionUID = 1L;

    /** The one instance. */
    public static final RawCodec INSTANCE = new RawCodec();

    private RawCodec() {}

    @Override
    public byte[] encode(byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("the raw codec cannot encode null: put a byte[]");
        }
        return value;
    }

    @Override
    public byte[] decode(byte[] bytes) {
        return bytes;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
