package io.gipc.benchmarks.baseline;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The baseline's transport: length-prefixed frames (a 4-byte big-endian length, then the payload) over a blocking
 * JDK {@link SocketChannel}, written the way a careful program without a library would write it.
 *
 * <p>{@link #put} copies the frame into a reused direct buffer and writes it with one {@code write} call (larger
 * frames in 1 MiB chunks); it never coalesces frames. {@link #get} reads ahead into a reused 1 MiB direct buffer
 * and returns each payload as a new {@code byte[]}, as a pipe's {@code get()} does. Not thread-safe: one reader
 * and one writer thread at most.
 */
public final class FrameChannel implements AutoCloseable {

    private static final int BUFFER_SIZE = 1 << 20;

    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER_SIZE).flip();
    private final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER_SIZE);

    /**
     * Wraps a connected channel, which this object then owns.
     *
     * @param channel a connected, blocking channel
     */
    public FrameChannel(SocketChannel channel) {
        this.channel = channel;
    }

    /**
     * Writes one frame.
     *
     * @param message the payload
     * @throws IOException when the connection fails
     */
    public void put(byte[] message) throws IOException {
        out.clear().putInt(message.length);
        int offset = 0;
        do {
            int n = Math.min(out.remaining(), message.length - offset);
            out.put(message, offset, n);
            offset += n;
            out.flip();
            while (out.hasRemaining()) {
                channel.write(out);
            }
            out.clear();
        } while (offset < message.length);
    }

    /**
     * Reads one frame.
     *
     * @return its payload, a new array
     * @throws IOException when the connection fails or ends
     */
    public byte[] get() throws IOException {
        while (in.remaining() < Integer.BYTES) {
            fill();
        }
        int length = in.getInt();
        if (length < 0) {
            throw new IOException("corrupt frame: negative length " + length);
        }
        byte[] message = new byte[length];
        int offset = 0;
        while (offset < length) {
            if (!in.hasRemaining()) {
                fill();
            }
            int n = Math.min(in.remaining(), length - offset);
            in.get(message, offset, n);
            offset += n;
        }
        return message;
    }

    private void fill() throws IOException {
        in.compact();
        int read;
        try {
            read = channel.read(in);
        } finally {
            in.flip();
        }
        if (read < 0) {
            throw new EOFException("the peer closed the connection");
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
