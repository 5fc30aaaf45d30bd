package io.gipc.internal.codec;

import com.esotericsoftware.kryo.KryoException;

/**
 * The codec refused a value or a class on purpose (deny-list, allow-list, a type it cannot rebuild faithfully), as
 * opposed to a value that failed to encode. A {@link KryoException} so that Kryo's serializers add their field trace
 * to it and pass it on unchanged; {@link KryoCodec} turns it into a {@code GipcException} with this message.
 */
final class CodecRefusedException extends KryoException {
    private static final long serialVersionUID = 1L;

    CodecRefusedException(String message) {
        super(message);
    }
}
