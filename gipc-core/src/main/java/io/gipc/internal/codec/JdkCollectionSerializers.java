package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * JDK collections whose state Kryo's generic serializers lose or cannot rebuild, rebuilt through their public API.
 */
final class JdkCollectionSerializers {

    private JdkCollectionSerializers() {}

    /**
     * {@link LinkedHashMap} with its ordering mode: Kryo's map serializer makes an insertion-ordered map out of an
     * access-ordered one (an LRU cache), which then stops reordering on {@code get}.
     */
    static final class LinkedHashMaps extends Serializer<LinkedHashMap<Object, Object>> {
        @Override
        public void write(Kryo kryo, Output output, LinkedHashMap<Object, Object> map) {
            output.writeBoolean(isAccessOrdered(map));
            output.writeVarInt(map.size(), true);
            for (Map.Entry<Object, Object> e : map.entrySet()) {
                kryo.writeClassAndObject(output, e.getKey());
                kryo.writeClassAndObject(output, e.getValue());
            }
        }

        @Override
        public LinkedHashMap<Object, Object> read(
                Kryo kryo, Input input, Class<? extends LinkedHashMap<Object, Object>> type) {
            boolean accessOrder = input.readBoolean();
            int size = input.readVarInt(true);
            BoundedInput.requireElements(input, size * 2L, 1, "a map");
            LinkedHashMap<Object, Object> map = new LinkedHashMap<>(16, 0.75f, accessOrder);
            kryo.reference(map);
            for (int i = 0; i < size; i++) {
                // put, not get: an access-ordered map reorders only on access, so the order read is the order kept
                map.put(kryo.readClassAndObject(input), kryo.readClassAndObject(input));
            }
            return map;
        }

        /**
         * The mode is a private field without an accessor; a clone keeps it, and an emptied clone shows it: a
         * {@code get} moves the key to the end only in access order. Costs a copy of the map (not of its keys and
         * values).
         */
        @SuppressWarnings("unchecked")
        private static boolean isAccessOrdered(LinkedHashMap<Object, Object> map) {
            LinkedHashMap<Object, Object> probe = (LinkedHashMap<Object, Object>) map.clone();
            probe.clear();
            Object first = new Object();
            Object second = new Object();
            probe.put(first, first);
            probe.put(second, second);
            probe.get(first);
            return probe.keySet().iterator().next() == second;
        }
    }

    /** {@code Arrays.asList}: a fixed-size list over a new array, referenced before its elements (cycles work). */
    static final class ArraysAsLists extends Serializer<List<Object>> {
        @Override
        public void write(Kryo kryo, Output output, List<Object> list) {
            output.writeVarInt(list.size(), true);
            for (Object e : list) {
                kryo.writeClassAndObject(output, e);
            }
        }

        @Override
        public List<Object> read(Kryo kryo, Input input, Class<? extends List<Object>> type) {
            int size = input.readVarInt(true);
            BoundedInput.requireElements(input, size, 1, "a list");
            Object[] elements = new Object[size];
            List<Object> list = Arrays.asList(elements);
            kryo.reference(list);
            for (int i = 0; i < size; i++) {
                elements[i] = kryo.readClassAndObject(input);
            }
            return list;
        }
    }

    /** {@code Collections.nCopies}: its count and its one element (a huge count costs nothing). */
    static final class NCopies extends Serializer<List<Object>> {
        @Override
        public void write(Kryo kryo, Output output, List<Object> list) {
            output.writeVarInt(list.size(), true);
            CycleGuard.enter(kryo, list);
            try {
                kryo.writeClassAndObject(output, list.isEmpty() ? null : list.get(0));
            } finally {
                CycleGuard.exit(kryo, list);
            }
        }

        @Override
        public List<Object> read(Kryo kryo, Input input, Class<? extends List<Object>> type) {
            int size = input.readVarInt(true);
            return Collections.nCopies(size, kryo.readClassAndObject(input));
        }
    }

    /** {@code Map.entry}, {@code AbstractMap.SimpleEntry} and {@code SimpleImmutableEntry}, by their key and value. */
    static final class Entries extends Serializer<Map.Entry<Object, Object>> {
        @Override
        public void write(Kryo kryo, Output output, Map.Entry<Object, Object> entry) {
            CycleGuard.enter(kryo, entry);
            try {
                kryo.writeClassAndObject(output, entry.getKey());
                kryo.writeClassAndObject(output, entry.getValue());
            } finally {
                CycleGuard.exit(kryo, entry);
            }
        }

        @Override
        public Map.Entry<Object, Object> read(Kryo kryo, Input input, Class<? extends Map.Entry<Object, Object>> type) {
            Object key = kryo.readClassAndObject(input);
            Object value = kryo.readClassAndObject(input);
            Class<?> kind = type;
            if (kind == AbstractMap.SimpleEntry.class) {
                return new AbstractMap.SimpleEntry<>(key, value);
            }
            if (kind == AbstractMap.SimpleImmutableEntry.class) {
                return new AbstractMap.SimpleImmutableEntry<>(key, value);
            }
            return Map.entry(key, value);
        }
    }

    /** A JDK singleton such as {@code Collections.emptySortedSet()}: nothing to write, the same instance back. */
    static final class Singleton<T> extends Serializer<T> {
        private final Supplier<T> instance;

        Singleton(Supplier<T> instance) {
            super(false, true);
            this.instance = instance;
        }

        @Override
        public void write(Kryo kryo, Output output, T object) {}

        @Override
        public T read(Kryo kryo, Input input, Class<? extends T> type) {
            return instance.get();
        }
    }
}
