package io.gipc.internal.pipe;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A reading end's move to a child, both sides, top to bottom.
 *
 * <ol>
 *   <li>The child binds a socket aside and connects to the holder's with a takeover hello ({@link #takeOver}).
 *   <li>The holder links its socket file to a second name, says {@link Wire#GO}; the child renames its socket over
 *       the pipe's path and says {@link Wire#DONE}. New writers now reach the child.
 *   <li>The holder accepts what reached its socket before the rename: a sentinel connection through the second
 *       name comes after all of them ({@link #drainBacklog}).
 *   <li>It tells every writer connected to it to {@link Wire#REDIRECT}: each connects to the child first, then
 *       ends its segment here with {@link Wire#END}.
 *   <li>It forwards every queued and later message to the child, then {@link Wire#NEXT} with the segment the child
 *       reads next, or {@link Wire#EOF} when the stream ended here ({@link #forward}).
 * </ol>
 */
final class ReaderMove {

    private static final System.Logger LOG = System.getLogger("io.gipc.pipe");

    private final ReaderCore core;
    private final PipeAddress address;
    private final MessageQueue queue;
    private final SegmentReader segments;

    ReaderMove(ReaderCore core, PipeAddress address, MessageQueue queue, SegmentReader segments) {
        this.core = core;
        this.address = address;
        this.queue = queue;
        this.segments = segments;
    }

    /**
     * The child's side: asks the holder of the pipe's socket to let us rename {@code aside} (ours, bound) over it.
     *
     * @return the connection to the old holder, which then relays what it holds
     */
    static SocketChannel takeOver(PipeAddress address, Path aside) throws IOException {
        SocketChannel holder = SocketChannel.open(UnixDomainSocketAddress.of(address.socketPath()));
        try {
            Wire.writeFully(holder, Wire.hello(address, Wire.TAKEOVER, 0));
            if (Wire.readByte(holder) != Wire.GO) {
                throw new IOException("the holder refused the takeover");
            }
            Files.move(
                    aside, address.socketPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Wire.writeByte(holder, Wire.DONE);
            return holder;
        } catch (IOException | RuntimeException e) {
            ReaderCore.closeQuietly(holder);
            throw e;
        }
    }

    /**
     * The holder's side, on the relay's own thread, once the child connected with a takeover hello.
     *
     * @return whether the child took over everything this end held
     */
    boolean relay(SocketChannel child) {
        Path main = address.socketPath();
        Path old = main.resolveSibling(address.id() + "." + Secrets.token(4) + ".o");
        try {
            Files.createLink(old, main);
            Wire.writeByte(child, Wire.GO);
            if (Wire.readByte(child) != Wire.DONE) {
                throw new IOException("the child did not confirm the takeover");
            }
            core.disownPath();
            drainBacklog(old);
            redirectWriters();
            forward(child);
            return true;
        } catch (IOException | InterruptedException e) {
            LOG.log(Level.WARNING, "handing {0} to the child failed: {1}", address, e.toString());
            return false;
        } finally {
            ReaderCore.deleteQuietly(old);
        }
    }

    /** Accepts every connection that reached our socket before the rename: the sentinel comes after them. */
    private void drainBacklog(Path old) throws IOException, InterruptedException {
        try (SocketChannel sentinel = SocketChannel.open(UnixDomainSocketAddress.of(old))) {
            Wire.writeFully(sentinel, Wire.hello(address, Wire.SENTINEL, 0));
            core.awaitSentinel();
        }
    }

    private void redirectWriters() {
        ReentrantLock lock = queue.lock();
        List<SocketChannel> live;
        lock.lock();
        try {
            live = segments.liveConnections();
        } finally {
            lock.unlock();
        }
        for (SocketChannel ch : live) {
            try {
                Wire.writeByte(ch, Wire.REDIRECT);
            } catch (IOException e) {
                // the writer is gone; reading sees that connection end
            }
        }
    }

    private void forward(SocketChannel child) throws IOException, InterruptedException {
        ByteBuffer header = ByteBuffer.allocate(4);
        ReentrantLock lock = queue.lock();
        while (true) {
            byte[] payload;
            int trailer = 0;
            lock.lock();
            try {
                if (queue.isEmpty()) {
                    queue.demand();
                }
                while (queue.isEmpty() && !queue.isOver() && !segments.awaitsUnconnectedSegment()) {
                    queue.changed().await();
                }
                payload = queue.poll();
                if (payload == null) {
                    trailer = queue.isOver() ? Wire.EOF : segments.nextSegment();
                }
            } finally {
                lock.unlock();
            }
            if (payload != null) {
                header.clear().putInt(payload.length).flip();
                Wire.writePayload(child, header, payload);
            } else if (trailer == Wire.EOF) {
                Wire.writeInt(child, Wire.EOF);
                return;
            } else {
                Wire.writeFully(
                        child,
                        ByteBuffer.allocate(8).putInt(Wire.NEXT).putInt(trailer).flip());
                return;
            }
        }
    }
}
