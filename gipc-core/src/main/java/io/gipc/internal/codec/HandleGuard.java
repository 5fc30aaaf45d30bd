package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.gipc.internal.pipe.PipeHandle;

/** Refuses pipe handles inside messages: they move to children only through a task. */
final class HandleGuard extends Serializer<Object> {

    private HandleGuard() {}

    static void register(Kryo kryo) {
        kryo.addDefaultSerializer(PipeHandle.class, new HandleGuard());
    }

    @Override
    public void write(Kryo kryo, Output output, Object object) {
        throw new KryoException("pipe handles cannot be sent through a pipe (found "
                + object.getClass().getSimpleName() + "); pass them to a child by capturing them in its task");
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        throw new KryoException("pipe handles cannot be received through a pipe");
    }
}
