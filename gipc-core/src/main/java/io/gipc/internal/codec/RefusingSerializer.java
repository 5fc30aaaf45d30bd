package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/** Stands for a class the codec cannot send faithfully: encoding or decoding one fails with the reason. */
final class RefusingSerializer extends Serializer<Object> {

    private final String reason;

    RefusingSerializer(String reason) {
        this.reason = reason;
    }

    @Override
    public void write(Kryo kryo, Output output, Object object) {
        throw new CodecRefusedException(reason);
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        throw new CodecRefusedException(reason);
    }
}
