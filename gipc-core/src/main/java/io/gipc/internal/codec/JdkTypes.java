package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.serializers.DefaultArraySerializers;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import com.esotericsoftware.kryo.serializers.DefaultSerializers.EnumSerializer;
import com.esotericsoftware.kryo.serializers.OptionalSerializers;
import com.esotericsoftware.kryo.serializers.TimeSerializers;
import io.gipc.internal.codec.BoundedSerializers.BooleanArrays;
import io.gipc.internal.codec.BoundedSerializers.GrowableCollections;
import io.gipc.internal.codec.BoundedSerializers.GrowableMaps;
import io.gipc.internal.codec.BoundedSerializers.ObjectArrays;
import io.gipc.internal.codec.BoundedSerializers.PriorityQueues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Currency;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.Set;
import java.util.Stack;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.Vector;
import java.util.WeakHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;

/**
 * The JDK types the codec registers, in a fixed order that gives each one the same small id in every process with
 * the same gipc version (an id costs one or two bytes on the wire; a class name costs its length). The registered
 * classes are also exactly the JDK types that {@code KryoOptions.strict()} accepts without allowing them, together
 * with {@link #EXTRA_BUILT_IN} (the {@code java.sql} dates, when that module is present, and the {@code EnumSet}
 * implementations) and the JDK's exception classes.
 *
 * <p>Kryo itself registers the primitives, their wrappers and {@code String} (ids 0 to 8).
 */
final class JdkTypes {

    private JdkTypes() {}

    /** Where the registrations go: a Kryo instance, or the collector of their names. */
    interface Registrar {
        void register(Class<?> type, Serializer<?> serializer);
    }

    /** JDK collections rebuilt by Kryo through add/put, if met by name (subclasses or unregistered relatives). */
    static final Set<Class<?>> REBUILDABLE = Set.of(
            ArrayList.class,
            LinkedList.class,
            HashSet.class,
            LinkedHashSet.class,
            HashMap.class,
            Hashtable.class,
            IdentityHashMap.class,
            WeakHashMap.class,
            Vector.class,
            Stack.class,
            ArrayDeque.class,
            TreeMap.class,
            TreeSet.class,
            PriorityQueue.class,
            ConcurrentHashMap.class,
            ConcurrentSkipListMap.class,
            ConcurrentLinkedQueue.class,
            ConcurrentLinkedDeque.class,
            CopyOnWriteArrayList.class,
            CopyOnWriteArraySet.class);

    /** Names accepted by strict mode besides the registered classes. */
    static final Set<String> EXTRA_BUILT_IN = Set.of(
            "java.sql.Timestamp",
            "java.sql.Date",
            "java.sql.Time",
            EnumSet.noneOf(TimeUnit.class).getClass().getName(),
            EnumSet.noneOf(Character.UnicodeScript.class).getClass().getName());

    /**
     * Registers every built-in type.
     *
     * @param policy the codec's policy (for the serializers that resolve class names)
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void registerAll(Registrar r, ClassPolicy policy) {
        r.register(String.class, new StringSerializers.StringSerializer());
        r.register(Object.class, new JdkValueSerializers.Objects());
        r.register(Class.class, new JdkValueSerializers.Classes(policy));
        r.register(byte[].class, new DefaultArraySerializers.ByteArraySerializer());
        r.register(char[].class, new DefaultArraySerializers.CharArraySerializer());
        r.register(short[].class, new DefaultArraySerializers.ShortArraySerializer());
        r.register(int[].class, new DefaultArraySerializers.IntArraySerializer());
        r.register(long[].class, new DefaultArraySerializers.LongArraySerializer());
        r.register(float[].class, new DefaultArraySerializers.FloatArraySerializer());
        r.register(double[].class, new DefaultArraySerializers.DoubleArraySerializer());
        r.register(boolean[].class, new BooleanArrays());
        r.register(String[].class, new ObjectArrays(null, String[].class));
        r.register(Object[].class, new ObjectArrays(null, Object[].class));
        r.register(StringBuilder.class, new StringSerializers.StringBuilderSerializer());
        r.register(StringBuffer.class, new StringSerializers.StringBufferSerializer());
        r.register(BigInteger.class, new DefaultSerializers.BigIntegerSerializer());
        r.register(BigDecimal.class, new DefaultSerializers.BigDecimalSerializer());

        r.register(UUID.class, new DefaultSerializers.UUIDSerializer());
        r.register(URI.class, new DefaultSerializers.URISerializer());
        r.register(URL.class, new DefaultSerializers.URLSerializer());
        r.register(Pattern.class, new DefaultSerializers.PatternSerializer());
        r.register(Inet4Address.class, new JdkValueSerializers.InetAddresses());
        r.register(Inet6Address.class, new JdkValueSerializers.InetAddresses());
        r.register(InetSocketAddress.class, new ShellSerializer(InetSocketAddress.class, policy));
        r.register(Samples.PATH, new JdkValueSerializers.Paths());
        r.register(Currency.class, new DefaultSerializers.CurrencySerializer());
        r.register(Locale.class, new JdkValueSerializers.Locales());
        for (Class<?> charset : Samples.CHARSETS) {
            r.register(charset, new DefaultSerializers.CharsetSerializer());
        }
        r.register(BitSet.class, new DefaultSerializers.BitSetSerializer());
        r.register(Date.class, new JdkValueSerializers.Dates());
        r.register(Samples.ZONE_INFO, new DefaultSerializers.TimeZoneSerializer());
        r.register(GregorianCalendar.class, new DefaultSerializers.CalendarSerializer());

        r.register(AtomicBoolean.class, new DefaultSerializers.AtomicBooleanSerializer());
        r.register(AtomicInteger.class, new DefaultSerializers.AtomicIntegerSerializer());
        r.register(AtomicLong.class, new DefaultSerializers.AtomicLongSerializer());
        r.register(AtomicReference.class, new JdkValueSerializers.AtomicReferences());
        r.register(AtomicIntegerArray.class, new JdkValueSerializers.AtomicIntegerArrays());
        r.register(AtomicLongArray.class, new JdkValueSerializers.AtomicLongArrays());
        r.register(AtomicReferenceArray.class, new JdkValueSerializers.AtomicReferenceArrays());

        r.register(Instant.class, new TimeSerializers.InstantSerializer());
        r.register(Duration.class, new TimeSerializers.DurationSerializer());
        r.register(LocalDate.class, new TimeSerializers.LocalDateSerializer());
        r.register(LocalTime.class, new TimeSerializers.LocalTimeSerializer());
        r.register(LocalDateTime.class, new TimeSerializers.LocalDateTimeSerializer());
        r.register(ZonedDateTime.class, new TimeSerializers.ZonedDateTimeSerializer());
        r.register(OffsetDateTime.class, new TimeSerializers.OffsetDateTimeSerializer());
        r.register(OffsetTime.class, new TimeSerializers.OffsetTimeSerializer());
        r.register(ZoneOffset.class, new TimeSerializers.ZoneOffsetSerializer());
        r.register(Samples.ZONE_REGION, new TimeSerializers.ZoneIdSerializer());
        r.register(Period.class, new TimeSerializers.PeriodSerializer());
        r.register(Year.class, new TimeSerializers.YearSerializer());
        r.register(YearMonth.class, new TimeSerializers.YearMonthSerializer());
        r.register(MonthDay.class, new TimeSerializers.MonthDaySerializer());
        for (Class<? extends Enum> e : List.of(DayOfWeek.class, Month.class, ChronoUnit.class, TimeUnit.class)) {
            r.register(e, new EnumSerializer(e));
        }

        r.register(Optional.class, new PartsFirst(new OptionalSerializers.OptionalSerializer()));
        r.register(OptionalInt.class, new OptionalSerializers.OptionalIntSerializer());
        r.register(OptionalLong.class, new OptionalSerializers.OptionalLongSerializer());
        r.register(OptionalDouble.class, new OptionalSerializers.OptionalDoubleSerializer());

        for (Class<?> c : List.of(
                ArrayList.class,
                LinkedList.class,
                HashSet.class,
                LinkedHashSet.class,
                ArrayDeque.class,
                Vector.class,
                CopyOnWriteArrayList.class,
                ConcurrentLinkedQueue.class,
                ConcurrentLinkedDeque.class)) {
            r.register(c, new GrowableCollections());
        }
        for (Class<?> c : List.of(HashMap.class, Hashtable.class, IdentityHashMap.class, ConcurrentHashMap.class)) {
            r.register(c, new GrowableMaps());
        }
        r.register(LinkedHashMap.class, new JdkCollectionSerializers.LinkedHashMaps());
        r.register(TreeMap.class, new DefaultSerializers.TreeMapSerializer());
        r.register(TreeSet.class, new DefaultSerializers.TreeSetSerializer());
        r.register(ConcurrentSkipListMap.class, new DefaultSerializers.ConcurrentSkipListMapSerializer());
        r.register(PriorityQueue.class, new PriorityQueues());
        r.register(EnumSet.class, new DefaultSerializers.EnumSetSerializer());
        for (Class<?> c : List.of(
                EnumMap.class,
                Properties.class,
                ConcurrentSkipListSet.class,
                CopyOnWriteArraySet.class,
                LinkedBlockingQueue.class,
                LinkedBlockingDeque.class,
                ArrayBlockingQueue.class,
                PriorityBlockingQueue.class,
                StackTraceElement.class,
                StackTraceElement[].class)) {
            // their settings (key type, defaults, comparator, capacity) have no public getter: Java serialization
            r.register(c, new ShellSerializer(c, policy));
        }
        r.register(Throwable.class, new ThrowableSerializer(policy));
        r.register(Throwable[].class, new ObjectArrays(null, Throwable[].class));
        r.register(SerializableLambda.class, ShellSerializer.forLambdas(policy));

        ImmutableCollectionSerializers.register(r);
        r.register(Arrays.asList().getClass(), new JdkCollectionSerializers.ArraysAsLists());
        r.register(java.util.Collections.nCopies(2, "").getClass(), new JdkCollectionSerializers.NCopies());
        r.register(Map.entry(1, 2).getClass(), new JdkCollectionSerializers.Entries());
        r.register(AbstractMap.SimpleEntry.class, new JdkCollectionSerializers.Entries());
        r.register(AbstractMap.SimpleImmutableEntry.class, new JdkCollectionSerializers.Entries());
        r.register(
                java.util.Collections.EMPTY_LIST.getClass(), new DefaultSerializers.CollectionsEmptyListSerializer());
        r.register(java.util.Collections.EMPTY_MAP.getClass(), new DefaultSerializers.CollectionsEmptyMapSerializer());
        r.register(java.util.Collections.EMPTY_SET.getClass(), new DefaultSerializers.CollectionsEmptySetSerializer());
        r.register(
                java.util.Collections.emptyNavigableSet().getClass(),
                new JdkCollectionSerializers.Singleton<>(java.util.Collections::emptyNavigableSet));
        r.register(
                java.util.Collections.emptyNavigableMap().getClass(),
                new JdkCollectionSerializers.Singleton<>(java.util.Collections::emptyNavigableMap));
        r.register(
                java.util.Collections.singletonList(1).getClass(),
                new PartsFirst(new DefaultSerializers.CollectionsSingletonListSerializer()));
        r.register(
                java.util.Collections.singleton(1).getClass(),
                new PartsFirst(new DefaultSerializers.CollectionsSingletonSetSerializer()));
        r.register(
                java.util.Collections.singletonMap(1, 2).getClass(),
                new PartsFirst(new DefaultSerializers.CollectionsSingletonMapSerializer()));
        for (CollectionWrapperSerializer.Kind kind : CollectionWrapperSerializer.Kind.values()) {
            r.register(kind.type, new CollectionWrapperSerializer(kind));
        }
        for (Class<?> c : Samples.WITHOUT_GETTERS) {
            // checked collections' element types and reversed comparators have no public getter either
            r.register(c, new ShellSerializer(c, policy));
        }
        r.register(Comparator.naturalOrder().getClass(), new EnumSerializer((Class)
                Comparator.naturalOrder().getClass()));
    }

    /** Classes known only from an instance (JDK-private implementations), computed once. */
    private static final class Samples {
        static final Class<?> PATH = FileSystems.getDefault().getPath("").getClass();
        static final Class<?> ZONE_INFO = TimeZone.getTimeZone("UTC").getClass();
        static final Class<?> ZONE_REGION = ZoneId.of("Europe/Paris").getClass();
        static final Class<?> NATURAL_ORDER = Comparator.naturalOrder().getClass();
        static final List<Class<?>> CHARSETS = classes(
                StandardCharsets.UTF_8,
                StandardCharsets.US_ASCII,
                StandardCharsets.ISO_8859_1,
                StandardCharsets.UTF_16,
                StandardCharsets.UTF_16BE,
                StandardCharsets.UTF_16LE);
        static final List<Class<?>> WITHOUT_GETTERS = classes(
                java.util.Collections.checkedCollection(new ArrayList<>(), Object.class),
                java.util.Collections.checkedList(new ArrayList<>(), Object.class),
                java.util.Collections.checkedList(new LinkedList<>(), Object.class),
                java.util.Collections.checkedSet(new HashSet<>(), Object.class),
                java.util.Collections.checkedSortedSet(new TreeSet<>(), Object.class),
                java.util.Collections.checkedNavigableSet(new TreeSet<>(), Object.class),
                java.util.Collections.checkedQueue(new ArrayDeque<>(), Object.class),
                java.util.Collections.checkedMap(new HashMap<>(), Object.class, Object.class),
                java.util.Collections.checkedSortedMap(new TreeMap<>(), Object.class, Object.class),
                java.util.Collections.checkedNavigableMap(new TreeMap<>(), Object.class, Object.class),
                java.util.Collections.reverseOrder(),
                java.util.Collections.reverseOrder(String.CASE_INSENSITIVE_ORDER),
                String.CASE_INSENSITIVE_ORDER);

        private static List<Class<?>> classes(Object... samples) {
            return java.util.Arrays.stream(samples)
                    .<Class<?>>map(Object::getClass)
                    .toList();
        }
    }

    /** Stands for every serializable lambda class in the registrations (lambda classes have no loadable name). */
    static final class SerializableLambda {
        private SerializableLambda() {}
    }
}
