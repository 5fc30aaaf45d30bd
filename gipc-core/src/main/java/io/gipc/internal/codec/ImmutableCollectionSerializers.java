package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code List.of}, {@code Set.of}, {@code Map.of} and their relatives ({@code copyOf}, {@code Stream.toList()},
 * sub-lists), rebuilt through the same factories. They are built from their elements, so the {@link CycleGuard}
 * keeps them out of cycles; Kryo's own serializers for them hand out a temporary {@code ArrayList} to back-references
 * instead. A list that accepts {@code null} ({@code Stream.toList()}) comes back accepting it.
 */
final class ImmutableCollectionSerializers {

    private ImmutableCollectionSerializers() {}

    static void register(JdkTypes.Registrar kryo) {
        Serializer<List<Object>> lists = new Lists();
        for (List<?> sample : List.of(
                List.of(),
                List.of(1),
                List.of(1, 2, 3),
                List.of(1, 2, 3).subList(0, 2),
                Arrays.stream(new Object[] {null}).toList())) {
            kryo.register(sample.getClass(), lists);
        }
        Serializer<Set<Object>> sets = new Sets();
        kryo.register(Set.of().getClass(), sets);
        kryo.register(Set.of(1).getClass(), sets);
        kryo.register(Set.of(1, 2, 3).getClass(), sets);
        Serializer<Map<Object, Object>> maps = new Maps();
        kryo.register(Map.of().getClass(), maps);
        kryo.register(Map.of(1, 2).getClass(), maps);
        kryo.register(Map.of(1, 2, 3, 4).getClass(), maps);
    }

    private static Object[] readElements(Kryo kryo, Input input, int perElement) {
        int size = input.readVarInt(true);
        BoundedInput.requireElements(input, (long) size * perElement, 1, "an immutable collection");
        Object[] elements = new Object[size * perElement];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = kryo.readClassAndObject(input);
        }
        return elements;
    }

    private static void writeElements(Kryo kryo, Output output, Collection<?> elements) {
        output.writeVarInt(elements.size(), true);
        for (Object e : elements) {
            kryo.writeClassAndObject(output, e);
        }
    }

    private static final class Lists extends Serializer<List<Object>> {
        Lists() {
            super(false, true);
        }

        @Override
        public void write(Kryo kryo, Output output, List<Object> list) {
            boolean nullsAllowed = acceptsNull(list);
            CycleGuard.enter(kryo, list);
            try {
                output.writeBoolean(nullsAllowed);
                writeElements(kryo, output, list);
            } finally {
                CycleGuard.exit(kryo, list);
            }
        }

        @Override
        public List<Object> read(Kryo kryo, Input input, Class<? extends List<Object>> type) {
            boolean nullsAllowed = input.readBoolean();
            Object[] elements = readElements(kryo, input, 1);
            return nullsAllowed ? Arrays.stream(elements).toList() : List.of(elements);
        }

        /** {@code List.of} lists throw on a null query; {@code Stream.toList()} lists answer it. */
        private static boolean acceptsNull(List<?> list) {
            try {
                list.indexOf(null);
                return true;
            } catch (NullPointerException e) {
                return false;
            }
        }
    }

    private static final class Sets extends Serializer<Set<Object>> {
        Sets() {
            super(false, true);
        }

        @Override
        public void write(Kryo kryo, Output output, Set<Object> set) {
            CycleGuard.enter(kryo, set);
            try {
                writeElements(kryo, output, set);
            } finally {
                CycleGuard.exit(kryo, set);
            }
        }

        @Override
        public Set<Object> read(Kryo kryo, Input input, Class<? extends Set<Object>> type) {
            return Set.of(readElements(kryo, input, 1));
        }
    }

    private static final class Maps extends Serializer<Map<Object, Object>> {
        Maps() {
            super(false, true);
        }

        @Override
        public void write(Kryo kryo, Output output, Map<Object, Object> map) {
            CycleGuard.enter(kryo, map);
            try {
                output.writeVarInt(map.size(), true);
                for (Map.Entry<Object, Object> e : map.entrySet()) {
                    kryo.writeClassAndObject(output, e.getKey());
                    kryo.writeClassAndObject(output, e.getValue());
                }
            } finally {
                CycleGuard.exit(kryo, map);
            }
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array
        public Map<Object, Object> read(Kryo kryo, Input input, Class<? extends Map<Object, Object>> type) {
            Object[] keysAndValues = readElements(kryo, input, 2);
            Map.Entry<Object, Object>[] entries = new Map.Entry[keysAndValues.length / 2];
            for (int i = 0; i < entries.length; i++) {
                entries[i] = Map.entry(keysAndValues[2 * i], keysAndValues[2 * i + 1]);
            }
            return Map.ofEntries(entries);
        }
    }
}
