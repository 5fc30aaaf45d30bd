package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The unmodifiable and synchronized wrappers of {@link Collections}. Their backing collection is a private field
 * that only {@code --add-opens} would reach, so a wrapper is written as its contents (and comparator) and read as
 * the same kind of wrapper around a new collection of the same kind: {@code ArrayList} for a random-access list,
 * {@code LinkedList} for another list, {@code LinkedHashSet}/{@code LinkedHashMap} for sets and maps (their order is
 * kept), {@code TreeSet}/{@code TreeMap} with the same comparator for sorted ones. The wrapper is created first and
 * the new collection filled through it, so cycles through a wrapper work.
 *
 * <p>What cannot travel: the link to the original backing collection. A wrapper and the collection it wraps, sent
 * in one message, arrive as two separate collections with equal contents.
 */
final class CollectionWrapperSerializer extends Serializer<Object> {

    /** One wrapper class: how to make a backing collection and wrap it. */
    @SuppressWarnings("unchecked")
    enum Kind {
        UNMODIFIABLE_COLLECTION(
                Collections.unmodifiableCollection(new ArrayList<>()),
                c -> new ArrayList<>(),
                c -> Collections.unmodifiableCollection((Collection<Object>) c)),
        UNMODIFIABLE_SEQUENCED_COLLECTION(
                Collections.unmodifiableSequencedCollection(new ArrayList<>()),
                c -> new ArrayList<>(),
                c -> Collections.unmodifiableSequencedCollection((ArrayList<Object>) c)),
        UNMODIFIABLE_SET(
                Collections.unmodifiableSet(new LinkedHashSet<>()),
                c -> new LinkedHashSet<>(),
                c -> Collections.unmodifiableSet((LinkedHashSet<Object>) c)),
        UNMODIFIABLE_SEQUENCED_SET(
                Collections.unmodifiableSequencedSet(new LinkedHashSet<>()),
                c -> new LinkedHashSet<>(),
                c -> Collections.unmodifiableSequencedSet((LinkedHashSet<Object>) c)),
        UNMODIFIABLE_SORTED_SET(
                Collections.unmodifiableSortedSet(new TreeSet<>()),
                TreeSet::new,
                c -> Collections.unmodifiableSortedSet((SortedSet<Object>) c)),
        UNMODIFIABLE_NAVIGABLE_SET(
                Collections.unmodifiableNavigableSet(new TreeSet<>()),
                TreeSet::new,
                c -> Collections.unmodifiableNavigableSet((NavigableSet<Object>) c)),
        UNMODIFIABLE_RANDOM_ACCESS_LIST(
                Collections.unmodifiableList(new ArrayList<>()),
                c -> new ArrayList<>(),
                c -> Collections.unmodifiableList((ArrayList<Object>) c)),
        UNMODIFIABLE_LIST(
                Collections.unmodifiableList(new LinkedList<>()),
                c -> new LinkedList<>(),
                c -> Collections.unmodifiableList((LinkedList<Object>) c)),
        UNMODIFIABLE_MAP(
                Collections.unmodifiableMap(new LinkedHashMap<>()),
                c -> new LinkedHashMap<>(),
                m -> Collections.unmodifiableMap((Map<Object, Object>) m)),
        UNMODIFIABLE_SEQUENCED_MAP(
                Collections.unmodifiableSequencedMap(new LinkedHashMap<>()),
                c -> new LinkedHashMap<>(),
                m -> Collections.unmodifiableSequencedMap((LinkedHashMap<Object, Object>) m)),
        UNMODIFIABLE_SORTED_MAP(
                Collections.unmodifiableSortedMap(new TreeMap<>()),
                TreeMap::new,
                m -> Collections.unmodifiableSortedMap((SortedMap<Object, Object>) m)),
        UNMODIFIABLE_NAVIGABLE_MAP(
                Collections.unmodifiableNavigableMap(new TreeMap<>()),
                TreeMap::new,
                m -> Collections.unmodifiableNavigableMap((NavigableMap<Object, Object>) m)),
        SYNCHRONIZED_COLLECTION(
                Collections.synchronizedCollection(new ArrayList<>()),
                c -> new ArrayList<>(),
                c -> Collections.synchronizedCollection((Collection<Object>) c)),
        SYNCHRONIZED_SET(
                Collections.synchronizedSet(new LinkedHashSet<>()),
                c -> new LinkedHashSet<>(),
                c -> Collections.synchronizedSet((LinkedHashSet<Object>) c)),
        SYNCHRONIZED_SORTED_SET(
                Collections.synchronizedSortedSet(new TreeSet<>()),
                TreeSet::new,
                c -> Collections.synchronizedSortedSet((SortedSet<Object>) c)),
        SYNCHRONIZED_NAVIGABLE_SET(
                Collections.synchronizedNavigableSet(new TreeSet<>()),
                TreeSet::new,
                c -> Collections.synchronizedNavigableSet((NavigableSet<Object>) c)),
        SYNCHRONIZED_RANDOM_ACCESS_LIST(
                Collections.synchronizedList(new ArrayList<>()),
                c -> new ArrayList<>(),
                c -> Collections.synchronizedList((ArrayList<Object>) c)),
        SYNCHRONIZED_LIST(
                Collections.synchronizedList(new LinkedList<>()),
                c -> new LinkedList<>(),
                c -> Collections.synchronizedList((LinkedList<Object>) c)),
        SYNCHRONIZED_MAP(
                Collections.synchronizedMap(new LinkedHashMap<>()),
                c -> new LinkedHashMap<>(),
                m -> Collections.synchronizedMap((Map<Object, Object>) m)),
        SYNCHRONIZED_SORTED_MAP(
                Collections.synchronizedSortedMap(new TreeMap<>()),
                TreeMap::new,
                m -> Collections.synchronizedSortedMap((SortedMap<Object, Object>) m)),
        SYNCHRONIZED_NAVIGABLE_MAP(
                Collections.synchronizedNavigableMap(new TreeMap<>()),
                TreeMap::new,
                m -> Collections.synchronizedNavigableMap((NavigableMap<Object, Object>) m));

        final Class<?> type;
        final Function<Comparator<Object>, Object> backing;
        final Function<Object, Object> wrap;
        final boolean sorted;
        final boolean map;

        @SuppressWarnings("unchecked")
        Kind(Object sample, Function<Comparator<Object>, ?> backing, Function<Object, Object> wrap) {
            this.type = sample.getClass();
            this.backing = (Function<Comparator<Object>, Object>) backing;
            this.wrap = wrap;
            this.sorted = sample instanceof SortedSet || sample instanceof SortedMap;
            this.map = sample instanceof Map;
        }
    }

    private final Kind kind;

    CollectionWrapperSerializer(Kind kind) {
        this.kind = kind;
    }

    @Override
    public void write(Kryo kryo, Output output, Object wrapper) {
        if (kind.sorted) {
            Comparator<?> comparator =
                    wrapper instanceof SortedSet<?> s ? s.comparator() : ((SortedMap<?, ?>) wrapper).comparator();
            CycleGuard.enter(kryo, wrapper);
            try {
                kryo.writeClassAndObject(output, comparator);
            } finally {
                CycleGuard.exit(kryo, wrapper);
            }
        }
        // toArray is atomic on the synchronized wrappers (it holds their lock), so the snapshot is consistent
        Object[] elements = kind.map ? ((Map<?, ?>) wrapper).entrySet().toArray() : ((Collection<?>) wrapper).toArray();
        output.writeVarInt(elements.length, true);
        for (Object e : elements) {
            if (kind.map) {
                Map.Entry<?, ?> entry = (Map.Entry<?, ?>) e;
                kryo.writeClassAndObject(output, entry.getKey());
                kryo.writeClassAndObject(output, entry.getValue());
            } else {
                kryo.writeClassAndObject(output, e);
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object read(Kryo kryo, Input input, Class<?> type) {
        Comparator<Object> comparator = kind.sorted ? (Comparator<Object>) kryo.readClassAndObject(input) : null;
        Object backing = kind.backing.apply(comparator);
        Object wrapper = kind.wrap.apply(backing);
        kryo.reference(wrapper);
        int size = input.readVarInt(true);
        BoundedInput.requireElements(input, kind.map ? size * 2L : size, 1, "a collection");
        for (int i = 0; i < size; i++) {
            if (kind.map) {
                ((Map<Object, Object>) backing).put(kryo.readClassAndObject(input), kryo.readClassAndObject(input));
            } else {
                ((Collection<Object>) backing).add(kryo.readClassAndObject(input));
            }
        }
        return wrapper;
    }
}
