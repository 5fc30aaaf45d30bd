package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * Wraps one of Kryo's serializers that builds its value after reading the parts (records, {@code Optional},
 * {@code Collections.singletonList}, ...) so that the {@link CycleGuard} refuses cycles through it on encode.
 *
 * @param <T> the value type
 */
final class PartsFirst<T> extends Serializer<T> {

    private final Serializer<T> delegate;

    PartsFirst(Serializer<T> delegate) {
        super(delegate.getAcceptsNull(), delegate.isImmutable());
        this.delegate = delegate;
    }

    @Override
    public void write(Kryo kryo, Output output, T object) {
        if (object == null) {
            delegate.write(kryo, output, null);
            return;
        }
        CycleGuard.enter(kryo, object);
        try {
            delegate.write(kryo, output, object);
        } finally {
            CycleGuard.exit(kryo, object);
        }
    }

    @Override
    public T read(Kryo kryo, Input input, Class<? extends T> type) {
        return delegate.read(kryo, input, type);
    }

    @Override
    public T copy(Kryo kryo, T original) {
        return delegate.copy(kryo, original);
    }
}
