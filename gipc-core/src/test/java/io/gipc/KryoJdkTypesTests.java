package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Timestamp;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
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
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The default codec takes the common JDK types on JDK 17+ without --add-opens, and they arrive equal. */
class KryoJdkTypesTests {

    private final Codec<Object> codec = Codec.kryo();

    enum Colour {
        RED,
        GREEN {
            @Override
            public String toString() {
                return "green";
            }
        }
    }

    record Box<T>(T value, List<T> more) {}

    record Outer(String name, Inner inner) {
        record Inner(int depth, Map<String, Integer> counts) {}
    }

    sealed interface Shape permits Circle, Square {}

    record Circle(double radius) implements Shape {}

    record Square(double side) implements Shape {}

    static final class Account {
        private final String owner;
        private long balance;

        Account(String owner, long balance) {
            this.owner = owner;
            this.balance = balance;
        }
    }

    static class Base {
        private final String shadowed = "base";
        protected int counter;
    }

    /** Every primitive, final and transient fields, a field hidden by a field of the same name in its superclass. */
    static final class Everything extends Base {
        private final String shadowed;
        private final boolean bool;
        private final byte b;
        private final short s;
        private final char c;
        private final int i;
        private final long l;
        private final float f;
        private final double d;
        private final int[] ints;
        private final Colour colour;
        private final Object anything;
        private transient String notSent = "transient";

        Everything(String shadowed, Object anything) {
            this.shadowed = shadowed;
            this.bool = true;
            this.b = -8;
            this.s = Short.MIN_VALUE;
            this.c = '\u20ac';
            this.i = Integer.MIN_VALUE;
            this.l = Long.MAX_VALUE;
            this.f = Float.NaN;
            this.d = -0.0;
            this.ints = new int[] {1, 2};
            this.colour = Colour.GREEN;
            this.anything = anything;
            this.counter = 3;
        }
    }

    static final class Node {
        String name;
        Node next;
        final List<Object> links = new ArrayList<>();
    }

    @SuppressWarnings("unchecked")
    private <T> T roundTrip(T value) throws Exception {
        return (T) codec.decode(codec.encode(value));
    }

    private void assertArrivesEqual(Object... values) throws Exception {
        for (Object value : values) {
            Object back = roundTrip(value);
            assertThat(back).as("%s (%s)", value, value.getClass().getName()).isEqualTo(value);
            assertThat(back.getClass()).as("class of %s", value).isEqualTo(value.getClass());
        }
    }

    @Test
    void classObjectsArriveIncludingPrimitivesArraysVoidAndEnumConstantBodies() throws Exception {
        for (Class<?> type : List.of(
                String.class,
                int.class,
                void.class,
                int[].class,
                String[][].class,
                Colour.class,
                Colour.GREEN.getClass(),
                Map.Entry.class,
                Outer.Inner.class)) {
            assertThat(roundTrip(type)).isSameAs(type);
        }
    }

    @Test
    void jdkValueTypesArriveEqual() throws Exception {
        Timestamp timestamp = Timestamp.valueOf("2024-02-29 12:34:56.123456789");
        assertArrivesEqual(
                UUID.randomUUID(),
                URI.create("https://example.com/a%20b?q=1#frag"),
                Path.of("/tmp", "a b", "c.txt"),
                Path.of("relative/dir"),
                InetAddress.getByAddress(new byte[] {10, 1, 2, 3}),
                InetAddress.getByAddress("db.local", new byte[] {127, 0, 0, 1}),
                InetAddress.getByName("::1"),
                Currency.getInstance("EUR"),
                Locale.US,
                Locale.of("th", "TH", "TH"),
                Locale.forLanguageTag("sr-Latn-RS"),
                Locale.forLanguageTag("ja-JP-u-ca-japanese"),
                Locale.forLanguageTag("de-DE-x-private"),
                BitSet.valueOf(new long[] {5, 1L << 63}),
                new Date(1_700_000_000_123L),
                timestamp,
                java.sql.Date.valueOf("2024-02-29"),
                java.sql.Time.valueOf("12:34:56"),
                new BigInteger("-1234567890123456789012345678901234567890"),
                new BigDecimal("1234567890.000000000000000000001"),
                new StringBuilder("built").toString(),
                InetSocketAddress.createUnresolved("example.com", 8080));
        assertThat(roundTrip(timestamp).getNanos()).isEqualTo(123456789);
        assertThat(roundTrip(Locale.forLanguageTag("sr-Latn-RS")).getScript()).isEqualTo("Latn");
        assertThat(roundTrip(InetAddress.getByAddress("db.local", new byte[] {127, 0, 0, 1}))
                        .toString())
                .isEqualTo("db.local/127.0.0.1");
        Inet6Address scoped =
                Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1").getAddress(), 3);
        assertThat(roundTrip(scoped).getScopeId()).isEqualTo(3);
        // URL.equals resolves host names, Pattern has no equals: compare what they are made of
        URL url = URI.create("https://example.com:8443/x?y=z").toURL();
        assertThat(roundTrip(url).toExternalForm()).isEqualTo(url.toExternalForm());
        Pattern pattern = Pattern.compile("a+(b|c)?", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
        Pattern patternBack = roundTrip(pattern);
        assertThat(patternBack.pattern()).isEqualTo(pattern.pattern());
        assertThat(patternBack.flags()).isEqualTo(pattern.flags());
        assertThat(roundTrip(new StringBuilder("sb")).toString()).isEqualTo("sb");
        assertThat(roundTrip(new StringBuffer("sbf")).toString()).isEqualTo("sbf");
    }

    @Test
    void atomicsArriveWithTheirValues() throws Exception {
        assertThat(roundTrip(new AtomicInteger(-7)).get()).isEqualTo(-7);
        assertThat(roundTrip(new AtomicLong(Long.MIN_VALUE)).get()).isEqualTo(Long.MIN_VALUE);
        assertThat(roundTrip(new AtomicBoolean(true)).get()).isTrue();
        assertThat(roundTrip(new AtomicReference<>(List.of("x"))).get()).isEqualTo(List.of("x"));
        assertThat(roundTrip(new AtomicIntegerArray(new int[] {1, -2, 3})).toString())
                .isEqualTo("[1, -2, 3]");
        assertThat(roundTrip(new AtomicLongArray(new long[] {Long.MAX_VALUE, 0}))
                        .toString())
                .isEqualTo("[" + Long.MAX_VALUE + ", 0]");
        assertThat(roundTrip(new AtomicReferenceArray<>(new Object[] {"a", null, 3}))
                        .toString())
                .isEqualTo("[a, null, 3]");
        AtomicReference<Object> self = new AtomicReference<>();
        self.set(self);
        AtomicReference<?> selfBack = roundTrip(self);
        assertThat(selfBack.get()).isSameAs(selfBack);
    }

    @Test
    void everyJavaTimeTypeArrivesEqual() throws Exception {
        assertArrivesEqual(
                Instant.parse("2024-02-29T12:34:56.123456789Z"),
                Duration.ofSeconds(-5, 7),
                LocalDate.of(2024, 2, 29),
                LocalTime.of(23, 59, 59, 999_999_999),
                LocalDateTime.of(2024, 2, 29, 1, 2, 3, 4),
                ZonedDateTime.of(2024, 3, 31, 2, 30, 0, 0, ZoneId.of("Europe/Paris")),
                ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)),
                OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 1, ZoneOffset.ofHours(-3)),
                OffsetTime.of(10, 0, 0, 0, ZoneOffset.UTC),
                ZoneId.of("America/New_York"),
                ZoneOffset.ofHours(14),
                Period.of(1, -2, 3),
                Year.of(-44),
                YearMonth.of(2024, 2),
                MonthDay.of(2, 29),
                DayOfWeek.SUNDAY,
                Month.DECEMBER);
    }

    @Test
    void optionalsArriveEqual() throws Exception {
        assertArrivesEqual(
                Optional.of("x"), Optional.empty(), OptionalInt.of(3), OptionalLong.empty(), OptionalDouble.of(0.5));
    }

    @Test
    void collectionsWrappersArriveAsTheSameWrappersWithEqualContents() throws Exception {
        TreeSet<String> sorted = new TreeSet<>(Comparator.reverseOrder());
        sorted.addAll(List.of("a", "b", "c"));
        TreeMap<String, Integer> sortedMap = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sortedMap.put("B", 2);
        sortedMap.put("a", 1);
        List<Object> wrappers = List.of(
                Collections.unmodifiableList(new ArrayList<>(List.of(1, 2))),
                Collections.unmodifiableList(new LinkedList<>(List.of(1, 2))),
                Collections.unmodifiableSet(new LinkedHashSet<>(List.of("z", "a"))),
                Collections.unmodifiableMap(new LinkedHashMap<>(Map.of("k", "v"))),
                Collections.unmodifiableSortedSet(sorted),
                Collections.unmodifiableNavigableSet(sorted),
                Collections.unmodifiableSortedMap(sortedMap),
                Collections.unmodifiableNavigableMap(sortedMap),
                Collections.unmodifiableSequencedSet(new LinkedHashSet<>(List.of(3, 1))),
                Collections.unmodifiableSequencedMap(new LinkedHashMap<>(Map.of(1, 2))),
                Collections.synchronizedList(new ArrayList<>(List.of("s"))),
                Collections.synchronizedList(new LinkedList<>(List.of("s"))),
                Collections.synchronizedSet(new HashSet<>(Set.of(1))),
                Collections.synchronizedMap(new HashMap<>(Map.of(1, 2))),
                Collections.synchronizedSortedSet(sorted),
                Collections.synchronizedNavigableMap(sortedMap),
                Collections.checkedList(new ArrayList<>(List.of(1)), Integer.class),
                Collections.checkedSet(new HashSet<>(Set.of("c")), String.class),
                Collections.checkedMap(new HashMap<>(Map.of("k", 1)), String.class, Integer.class),
                Collections.checkedNavigableSet(new TreeSet<>(sorted), String.class),
                Collections.emptyList(),
                Collections.emptySet(),
                Collections.emptyMap(),
                Collections.emptySortedSet(),
                Collections.emptyNavigableMap(),
                Collections.singletonList("one"),
                Collections.singleton("one"),
                Collections.singletonMap("k", "v"),
                Collections.nCopies(3, "n"),
                Arrays.asList("a", null, "c"));
        for (Object wrapper : wrappers) {
            Object back = roundTrip(wrapper);
            assertThat(back.getClass()).as("class of %s", wrapper).isEqualTo(wrapper.getClass());
            assertThat(back).as("%s", wrapper.getClass().getName()).isEqualTo(wrapper);
            assertThat(new ArrayList<>(contents(back))).isEqualTo(new ArrayList<>(contents(wrapper)));
        }
        // collections and sequenced collections compare by identity: compare what they hold
        for (Collection<Integer> view : List.of(
                Collections.unmodifiableCollection(new ArrayList<>(List.of(1, 2))),
                Collections.synchronizedCollection(new ArrayList<>(List.of(1, 2))),
                Collections.unmodifiableSequencedCollection(new ArrayList<>(List.of(1, 2))))) {
            Collection<Integer> back = roundTrip(view);
            assertThat(back.getClass()).isEqualTo(view.getClass());
            assertThat(back).containsExactly(1, 2);
        }
        // the wrappers still do their job on the other side
        List<Integer> unmodifiable = roundTrip(Collections.unmodifiableList(new ArrayList<>(List.of(1))));
        assertThatThrownBy(() -> unmodifiable.add(2)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Object> checked = (List) roundTrip(Collections.checkedList(new ArrayList<>(List.of(1)), Integer.class));
        assertThatThrownBy(() -> checked.add("not an integer")).isInstanceOf(ClassCastException.class);
        SortedSet<String> reverseBack = roundTrip(Collections.unmodifiableSortedSet(sorted));
        assertThat(reverseBack).containsExactly("c", "b", "a");
    }

    private static Collection<?> contents(Object collectionOrMap) {
        return collectionOrMap instanceof Map<?, ?> m ? m.entrySet() : (Collection<?>) collectionOrMap;
    }

    @Test
    void immutableCollectionsArriveEqualAndStillRefuseChanges() throws Exception {
        assertArrivesEqual(
                List.of(),
                List.of(1),
                List.of(1, 2, 3, 4),
                Set.of(),
                Set.of("a"),
                Set.of("a", "b", "c"),
                Map.of(),
                Map.of("k", 1),
                Map.of("a", 1, "b", 2, "c", 3),
                Map.entry("k", "v"),
                new java.util.AbstractMap.SimpleEntry<>("k", 1),
                new java.util.AbstractMap.SimpleImmutableEntry<>("k", 1));
        assertThat(roundTrip(List.of(1, 2, 3).subList(1, 3))).isEqualTo(List.of(2, 3));
        List<Integer> withNull = roundTrip(Stream.of(1, null, 3).toList());
        assertThat(withNull).containsExactly(1, null, 3);
        assertThat(withNull.contains(null)).isTrue();
        List<Integer> noNulls = roundTrip(List.of(1));
        assertThatThrownBy(() -> noNulls.contains(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> noNulls.add(2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void enumMapsAndEnumSetsArriveEqual() throws Exception {
        EnumMap<Colour, String> map = new EnumMap<>(Colour.class);
        map.put(Colour.GREEN, "g");
        map.put(Colour.RED, "r");
        assertArrivesEqual(
                map,
                new EnumMap<>(Colour.class),
                EnumSet.of(Colour.GREEN),
                EnumSet.noneOf(Colour.class),
                EnumSet.allOf(Character.UnicodeScript.class));
        EnumMap<Colour, String> emptyBack = roundTrip(new EnumMap<>(Colour.class));
        emptyBack.put(Colour.RED, "typed");
        assertThat(emptyBack).containsEntry(Colour.RED, "typed");
    }

    @Test
    void linkedHashMapsKeepTheirOrderAndTheirAccessOrder() throws Exception {
        LinkedHashMap<String, Integer> insertion = new LinkedHashMap<>();
        insertion.put("z", 1);
        insertion.put("a", 2);
        LinkedHashMap<String, Integer> lru = new LinkedHashMap<>(16, 0.75f, true);
        lru.put("first", 1);
        lru.put("second", 2);
        lru.get("first");
        LinkedHashMap<String, Integer> insertionBack = roundTrip(insertion);
        LinkedHashMap<String, Integer> lruBack = roundTrip(lru);
        assertThat(insertionBack.keySet()).containsExactly("z", "a");
        assertThat(lruBack.keySet()).containsExactly("second", "first");
        lruBack.get("second");
        assertThat(lruBack.keySet()).containsExactly("first", "second");
        insertionBack.get("z");
        assertThat(insertionBack.keySet()).containsExactly("z", "a");
    }

    @Test
    void sortedCollectionsKeepTheirComparators() throws Exception {
        Comparator<String> byLength = (Comparator<String> & Serializable) (a, b) -> a.length() - b.length();
        for (Comparator<String> comparator : List.<Comparator<String>>of(
                byLength,
                Comparator.<String>reverseOrder(),
                Comparator.<String>naturalOrder(),
                String.CASE_INSENSITIVE_ORDER,
                Collections.reverseOrder(String.CASE_INSENSITIVE_ORDER))) {
            TreeSet<String> set = new TreeSet<>(comparator);
            set.addAll(List.of("ccc", "a", "BB"));
            TreeSet<String> back = roundTrip(set);
            assertThat(back).as("with %s", comparator).containsExactlyElementsOf(set);
            back.add("dddd");
            set.add("dddd");
            assertThat(back).containsExactlyElementsOf(set);
            TreeMap<String, Integer> map = new TreeMap<>(comparator);
            map.put("ccc", 3);
            map.put("a", 1);
            assertThat(roundTrip(map).keySet()).containsExactlyElementsOf(map.keySet());
        }
        assertThat(roundTrip(Comparator.reverseOrder())).isSameAs(Comparator.reverseOrder());
        ConcurrentSkipListSet<String> skip = new ConcurrentSkipListSet<>(Comparator.reverseOrder());
        skip.addAll(List.of("a", "b"));
        assertThat(roundTrip(skip)).containsExactly("b", "a");
    }

    @Test
    void queuesAndConcurrentCollectionsArriveWithTheirSettings() throws Exception {
        PriorityQueue<Integer> queue = new PriorityQueue<>(Comparator.reverseOrder());
        queue.addAll(List.of(1, 5, 3));
        PriorityQueue<Integer> queueBack = roundTrip(queue);
        assertThat(queueBack.poll()).isEqualTo(5);
        assertThat(queueBack.comparator()).isEqualTo(Comparator.reverseOrder());
        LinkedBlockingQueue<String> bounded = new LinkedBlockingQueue<>(5);
        bounded.add("x");
        LinkedBlockingQueue<String> boundedBack = roundTrip(bounded);
        assertThat(boundedBack).containsExactly("x");
        assertThat(boundedBack.remainingCapacity()).isEqualTo(4);
        ArrayBlockingQueue<String> array = new ArrayBlockingQueue<>(3, true, List.of("a"));
        assertThat(roundTrip(array).remainingCapacity()).isEqualTo(2);
        assertArrivesEqual(
                new ConcurrentHashMap<>(Map.of("k", 1)),
                new CopyOnWriteArrayList<>(List.of(1, 2)),
                new ArrayList<>(List.of(1)),
                new HashMap<>(Map.of(1, 2)),
                new TreeMap<>(Map.of(1, 2)));
        assertThat(roundTrip(new ArrayDeque<>(List.of(1, 2, 3)))).containsExactly(1, 2, 3);
        Properties properties = new Properties();
        properties.setProperty("own", "1");
        Properties withDefaults = new Properties(properties);
        withDefaults.setProperty("top", "2");
        Properties back = roundTrip(withDefaults);
        assertThat(back.getProperty("top")).isEqualTo("2");
        assertThat(back.getProperty("own")).isEqualTo("1");
    }

    @Test
    void recordsArriveEqualGenericNestedAndSealed() throws Exception {
        List<Shape> shapes = List.of(new Circle(1.5), new Square(2));
        assertArrivesEqual(
                new Box<>("v", List.of("w")),
                new Box<>(new Box<>(1, List.of()), List.of()),
                new Outer("o", new Outer.Inner(2, Map.of("a", 1))),
                new Circle(3));
        assertThat(roundTrip(shapes)).isEqualTo(shapes);
        assertThat(roundTrip(Colour.GREEN)).isSameAs(Colour.GREEN);
    }

    @Test
    void classesWithoutANoArgConstructorArriveWithTheirFields() throws Exception {
        Account back = roundTrip(new Account("ada", 42));
        assertThat(back.owner).isEqualTo("ada");
        assertThat(back.balance).isEqualTo(42);
    }

    @Test
    void plainClassesArriveWithEveryFieldOfTheirHierarchy() throws Exception {
        Everything back = roundTrip(new Everything("sub", List.of("x")));
        assertThat(back.shadowed).isEqualTo("sub");
        assertThat(((Base) back).shadowed).isEqualTo("base");
        assertThat(back.counter).isEqualTo(3);
        assertThat(back.bool).isTrue();
        assertThat(back.b).isEqualTo((byte) -8);
        assertThat(back.s).isEqualTo(Short.MIN_VALUE);
        assertThat(back.c).isEqualTo('\u20ac');
        assertThat(back.i).isEqualTo(Integer.MIN_VALUE);
        assertThat(back.l).isEqualTo(Long.MAX_VALUE);
        assertThat(back.f).isNaN();
        assertThat(Double.doubleToRawLongBits(back.d)).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(back.ints).containsExactly(1, 2);
        assertThat(back.colour).isSameAs(Colour.GREEN);
        assertThat(back.anything).isEqualTo(List.of("x"));
        assertThat(back.notSent).isNull();
        Everything withNulls = roundTrip(new Everything(null, null));
        assertThat(withNulls.shadowed).isNull();
        assertThat(withNulls.anything).isNull();
    }

    @Test
    void innerAndLocalClassesArriveWithTheirOuterInstanceAndCapturedValues() throws Exception {
        String captured = "captured";
        class Local {
            String value() {
                return captured + " " + marker;
            }
        }
        Local back = roundTrip(new Local());
        assertThat(back.value()).isEqualTo("captured outer");
    }

    private final String marker = "outer";

    @Test
    void sharedReferencesAndCyclesSurvive() throws Exception {
        Node a = new Node();
        Node b = new Node();
        a.name = "a";
        b.name = "b";
        a.next = b;
        b.next = a;
        List<Object> shared = new ArrayList<>(List.of("x"));
        a.links.add(shared);
        b.links.add(shared);
        List<Object> wrapped = Collections.unmodifiableList(new ArrayList<>());
        a.links.add(wrapped);
        a.links.add(Arrays.asList(a, b));
        Node back = roundTrip(a);
        assertThat(back.next.next).isSameAs(back);
        assertThat(back.links.get(0)).isSameAs(back.next.links.get(0));
        assertThat(((List<?>) back.links.get(2)).get(0)).isSameAs(back);

        List<Object> selfList = new ArrayList<>();
        List<Object> selfView = Collections.synchronizedList(selfList);
        selfList.add(selfView);
        List<?> viewBack = roundTrip(selfView);
        assertThat(viewBack.get(0)).isSameAs(viewBack);
    }

    @Test
    void aCycleThroughARecordFailsTheEncodeNamingTheRecord() {
        List<Object> items = new ArrayList<>();
        Box<Object> box = new Box<>("b", items);
        items.add(box);
        assertThatThrownBy(() -> codec.encode(box))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("cycle through a " + Box.class.getName());
        List<Object> inImmutable = new ArrayList<>();
        List<Object> immutable = List.of(inImmutable);
        inImmutable.add(immutable);
        assertThatThrownBy(() -> codec.encode(immutable))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("cycle through a java.util.ImmutableCollections");
    }

    @Test
    void stringsArriveEqualAtTopLevelAndInsideGraphs() throws Exception {
        String longAscii = "0123456789abcdef".repeat(4000);
        List<String> strings = List.of(
                "",
                "plain",
                longAscii,
                "caf\u00e9 na\u00efve",
                "\u00e9".repeat(100),
                "\u20ac \ud834\udd1e \u4e2d\u6587",
                "\ud834\udd1e".repeat(50),
                "lone \ud800 surrogate",
                "\udc00 low first",
                "x".repeat(70) + "\ud800");
        for (String s : strings) {
            assertThat(roundTrip(s)).isEqualTo(s);
            assertThat(roundTrip(List.of(s, new Box<>(s, List.of(s))))).isEqualTo(List.of(s, new Box<>(s, List.of(s))));
        }
        // one byte per character for ASCII and Latin-1 text, plus the tag byte
        assertThat(codec.encode(longAscii)).hasSize(longAscii.length() + 1);
        assertThat(codec.encode("\u00e9".repeat(100))).hasSize(101);
        assertThat(roundTrip(new String[] {"a", null, "b"})).containsExactly("a", null, "b");
    }

    @Test
    void jdkClassesThatCannotTravelFaithfullyFailTheEncodeNamingTheClass() {
        assertThatThrownBy(() -> codec.encode(new HashMap<>(Map.of(1, 2)).keySet()))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("java.util.HashMap$KeySet")
                .hasMessageContaining("copy");
        assertThatThrownBy(() -> codec.encode(List.of(new Box<>(Thread.currentThread(), List.of()))))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("java.lang.Thread");
        Runnable notSerializable = () -> {};
        assertThatThrownBy(() -> codec.encode(notSerializable))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("not Serializable");
        assertThatThrownBy(() -> codec.encode(new ArrayList<>(List.of(1, 2, 3)).subList(0, 1)))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("java.util.ArrayList$SubList");
    }

    @Test
    void serializableLambdasArriveAndWork() throws Exception {
        int offset = 10;
        java.util.function.IntUnaryOperator add = (java.util.function.IntUnaryOperator & Serializable) x -> x + offset;
        assertThat(roundTrip(add).applyAsInt(1)).isEqualTo(11);
    }
}
