package io.gipc.internal.pipe;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * Reads frames from one connection through a read-ahead buffer, so that many small frames cost one read.
 *
 * <p>A payload's array grows as its bytes arrive (from {@link #FIRST_ALLOCATION}, then to twice what arrived), so
 * a corrupted length never makes the reader allocate much more memory than the peer sent.
 */
final class FrameReader {

    /** Lengths up to this are allocated at once; larger payloads grow as their bytes arrive. */
    static final int FIRST_ALLOCATION = 64 << 10;

    private final SocketChannel channel;
    // Direct, so that a read lands here without the JDK copying through a temporary buffer first.
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(16 << 10).flip();

    FrameReader(SocketChannel channel) {
        this.channel = channel;
    }

    /** Returns the next header, or throws {@link EOFException} when the connection ended at a frame boundary. */
    int readInt() throws IOException {
        fill(4);
        return buffer.getInt();
    }

    byte[] readPayload(int length) throws IOException {
        byte[] payload = new byte[Math.min(length, FIRST_ALLOCATION)];
        int filled = 0;
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
                // slices: the JDK reads a heap buffer through a temporary direct buffer of the same size
                int n = channel.read(ByteBuffer.wrap(payload, filled, Math.min(Wire.SLICE, payload.length - filled)));
                if (n < 0) {
                    throw new EOFException("connection closed in the middle of a " + length + "-byte message");
                }
                filled += n;
            } else {
                refill();
            }
        }
        return payload;
    }

    private void fill(int needed) throws IOException {
        while (buffer.remaining() < needed) {
            refill();
        }
    }

    private void refill() throws IOException {
        buffer.compact();
        int n;
        try {
            n = channel.read(buffer);
        } finally {
            buffer.flip();
        }
        if (n < 0) {
            throw new EOFException(buffer.hasRemaining() ? "connection closed in the middle of a frame" : "end");
        }
    }
}
