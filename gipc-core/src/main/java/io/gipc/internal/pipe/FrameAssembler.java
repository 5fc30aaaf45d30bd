package io.gipc.internal.pipe;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * Reads frames from one non-blocking connection through a read-ahead buffer, so that many small frames cost one
 * read, and a frame may arrive over many readiness events: every method returns what it could complete now and
 * says so when it must wait for the socket to become readable again.
 *
 * <p>A payload's array grows as its bytes arrive (from {@link #FIRST_ALLOCATION}, then to twice what arrived), so a
 * corrupted length never makes the reader allocate much more memory than the peer sent.
 */
final class FrameAssembler {

    /** Lengths up to this are allocated at once; larger payloads grow as their bytes arrive. */
    static final int FIRST_ALLOCATION = 64 << 10;

    private final SocketChannel channel;
    // Direct, so that a read lands here without the JDK copying through a temporary buffer first.
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(16 << 10).flip();
    /** The last read returned less than it asked for: the socket was empty then, so wait for readiness. */
    private boolean drained;

    private byte[] payload;
    private int filled;

    FrameAssembler(SocketChannel channel) {
        this.channel = channel;
    }

    /** Called at every readiness event: the socket may hold new bytes. */
    void readable() {
        drained = false;
    }

    /**
     * Whether the next 4-byte integer (a header, or the segment number after {@link Wire#NEXT}) is buffered.
     *
     * @throws EOFException when the connection ended (at a frame boundary or within one)
     */
    boolean intReady() throws IOException {
        while (buffer.remaining() < 4) {
            if (!refill()) {
                return false;
            }
        }
        return true;
    }

    int takeInt() {
        return buffer.getInt();
    }

    /**
     * Reads on into the payload of a frame whose header said {@code length}.
     *
     * @return the whole payload, or null when its bytes have not all arrived yet (call again when readable)
     */
    byte[] payload(int length) throws IOException {
        if (payload == null) {
            payload = new byte[Math.min(length, FIRST_ALLOCATION)];
            filled = 0;
        }
        while (filled < length) {
            if (filled == payload.length) {
                // grow with what actually arrived: a corrupted length costs at most twice what the peer sent,
                // and a real large message is copied about once in all
                payload = Arrays.copyOf(payload, (int) Math.min(length, 2L * filled));
            }
            if (buffer.hasRemaining()) {
                int n = Math.min(buffer.remaining(), payload.length - filled);
                buffer.get(payload, filled, n);
                filled += n;
            } else if (payload.length - filled >= buffer.capacity()) {
                if (drained) {
                    return null;
                }
                // slices: the JDK reads a heap buffer through a temporary direct buffer of the same size
                int asked = Math.min(Wire.SLICE, payload.length - filled);
                int n = channel.read(ByteBuffer.wrap(payload, filled, asked));
                if (n < 0) {
                    throw new EOFException("connection closed in the middle of a " + length + "-byte message");
                }
                drained = n < asked;
                filled += n;
            } else if (!refill()) {
                return null;
            }
        }
        byte[] whole = payload;
        payload = null;
        return whole;
    }

    /** Reads what the socket has into the buffer; false when it had nothing. */
    private boolean refill() throws IOException {
        if (drained) {
            return false;
        }
        buffer.compact();
        int asked = buffer.remaining();
        int n;
        try {
            n = channel.read(buffer);
        } finally {
            buffer.flip();
        }
        if (n < 0) {
            throw new EOFException(
                    buffer.hasRemaining() || payload != null ? "connection closed in the middle of a frame" : "end");
        }
        drained = n < asked;
        return n > 0;
    }
}
