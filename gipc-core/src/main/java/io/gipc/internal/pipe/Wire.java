package io.gipc.internal.pipe;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The byte layout of gipc connections.
 *
 * <p>Every connection to a reader's socket starts with a hello: magic, version, type, channel id, secret and
 * segment. A writer's connection then carries frames: a 4-byte big-endian length and that many payload bytes;
 * length {@link #END} ends the segment (the writer moved or was redirected), end of stream means the writer closed
 * or died. The reader may send {@link #REDIRECT} back. A takeover connection carries frames relayed from the old
 * reader, then {@link #NEXT} with the next segment number, or {@link #EOF}.
 */
final class Wire {

    static final int MAGIC = 0x47495043;
    static final byte VERSION = 1;
    static final byte DATA = 1;
    static final byte TAKEOVER = 2;
    static final byte SENTINEL = 3;

    static final int END = -1;
    static final int NEXT = -2;
    static final int EOF = -3;

    static final byte REDIRECT = 'R';
    static final byte GO = 'G';
    static final byte DONE = 'D';

    static final int ID_LENGTH = 16;
    static final int SECRET_LENGTH = 32;
    static final int HELLO_SIZE = 4 + 1 + 1 + ID_LENGTH + SECRET_LENGTH + 4;

    private Wire() {}

    static ByteBuffer hello(PipeAddress address, byte type, int segment) {
        ByteBuffer b = ByteBuffer.allocate(HELLO_SIZE);
        b.putInt(MAGIC).put(VERSION).put(type);
        b.put(address.id().getBytes(StandardCharsets.US_ASCII));
        b.put(address.secret());
        b.putInt(segment);
        return b.flip();
    }

    /** A received hello. */
    record Hello(byte type, String id, byte[] secret, int segment) {

        boolean proves(PipeAddress address) {
            return id.equals(address.id()) && MessageDigest.isEqual(secret, address.secret());
        }
    }

    static Hello readHello(SocketChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HELLO_SIZE);
        readFully(ch, b);
        b.flip();
        if (b.getInt() != MAGIC) {
            throw new IOException("not a gipc connection (bad magic)");
        }
        byte version = b.get();
        if (version != VERSION) {
            throw new IOException("gipc wire version " + version + " is not supported (expected " + VERSION + ")");
        }
        byte type = b.get();
        byte[] id = new byte[ID_LENGTH];
        b.get(id);
        byte[] secret = new byte[SECRET_LENGTH];
        b.get(secret);
        return new Hello(type, new String(id, StandardCharsets.US_ASCII), secret, b.getInt());
    }

    static void readFully(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new EOFException("connection closed");
            }
        }
    }

    static byte readByte(SocketChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1);
        readFully(ch, b);
        return b.get(0);
    }

    static void writeByte(SocketChannel ch, byte value) throws IOException {
        writeFully(ch, ByteBuffer.wrap(new byte[] {value}));
    }

    static void writeFully(SocketChannel ch, ByteBuffer... buffers) throws IOException {
        long remaining = 0;
        for (ByteBuffer b : buffers) {
            remaining += b.remaining();
        }
        while (remaining > 0) {
            remaining -= ch.write(buffers);
        }
    }

    /**
     * Heap buffers are copied into a temporary direct buffer on every write, whole: a large payload is written
     * in slices so that each write copies only what it can send.
     */
    static final int SLICE = 1 << 20;

    static void writePayload(SocketChannel ch, ByteBuffer header, byte[] payload) throws IOException {
        if (payload.length <= SLICE) {
            writeFully(ch, header, ByteBuffer.wrap(payload));
            return;
        }
        writeFully(ch, header);
        for (int off = 0; off < payload.length; off += SLICE) {
            writeFully(ch, ByteBuffer.wrap(payload, off, Math.min(SLICE, payload.length - off)));
        }
    }

    static void writeInt(SocketChannel ch, int value) throws IOException {
        writeFully(ch, ByteBuffer.allocate(4).putInt(0, value));
    }
}
