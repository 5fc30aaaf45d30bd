package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.serializers.CollectionSerializer;
import com.esotericsoftware.kryo.serializers.DefaultArraySerializers.BooleanArraySerializer;
import com.esotericsoftware.kryo.serializers.DefaultArraySerializers.ObjectArraySerializer;
import com.esotericsoftware.kryo.serializers.DefaultSerializers.PriorityQueueSerializer;
import com.esotericsoftware.kryo.serializers.MapSerializer;
import java.util.Collection;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Kryo's array and collection serializers, with the element count they read checked against what is left of the
 * message (see {@link BoundedInput}) before they size an array or a collection by it.
 */
@SuppressWarnings("rawtypes") // Kryo's serializer signatures are raw
final class BoundedSerializers {

    private BoundedSerializers() {}

    /** Reads the varint count that starts an array without consuming it and checks it. */
    private static void checkArrayLength(Input input, String what) {
        int start = input.position();
        int lengthPlusOne = input.readVarInt(true);
        input.setPosition(start);
        if (lengthPlusOne > 1) {
            BoundedInput.requireElements(input, lengthPlusOne - 1L, 1, what);
        }
    }

    /** Arrays of objects (any component type). Each element takes at least one byte. */
    static final class ObjectArrays extends ObjectArraySerializer {
        ObjectArrays(Kryo kryo, Class<?> type) {
            super(kryo, type);
        }

        @Override
        public Object[] read(Kryo kryo, Input input, Class type) {
            checkArrayLength(input, "an array");
            return super.read(kryo, input, type);
        }
    }

    /** {@code boolean[]}, the one primitive array Kryo reads element by element into an array it sizes itself. */
    static final class BooleanArrays extends BooleanArraySerializer {
        @Override
        public boolean[] read(Kryo kryo, Input input, Class type) {
            checkArrayLength(input, "a boolean[]");
            return super.read(kryo, input, type);
        }
    }

    /** Collections rebuilt by adding their elements: every element takes at least one byte. */
    static final class GrowableCollections<T extends Collection> extends CollectionSerializer<T> {
        @Override
        protected T create(Kryo kryo, Input input, Class<? extends T> type, int size) {
            BoundedInput.requireElements(input, size, 1, "a collection");
            return super.create(kryo, input, type, size);
        }
    }

    /** Maps rebuilt by putting their entries. */
    static final class GrowableMaps<T extends Map> extends MapSerializer<T> {
        @Override
        protected T create(Kryo kryo, Input input, Class<? extends T> type, int size) {
            BoundedInput.requireElements(input, size, 1, "a map");
            return super.create(kryo, input, type, size);
        }
    }

    /** {@link PriorityQueue}, with its comparator, sized by its element count. */
    static final class PriorityQueues extends PriorityQueueSerializer {
        @Override
        protected PriorityQueue create(Kryo kryo, Input input, Class<? extends PriorityQueue> type, int size) {
            BoundedInput.requireElements(input, size, 1, "a priority queue");
            return super.create(kryo, input, type, size);
        }
    }
}
