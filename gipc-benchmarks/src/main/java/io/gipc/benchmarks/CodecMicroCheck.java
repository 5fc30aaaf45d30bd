package io.gipc.benchmarks;

import io.gipc.Codec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A quick, JMH-free look at the default codec's cost in one JVM (no pipes, no children): encode and decode of a
 * 64,000-character ASCII string, a Latin-1 string, a 64,000-byte array and 1,000 objects serialized field by field,
 * next to a plain copy of 64,000 bytes. Best of several rounds after a warm-up, in microseconds per operation. Not part of the
 * benchmark suite; run it with {@code java -cp ... io.gipc.benchmarks.CodecMicroCheck}.
 */
public final class CodecMicroCheck {

    private CodecMicroCheck() {}

    /** Eight fields, as a plain class (Kryo's field-by-field path). */
    static final class Reading {
        int sensor;
        long time;
        double value;
        String unit;
        Reading previous;
        private int quality;
        private boolean valid;
        short flags;
    }

    /**
     * Runs the check.
     *
     * @param args ignored
     * @throws Exception when the codec fails
     */
    public static void main(String[] args) throws Exception {
        Codec<Object> codec = Codec.kryo();
        String ascii = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!#".repeat(1_000);
        String latin1 = "caf\u00e9 ".repeat(12_800);
        byte[] bytes = new byte[64_000];
        new Random(1).nextBytes(bytes);
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Reading r = new Reading();
            r.sensor = i;
            r.time = i * 31L;
            r.value = i / 3.0;
            r.unit = "u" + (i % 10);
            r.quality = i;
            r.valid = true;
            r.flags = (short) i;
            readings.add(r);
        }
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            for (Object value : List.of(ascii, latin1, bytes, readings)) {
                byte[] encoded = codec.encode(value);
                best(() -> encode(codec, value));
                best(() -> decode(codec, encoded));
            }
        }
        System.out.printf("copy of 64,000 bytes: %.1f us%n", best(() -> Arrays.copyOf(bytes, bytes.length)));
        for (Object value : List.of(ascii, latin1, bytes, readings)) {
            byte[] encoded = codec.encode(value);
            double encode = best(() -> encode(codec, value));
            double decode = best(() -> decode(codec, encoded));
            System.out.printf(
                    "%-30s encode %7.1f us, decode %7.1f us, %,d bytes%n",
                    describe(value), encode, decode, encoded.length);
        }
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return s.length() + " chars (" + (s.chars().allMatch(c -> c < 128) ? "ASCII" : "Latin-1") + ")";
        }
        if (value instanceof byte[] b) {
            return "byte[" + b.length + "]";
        }
        return ((List<?>) value).size() + " eight-field objects";
    }

    private static Object encode(Codec<Object> codec, Object value) {
        try {
            return codec.encode(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object decode(Codec<Object> codec, byte[] encoded) {
        try {
            return codec.decode(encoded);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Best of 30 rounds of 200 calls, in microseconds per call; the first rounds warm the JIT up. */
    private static double best(Supplier<Object> operation) {
        long best = Long.MAX_VALUE;
        int sink = 0;
        for (int round = 0; round < 30; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                sink += System.identityHashCode(operation.get()) & 1;
            }
            best = Math.min(best, (System.nanoTime() - start) / 200);
        }
        if (sink < 0) {
            System.out.println(sink);
        }
        return best / 1_000.0;
    }
}
