package io.gipc.internal.pipe;

import io.gipc.GipcEofException;
import io.gipc.GipcException;
import io.gipc.GipcTimeoutException;
import io.gipc.internal.Timeouts;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The transport side of a reading end: the listening socket, the writer connections in segment order, and a
 * bounded queue of received messages filled from the connection of the current segment.
 *
 * <p>Threads: an acceptor virtual thread authenticates connections (parked in {@code accept}, it holds no OS
 * thread); the JVM's one pipe I/O thread ({@link PipeIo}) reads the connection of the current segment into the
 * queue without blocking; consumers ({@code get()} or a relay) take from the queue. An idle pipe costs no thread.
 * All shared state is guarded by {@link #lock}; {@link #in}, {@link #key} and the frame being read belong to the I/O
 * thread.
 *
 * <p>Moving: when the end moves to a child, the child connects with a takeover hello; a relay then renames the
 * child's socket over ours, drains what is still on its way to us and forwards every queued and later message to
 * the child, then tells it which segment comes next.
 */
final class ReaderCore implements PipeIo.Handler {

    private static final System.Logger LOG = System.getLogger("io.gipc.pipe");
    private static final long HELLO_TIMEOUT_MILLIS = 2000;
    /** Frames one pipe reads before the I/O thread turns to the others. */
    private static final int DRIVE_BUDGET = 256;
    /** How long a consumer spins for a message before it parks: a reply often arrives within this. */
    private static final long SPIN_NANOS = 30_000;

    private final PipeAddress address;
    private final long capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final Map<Integer, SocketChannel> pending = new HashMap<>();
    private final ServerSocketChannel listener;

    private long queuedBytes;
    /**
     * Whether a consumer asked for a message and found none since the last one was taken: a payload larger than
     * the queue's capacity is read only then, so an unread pipe holds at most its capacity.
     */
    private boolean demanded;
    /** Closed by a user of this process (not moved away): writers of this process fail at once. */
    private volatile boolean closedHere;
    /** Written under {@link #lock}, read without it by spinning consumers. */
    private volatile boolean readable;

    private int nextSegment;
    private SocketChannel current;
    private SocketChannel predecessor;
    /** Where reading stands; written under {@link #lock}. */
    private Reading reading = Reading.AWAITING_SEGMENT;
    /** The length of the payload whose reading waits for room in the queue, or -1. */
    private int pausedFor = -1;

    private FrameAssembler in;
    private SelectionKey key;
    private boolean haveHeader;
    private int header;
    private boolean admitted;
    private boolean finished;
    private GipcException pendingError;
    private boolean closed;
    private boolean ownsPath;
    private boolean moving;
    private boolean takeoverStarted;
    private boolean sentinelSeen;
    private Handoff relay;

    /** What the I/O thread reads next. */
    private enum Reading {
        /** The stream the old holder relays, after a takeover. */
        RELAYED,
        /** The connection of segment {@link #nextSegment}. */
        SEGMENT,
        /** The next segment's writer has not connected yet. */
        AWAITING_SEGMENT,
        /** The stream is over. */
        DONE
    }

    private ReaderCore(PipeAddress address, long capacity, ServerSocketChannel listener) {
        this.address = address;
        this.capacity = capacity;
        this.listener = listener;
    }

    /** Binds the pipe's socket in this process: the reader starts here. */
    static ReaderCore listen(PipeAddress address, long capacity) {
        try {
            ServerSocketChannel listener = bind(address.socketPath());
            ReaderCore core = new ReaderCore(address, capacity, listener);
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
        Path main = address.socketPath();
        Path aside = main.resolveSibling(address.id() + "." + Secrets.token(4) + ".t");
        ServerSocketChannel listener = null;
        SocketChannel holder = null;
        try {
            listener = bind(aside);
            holder = SocketChannel.open(UnixDomainSocketAddress.of(main));
            Wire.writeFully(holder, Wire.hello(address, Wire.TAKEOVER, 0));
            if (Wire.readByte(holder) != Wire.GO) {
                throw new IOException("the holder refused the takeover");
            }
            Files.move(aside, main, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Wire.writeByte(holder, Wire.DONE);
            ReaderCore core = new ReaderCore(address, capacity, listener);
            core.ownsPath = true;
            core.predecessor = holder;
            LocalReaders.add(core);
            core.startThreads();
            return core;
        } catch (IOException e) {
            closeQuietly(holder);
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
        PipeIo.get().execute(this::startReading);
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
        spinUntilReadable(deadline);
        lock.lock();
        try {
            if (queue.isEmpty() && !finished && pendingError == null && !closed) {
                awaitMessage(deadline);
            }
            if (!queue.isEmpty()) {
                byte[] payload = queue.poll();
                queuedBytes -= payload.length;
                demanded = false;
                updateReadable();
                resumeIfRoom();
                return payload;
            }
            if (pendingError != null) {
                GipcException e = pendingError;
                pendingError = null;
                updateReadable();
                throw e;
            }
            throw new GipcEofException("end of " + address + ": the writing end was closed or its process ended");
        } finally {
            lock.unlock();
        }
    }

    /** A consumer found the queue empty: a message larger than the queue may now be read. */
    private void demand() {
        if (!demanded) {
            demanded = true;
            resumeIfRoom();
        }
    }

    /** Waits for a message, having asked for one (see {@link #demanded}). */
    private void awaitMessage(long deadline) throws InterruptedException {
        demand();
        while (queue.isEmpty() && !finished && pendingError == null && !closed) {
            if (deadline == Long.MAX_VALUE) {
                changed.await();
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new GipcTimeoutException("no message arrived in time on " + address);
                }
                changed.awaitNanos(left);
            }
        }
    }

    private void spinUntilReadable(long deadline) {
        if (readable) {
            return;
        }
        long start = System.nanoTime();
        long until = Math.min(deadline, start + SPIN_NANOS);
        // A platform thread yields as it spins: on a machine with few cores the pump and the peer need the CPU it
        // waits on. A virtual thread only spins: yielding would requeue it behind every other virtual thread.
        boolean yields = !Thread.currentThread().isVirtual();
        for (int i = 1; !readable; i++) {
            if ((i & 7) == 0) {
                if (yields) {
                    Thread.yield();
                }
                if (System.nanoTime() - until > 0) {
                    return;
                }
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** Call with {@link #lock} held whenever the queue or the end-of-stream state changes. */
    private void updateReadable() {
        readable = !queue.isEmpty() || finished || pendingError != null || closed;
    }

    // ---- reading, on the pipe I/O thread ----

    /** Begins reading on the I/O thread: the predecessor's relayed stream first, if there is one. */
    private void startReading() {
        SocketChannel first;
        lock.lock();
        try {
            if (closed) {
                reading = Reading.DONE;
                return;
            }
            first = predecessor;
            reading = first != null ? Reading.RELAYED : Reading.AWAITING_SEGMENT;
        } finally {
            lock.unlock();
        }
        if (first == null || attach(first)) {
            drive();
        }
    }

    @Override
    public void drive() {
        if (in != null) {
            in.readable();
        }
        try {
            for (int budget = DRIVE_BUDGET; budget > 0; budget--) {
                boolean progressed = switch (reading) {
                    case DONE -> false;
                    case AWAITING_SEGMENT -> nextConnection();
                    case RELAYED, SEGMENT -> frameStep();
                };
                if (!progressed) {
                    return;
                }
            }
            // one busy pipe does not keep the others waiting: go on after what is queued on the I/O thread
            PipeIo.get().execute(this::drive);
        } catch (IOException e) {
            // end of stream, at a frame boundary or within one: the writer closed or its process died
            endStream(null);
        }
    }

    @Override
    public void failed(Throwable error) {
        endStream(
                new GipcException("reading " + address + " failed (" + error + "); its connection was closed", error));
    }

    /** Reads one frame or control word; returns whether it got one (false: wait for the socket or for room). */
    private boolean frameStep() throws IOException {
        if (!haveHeader) {
            if (!in.intReady()) {
                return false;
            }
            header = in.takeInt();
            haveHeader = true;
        }
        if (header >= 0 && header <= address.maxMessageSize()) {
            if (!admitted && !(admitted = admit(header))) {
                return false;
            }
            byte[] payload = in.payload(header);
            if (payload == null) {
                return false;
            }
            haveHeader = false;
            admitted = false;
            enqueue(payload);
            return true;
        }
        if (reading == Reading.RELAYED) {
            return relayedControl();
        }
        haveHeader = false;
        if (header == Wire.END) {
            lock.lock();
            try {
                closeQuietly(current);
                current = null;
                nextSegment++;
                reading = Reading.AWAITING_SEGMENT;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            return true;
        }
        String what = header >= 0
                ? "a frame of " + header + " bytes, larger than the maximum of " + address.maxMessageSize() + " bytes"
                : "a corrupted frame header (" + header + ")";
        LOG.log(Level.WARNING, "refused {0} on {1}; closing that connection", what, address);
        endStream(new GipcException("refused " + what + " on " + address
                + ": the message was not read and the writer's connection was closed"));
        return false;
    }

    /** The old holder's relayed stream ends with the next segment's number, or with end of stream. */
    private boolean relayedControl() throws IOException {
        if (header != Wire.NEXT) {
            endStream(null);
            return false;
        }
        if (!in.intReady()) {
            return false;
        }
        int next = in.takeInt();
        haveHeader = false;
        lock.lock();
        try {
            nextSegment = next;
            closeQuietly(predecessor);
            predecessor = null;
            reading = Reading.AWAITING_SEGMENT;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return true;
    }

    /** Takes the connection of the next segment once it has connected; returns whether it did. */
    private boolean nextConnection() {
        SocketChannel ch;
        lock.lock();
        try {
            if (closed) {
                reading = Reading.DONE;
                return false;
            }
            ch = pending.remove(nextSegment);
            if (ch == null) {
                changed.signalAll(); // a relay waits to learn that the next segment has not connected here
                return false;
            }
            current = ch;
            reading = Reading.SEGMENT;
        } finally {
            lock.unlock();
        }
        return attach(ch);
    }

    private boolean attach(SocketChannel ch) {
        try {
            in = new FrameAssembler(ch);
            key = PipeIo.get().register(ch, this);
            return true;
        } catch (IOException e) {
            endStream(null);
            return false;
        }
    }

    /**
     * Whether a payload of {@code length} bytes may be read now: it fits in the queue, or the queue is empty and
     * the payload is no larger than the queue, or a consumer waits for it. Otherwise the connection is not read
     * until a consumer makes room, and its bytes stay in the socket, so the writer blocks as with an OS pipe.
     */
    private boolean admit(int length) {
        lock.lock();
        try {
            if (closed) {
                reading = Reading.DONE;
                return false;
            }
            boolean room = hasRoom(length);
            pausedFor = room ? -1 : length;
            if (key.isValid()) {
                key.interestOps(room ? SelectionKey.OP_READ : 0);
            }
            return room;
        } finally {
            lock.unlock();
        }
    }

    /** Call with {@link #lock} held after the queue shrank or a consumer asked: reading goes on if it may. */
    private void resumeIfRoom() {
        if (pausedFor >= 0 && hasRoom(pausedFor)) {
            pausedFor = -1;
            PipeIo.get().execute(this::drive);
        }
    }

    private boolean hasRoom(int length) {
        if (queue.isEmpty()) {
            return length <= capacity || demanded;
        }
        return queuedBytes + length <= capacity;
    }

    /** Queues a payload that {@link #admit} let in. */
    private void enqueue(byte[] payload) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            queue.add(payload);
            queuedBytes += payload.length;
            readable = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The stream is over: the connection being read is closed, consumers see end of stream or {@code error}. */
    private void endStream(GipcException error) {
        lock.lock();
        try {
            reading = Reading.DONE;
            if (current != null) {
                closeQuietly(current);
                current = null;
            }
            if (predecessor != null) {
                closeQuietly(predecessor);
                predecessor = null;
            }
        } finally {
            lock.unlock();
        }
        finish(error);
    }

    private void finish(GipcException error) {
        lock.lock();
        try {
            finished = true;
            if (error != null && pendingError == null) {
                pendingError = error;
            }
            readable = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
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
                    if (closed || hello.segment() < nextSegment) {
                        LOG.log(Level.DEBUG, "refused segment {0} of {1}", hello.segment(), address);
                        closeQuietly(ch);
                    } else {
                        // a segment connects again only when its first holder died before it attached: that
                        // connection carried nothing, the new one takes its place
                        closeQuietly(pending.put(hello.segment(), ch));
                        if (reading == Reading.AWAITING_SEGMENT && hello.segment() == nextSegment) {
                            PipeIo.get().execute(this::drive);
                        }
                        changed.signalAll();
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
        Path main = address.socketPath();
        Path old = main.resolveSibling(address.id() + "." + Secrets.token(4) + ".o");
        boolean ok = false;
        try {
            Files.createLink(old, main);
            Wire.writeByte(child, Wire.GO);
            if (Wire.readByte(child) != Wire.DONE) {
                throw new IOException("the child did not confirm the takeover");
            }
            lock.lock();
            try {
                ownsPath = false;
            } finally {
                lock.unlock();
            }
            drainBacklog(old);
            redirectWriters();
            forward(child);
            ok = true;
        } catch (IOException | InterruptedException e) {
            LOG.log(Level.WARNING, "handing {0} to the child failed: {1}", address, e.toString());
        } finally {
            deleteQuietly(old);
            closeQuietly(child);
            shutdown();
            Handoff h = relay;
            if (h != null) {
                h.finished(ok);
            }
        }
    }

    /** Accepts every connection that reached our socket before the rename: the sentinel comes after them. */
    private void drainBacklog(Path old) throws IOException, InterruptedException {
        try (SocketChannel sentinel = SocketChannel.open(UnixDomainSocketAddress.of(old))) {
            Wire.writeFully(sentinel, Wire.hello(address, Wire.SENTINEL, 0));
            lock.lock();
            try {
                while (!sentinelSeen && !closed) {
                    changed.await();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private void redirectWriters() {
        List<SocketChannel> live = new ArrayList<>();
        lock.lock();
        try {
            if (current != null) {
                live.add(current);
            }
            live.addAll(pending.values());
        } finally {
            lock.unlock();
        }
        for (SocketChannel ch : live) {
            try {
                Wire.writeByte(ch, Wire.REDIRECT);
            } catch (IOException e) {
                // The writer is gone; the pump sees that connection end.
            }
        }
    }

    private void forward(SocketChannel child) throws IOException, InterruptedException {
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(4);
        while (true) {
            byte[] payload;
            int trailer = 0;
            lock.lock();
            try {
                if (queue.isEmpty()) {
                    demand();
                }
                while (queue.isEmpty()
                        && !finished
                        && !closed
                        && !(reading == Reading.AWAITING_SEGMENT && !pending.containsKey(nextSegment))) {
                    changed.await();
                }
                if (!queue.isEmpty()) {
                    payload = queue.poll();
                    queuedBytes -= payload.length;
                    demanded = false;
                    updateReadable();
                    resumeIfRoom();
                } else if (finished || closed) {
                    payload = null;
                    trailer = Wire.EOF;
                } else {
                    payload = null;
                    trailer = nextSegment;
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
                        java.nio.ByteBuffer.allocate(8)
                                .putInt(Wire.NEXT)
                                .putInt(trailer)
                                .flip());
                return;
            }
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
            finished = true;
            reading = Reading.DONE;
            deletePath = ownsPath;
            ownsPath = false;
            if (current != null) {
                toClose.add(current);
            }
            if (predecessor != null) {
                toClose.add(predecessor);
            }
            toClose.addAll(pending.values());
            pending.clear();
            queue.clear();
            queuedBytes = 0;
            readable = true;
            changed.signalAll();
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
