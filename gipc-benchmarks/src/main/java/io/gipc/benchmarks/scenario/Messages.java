package io.gipc.benchmarks.scenario;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The control messages of the benchmark protocols and their checks. */
public final class Messages {

    /** The child's answer to the parent's SYN (gipc's benchmark shape). */
    static final byte[] ACK = "ACK".getBytes(StandardCharsets.US_ASCII);

    /** Ends a stream of data messages; its length (4) differs from every data message's. */
    static final byte[] STOP = "stop".getBytes(StandardCharsets.US_ASCII);

    /** The child is up and waiting (large-message and start benchmarks). */
    static final byte[] START = "start".getBytes(StandardCharsets.US_ASCII);

    /** The child received the large message. */
    static final byte[] DONE = "done".getBytes(StandardCharsets.US_ASCII);

    private Messages() {}

    static byte[] ofLong(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    static long toLong(byte[] message) {
        if (message.length != Long.BYTES) {
            throw new IllegalStateException("expected an 8-byte number, got " + message.length + " bytes");
        }
        return ByteBuffer.wrap(message).getLong();
    }

    static byte[] ofLongs(long first, long second) {
        return ByteBuffer.allocate(2 * Long.BYTES)
                .putLong(first)
                .putLong(second)
                .array();
    }

    static long[] toLongs(byte[] message) {
        if (message.length != 2 * Long.BYTES) {
            throw new IllegalStateException("expected two 8-byte numbers, got " + message.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(message);
        return new long[] {buffer.getLong(), buffer.getLong()};
    }

    static boolean is(byte[] message, byte[] expected) {
        return Arrays.equals(message, expected);
    }

    static void expect(byte[] message, byte[] expected) {
        if (!is(message, expected)) {
            throw new IllegalStateException("expected message '" + new String(expected, StandardCharsets.US_ASCII)
                    + "', got " + message.length + " bytes");
        }
    }
}
