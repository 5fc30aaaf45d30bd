package io.gipc.internal.pipe;

import io.gipc.GipcException;
import io.gipc.internal.Timeouts;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The transport side of a reading end: its listening socket, its lifecycle and its moves, with two parts: the
 * {@link MessageQueue} of received messages and the {@link SegmentReader} that fills it from the writers'
 * connections in segment order.
 *
 * <p>Threads: an acceptor virtual thread authenticates connections (parked in {@code accept}, it holds no OS
 * thread); the JVM's one pipe I/O thread ({@link PipeIo}) reads; consumers ({@code get()} or a relay) take from
 * the queue. An idle pipe costs no thread. All shared state is guarded by the queue's lock.
 *
 * <p>Moving: when the end moves to a child, the child connects with a takeover hello; a relay then renames the
 * child's socket over ours, drains what is still on its way to us and forwards every queued and later message to
 * the child, then tells it which segment comes next.
 */
final class ReaderCore {

    private static final System.Logger LOG = System.getLogger("io.gipc.pipe");
    private static final long HELLO_TIMEOUT_MILLIS = 2000;

    private final PipeAddress address;
    private final MessageQueue queue;
    private final SegmentReader segments;
    private final ReentrantLock lock;
    private final Condition changed;
    private final ServerSocketChannel listener;

    /** Closed by a user of this process (not moved away): writers of this process fail at once. */
    private volatile boolean closedHere;

    private boolean closed;
    private boolean ownsPath;
    private boolean moving;
    private boolean takeoverStarted;
    private boolean sentinelSeen;
    private Handoff relay;

    private ReaderCore(PipeAddress address, long capacity, ServerSocketChannel listener, SocketChannel predecessor) {
        this.address = address;
        this.listener = listener;
        this.queue = new MessageQueue(address, capacity, this::roomChanged);
        this.lock = queue.lock();
        this.changed = queue.changed();
        this.segments = new SegmentReader(address, queue, predecessor);
    }

    /** Binds the pipe's socket in this process: the reader starts here. */
    static ReaderCore listen(PipeAddress address, long capacity) {
        try {
            ServerSocketChannel listener = bind(address.socketPath());
            ReaderCore core = new ReaderCore(address, capacity, listener, null);
            core.ownsPath = true;
            LocalReaders.add(core);
            core.startThreads();
            return core;
        } catch (IOException e) {
            throw new GipcException("could not create the socket of " + address + " in " + address.directory(), e);
        }
    }

    /**
     * Takes the reader over from the process that holds it now (our parent): binds a socket aside, asks the
     * holder to let us rename it over its own, and reads what the holder relays before our own connections.
     */
    static ReaderCore takeOver(PipeAddress address, long capacity) {
        Path aside = address.socketPath().resolveSibling(address.id() + "." + Secrets.token(4) + ".t");
        ServerSocketChannel listener = null;
        try {
            listener = bind(aside);
            SocketChannel holder = ReaderMove.takeOver(address, aside);
            ReaderCore core = new ReaderCore(address, capacity, listener, holder);
            core.ownsPath = true;
            LocalReaders.add(core);
            core.startThreads();
            return core;
        } catch (IOException e) {
            closeQuietly(listener);
            deleteQuietly(aside);
            throw new GipcException("could not take over the reading end of " + address + " from its holder", e);
        }
    }

    private static ServerSocketChannel bind(Path path) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(path), 64);
            return ch;
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    private void startThreads() {
        Thread.ofVirtual().name("gipc-accept-" + address.name()).start(this::acceptLoop);
        segments.start();
    }

    /** The queue made room or a consumer asked: reading may go on. */
    private void roomChanged() {
        segments.resumeIfRoom();
    }

    PipeAddress address() {
        return address;
    }

    // ---- consumers ----

    /**
     * Takes the next message, waiting until {@code deadline} ({@link System#nanoTime()}), or forever when
     * {@code deadline} is {@link Long#MAX_VALUE}.
     */
    byte[] take(long deadline) throws InterruptedException {
        return queue.take(deadline);
    }

    // ---- acceptor ----

    private void acceptLoop() {
        while (true) {
            SocketChannel ch;
            try {
                ch = listener.accept();
            } catch (IOException e) {
                return;
            }
            Wire.Hello hello;
            Future<?> watchdog = Timeouts.closeLater(ch, HELLO_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            try {
                hello = Wire.readHello(ch);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "refused a connection to {0}: {1}", address, e.getMessage());
                closeQuietly(ch);
                continue;
            } finally {
                watchdog.cancel(false);
            }
            if (!hello.proves(address)) {
                LOG.log(Level.WARNING, "refused a connection to {0}: it did not prove the pipe's secret", address);
                closeQuietly(ch);
                continue;
            }
            if (!admit(ch, hello)) {
                return;
            }
        }
    }

    /** Files an authenticated connection; returns false when the acceptor should stop. */
    private boolean admit(SocketChannel ch, Wire.Hello hello) {
        lock.lock();
        try {
            switch (hello.type()) {
                case Wire.DATA -> {
                    if (closed || !segments.file(hello.segment(), ch)) {
                        LOG.log(Level.DEBUG, "refused segment {0} of {1}", hello.segment(), address);
                        closeQuietly(ch);
                    }
                    return true;
                }
                case Wire.TAKEOVER -> {
                    if (!moving || takeoverStarted || closed) {
                        LOG.log(Level.WARNING, "refused a takeover of {0}: it is not moving", address);
                        closeQuietly(ch);
                        return true;
                    }
                    takeoverStarted = true;
                    Thread.ofVirtual().name("gipc-relay-" + address.name()).start(() -> relay(ch));
                    return true;
                }
                case Wire.SENTINEL -> {
                    closeQuietly(ch);
                    sentinelSeen = true;
                    closeQuietly(listener);
                    changed.signalAll();
                    return false;
                }
                default -> {
                    LOG.log(Level.WARNING, "refused a connection of unknown type {0} to {1}", hello.type(), address);
                    closeQuietly(ch);
                    return true;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- moving ----

    /** Marks this reader as moving to a child; {@code whenDone} learns how the handover ended. */
    void beginMove(Handoff handoff) {
        lock.lock();
        try {
            moving = true;
            relay = handoff;
        } finally {
            lock.unlock();
        }
    }

    private void relay(SocketChannel child) {
        boolean ok = false;
        try {
            ok = new ReaderMove(this, address, queue, segments).relay(child);
        } finally {
            closeQuietly(child);
            shutdown();
            Handoff h = relay;
            if (h != null) {
                h.finished(ok);
            }
        }
    }

    /** The child renamed its socket over ours: the path is no longer ours to delete. */
    void disownPath() {
        lock.lock();
        try {
            ownsPath = false;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the acceptor took the sentinel connection, after every connection that came before it. */
    void awaitSentinel() throws InterruptedException {
        lock.lock();
        try {
            while (!sentinelSeen && !closed) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called when the child that should take this reader over is gone before the handover finished. */
    void abortMove() {
        shutdown();
    }

    /**
     * Gives up a move whose child never connected: the reader stays here with everything queued.
     *
     * @return whether it stays; false when the child had begun the takeover
     */
    boolean cancelMove() {
        lock.lock();
        try {
            if (!moving || takeoverStarted || closed) {
                return false;
            }
            moving = false;
            relay = null;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Closes a reader whose end nobody references any more, unless it is moving to a child. */
    void closeUnreferenced() {
        lock.lock();
        try {
            if (moving || closed) {
                return;
            }
        } finally {
            lock.unlock();
        }
        closeHere();
    }

    /** Whether this reader is open in this process: not closed, and not handed over to a child. */
    boolean isOpenHere() {
        lock.lock();
        try {
            return !closed && !moving;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the reader for a user of this process: writers here see a broken pipe at once. */
    void closeHere() {
        closedHere = true;
        shutdown();
    }

    boolean closedHere() {
        return closedHere;
    }

    // ---- closing ----

    /** Closes everything: the writers see a broken pipe, waiting consumers see end of stream. */
    void shutdown() {
        List<SocketChannel> toClose = new ArrayList<>();
        boolean deletePath;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            deletePath = ownsPath;
            ownsPath = false;
            toClose.addAll(segments.close());
            queue.close();
        } finally {
            lock.unlock();
        }
        LocalReaders.remove(this);
        closeQuietly(listener);
        toClose.forEach(ReaderCore::closeQuietly);
        if (deletePath) {
            deleteQuietly(address.socketPath());
        }
    }

    static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                // nothing more to do
            }
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the directory goes when its launcher closes
        }
    }
}
