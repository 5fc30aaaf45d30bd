package io.gipc.internal.launch;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.ReentrantLock;

/** The child's side of its control connection to the parent. */
final class ControlClient {

    private final SocketChannel channel;
    private final ReentrantLock lock = new ReentrantLock();

    private ControlClient(SocketChannel channel) {
        this.channel = channel;
    }

    static ControlClient connect(String path, byte[] token) throws IOException {
        SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(path));
        ByteBuffer b = ByteBuffer.wrap(token);
        while (b.hasRemaining()) {
            ch.write(b);
        }
        return new ControlClient(ch);
    }

    /** Sends one message; a parent that is gone is ignored (the orphan watchdog ends this process). */
    void send(byte type, long value) {
        ByteBuffer b = ByteBuffer.allocate(9).put(type).putLong(value).flip();
        lock.lock();
        try {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        } catch (IOException e) {
            // the parent is gone
        } finally {
            lock.unlock();
        }
    }
}
