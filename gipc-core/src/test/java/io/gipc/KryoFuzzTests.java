package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad input to the default codec's decoder: random bytes, truncations, flipped bits and absurd lengths each end in
 * a decoded value or an exception, never an {@link Error} (no OutOfMemoryError, no StackOverflowError), and the codec
 * decodes the next valid message right after. Deterministic: fixed seeds.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KryoFuzzTests {

    private final Codec<Object> codec = Codec.kryo();

    record Point(int x, int y, String label) {}

    record Shape(String name, List<Point> points, Map<String, Object> attributes) {}

    static final class Node {
        String name;
        Node next;
        int[] weights;
    }

    private final Object valid = new Shape("valid", List.of(new Point(1, 2, "p")), Map.of("k", 1L));

    private List<byte[]> corpus() throws Exception {
        Node a = new Node();
        Node b = new Node();
        a.name = "a";
        a.next = b;
        b.next = a;
        b.weights = new int[] {1, 2, 3};
        EnumMap<TimeUnit, String> units = new EnumMap<>(TimeUnit.class);
        units.put(TimeUnit.SECONDS, "s");
        LinkedHashMap<String, Object> ordered = new LinkedHashMap<>(16, 0.75f, true);
        ordered.put("x", List.of(1, 2));
        TreeSet<String> sorted = new TreeSet<>((Comparator<String> & Serializable) (p, q) -> q.compareTo(p));
        sorted.addAll(List.of("a", "b"));
        IOException failure = new IOException("disk", new IllegalStateException("inner"));
        failure.addSuppressed(new RuntimeException("suppressed"));
        List<Object> values = List.of(
                valid,
                a,
                "a string message",
                "x".repeat(300),
                new byte[] {1, 2, 3, 4},
                List.of("a", 1, 2.5, 'c', true, (byte) 7, (short) 8, 9L, 1.5f),
                new ArrayList<>(List.of(new Point(3, 4, null), "s")),
                Map.of("k", new int[] {1, 2}, "l", new long[] {3}, "m", new String[] {"x", null}),
                units,
                ordered,
                sorted,
                failure,
                Collections.unmodifiableList(new ArrayList<>(List.of(UUID.randomUUID(), Instant.EPOCH))),
                Collections.checkedList(new ArrayList<>(List.of(1)), Integer.class),
                Optional.of(Locale.forLanguageTag("sr-Latn-RS")),
                Set.of(Point.class, int.class),
                new Object[] {new Object[] {new Object[] {"deep"}}},
                Arrays.asList(1, null, 3));
        List<byte[]> messages = new ArrayList<>();
        for (Object value : values) {
            messages.add(codec.encode(value));
        }
        return messages;
    }

    /** Decodes bytes that may be anything; an exception is fine, an Error fails the test. */
    private void decodeAnything(byte[] bytes, String what) {
        try {
            codec.decode(bytes);
        } catch (Exception e) {
            // expected for most mutations: the codec said what was wrong
        } catch (Throwable t) {
            fail("decoding " + what + " escaped the codec with " + t, t);
        }
    }

    private void assertStillDecodesAValidMessage() throws Exception {
        assertThat(codec.decode(codec.encode(valid))).isEqualTo(valid);
    }

    @Test
    void tenThousandMutatedMessagesEachDecodeOrFailWithAnExceptionAndTheNextValidOneDecodes() throws Exception {
        List<byte[]> corpus = corpus();
        Random random = new Random(20_240_229L);
        for (int i = 0; i < 10_000; i++) {
            byte[] original = corpus.get(random.nextInt(corpus.size()));
            byte[] mutated = mutate(original, random);
            decodeAnything(mutated, "mutation " + i);
            if (i % 10 == 0) {
                assertStillDecodesAValidMessage();
            }
        }
        assertStillDecodesAValidMessage();
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        switch (random.nextInt(6)) {
            case 0 -> { // flip one to four bits, leaving the tag byte alone half of the time
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    int at = random.nextBoolean() ? random.nextInt(bytes.length) : 1 + random.nextInt(bytes.length - 1);
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length)); // truncate
            case 2 -> { // an absurd varint (about Integer.MAX_VALUE) where a count or an id may be
                byte[] huge = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07};
                int at = 1 + random.nextInt(bytes.length - 1);
                System.arraycopy(huge, 0, bytes, at, Math.min(huge.length, bytes.length - at));
            }
            case 3 -> { // random bytes in place
                int at = 1 + random.nextInt(bytes.length - 1);
                for (int j = at; j < Math.min(bytes.length, at + 1 + random.nextInt(8)); j++) {
                    bytes[j] = (byte) random.nextInt(256);
                }
            }
            case 4 -> { // random bytes inserted
                int at = 1 + random.nextInt(bytes.length - 1);
                byte[] inserted = new byte[1 + random.nextInt(6)];
                random.nextBytes(inserted);
                byte[] longer = new byte[bytes.length + inserted.length];
                System.arraycopy(bytes, 0, longer, 0, at);
                System.arraycopy(inserted, 0, longer, at, inserted.length);
                System.arraycopy(bytes, at, longer, at + inserted.length, bytes.length - at);
                bytes = longer;
            }
            default -> { // a slice of another part of the message copied over
                int from = random.nextInt(bytes.length);
                int to = 1 + random.nextInt(bytes.length - 1);
                int length = Math.min(random.nextInt(16), Math.min(bytes.length - from, bytes.length - to));
                System.arraycopy(original, from, bytes, to, length);
            }
        }
        return bytes;
    }

    /**
     * Every position of the first 1,000 bytes of a message (where counts and class names sit) and 300 seeded ones
     * after that (the bulk of an exception's stack trace): a failed decode costs a new Kryo instance.
     */
    private static int[] positions(byte[] message) {
        Random random = new Random(message.length);
        return java.util.stream.IntStream.concat(
                        java.util.stream.IntStream.range(1, Math.min(message.length, 1_000)),
                        message.length <= 1_000
                                ? java.util.stream.IntStream.empty()
                                : random.ints(300, 1_000, message.length))
                .toArray();
    }

    @Test
    void anAbsurdCountAnywhereInAMessageNeverExhaustsTheHeap() throws Exception {
        byte[][] counts = {
            {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07}, // Integer.MAX_VALUE
            {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F}, // 2^28 - 1
            {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08}, // negative
        };
        for (byte[] message : corpus()) {
            for (int at : positions(message)) {
                for (byte[] count : counts) {
                    byte[] bytes = message.clone();
                    System.arraycopy(count, 0, bytes, at, Math.min(count.length, bytes.length - at));
                    decodeAnything(bytes, "a count at " + at);
                }
            }
        }
        assertStillDecodesAValidMessage();
    }

    @Test
    void truncatedMessagesFailWithAnException() throws Exception {
        for (byte[] message : corpus()) {
            for (int length : positions(message)) {
                decodeAnything(Arrays.copyOf(message, length), "a prefix of " + length + " bytes");
            }
        }
        assertStillDecodesAValidMessage();
    }

    @Test
    void randomBytesDecodeOrFailWithAnException() throws Exception {
        Random random = new Random(7L);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(200)];
            random.nextBytes(bytes);
            if (random.nextBoolean()) {
                bytes[0] = 0; // a Kryo graph, to get past the tag byte
            }
            decodeAnything(bytes, "random bytes " + i);
        }
        assertStillDecodesAValidMessage();
    }

    @Test
    void aDeeplyNestedMessageFailsWithAnExceptionInsteadOfAStackOverflow() throws Exception {
        // 200,000 nested single-element Object[]: each level is a few bytes, far deeper than any stack
        int depth = 200_000;
        byte[] level = codec.encode(new Object[] {null});
        // level = [GRAPH][Object[] id][not null][length 2][null element]: repeat the array header instead of null
        byte[] header = Arrays.copyOfRange(level, 1, level.length - 1);
        byte[] bytes = new byte[1 + depth * header.length + 1];
        for (int i = 0; i < depth; i++) {
            System.arraycopy(header, 0, bytes, 1 + i * header.length, header.length);
        }
        bytes[bytes.length - 1] = level[level.length - 1];
        decodeAnything(bytes, "a deeply nested message");
        Node head = new Node();
        Node node = head;
        for (int i = 0; i < 100_000; i++) {
            node.next = new Node();
            node = node.next;
        }
        try {
            codec.encode(head);
        } catch (GipcException e) {
            assertThat(e).hasMessageContaining(Node.class.getName());
        }
        assertStillDecodesAValidMessage();
    }
}
