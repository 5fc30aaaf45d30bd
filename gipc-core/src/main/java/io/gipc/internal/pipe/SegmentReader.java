package io.gipc.internal.pipe;

import io.gipc.GipcException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads a reading end's connections in segment order into its {@link MessageQueue}, on the JVM's pipe I/O thread
 * ({@link PipeIo}) and without blocking: after a takeover the stream the old holder relays, then segment after
 * segment. A connection whose segment is ahead waits in {@link #pending} until the one before it ended with
 * {@link Wire#END}; that is what keeps messages in order while an end moves.
 *
 * <p>A payload is read only when the queue admits it; until then the connection is not watched and its bytes stay
 * in the socket, so that the writer blocks as with an OS pipe, and a consumer that makes room lets reading go on.
 *
 * <p>State shared with other threads is guarded by the queue's lock; {@link #in}, {@link #key} and the frame being
 * read belong to the I/O thread.
 */
final class SegmentReader implements PipeIo.Handler {

    private static final System.Logger LOG = System.getLogger("io.gipc.pipe");
    /** Frames one pipe reads before the I/O thread turns to the others. */
    private static final int DRIVE_BUDGET = 256;

    /** What the I/O thread reads next. */
    private enum Reading {
        /** The stream the old holder relays, after a takeover. */
        RELAYED,
        /** The connection of segment {@link #nextSegment}. */
        SEGMENT,
        /** The next segment's writer has not connected yet. */
        AWAITING_SEGMENT,
        /** The stream is over, or the end was closed. */
        DONE
    }

    private final PipeAddress address;
    private final MessageQueue queue;
    private final ReentrantLock lock;
    private final Condition changed;
    private final Map<Integer, SocketChannel> pending = new HashMap<>();

    private int nextSegment;
    private SocketChannel current;
    private SocketChannel predecessor;
    private Reading reading = Reading.AWAITING_SEGMENT;
    /** The length of the payload whose reading waits for room in the queue, or -1. */
    private int pausedFor = -1;

    private FrameAssembler in;
    private SelectionKey key;
    private boolean haveHeader;
    private int header;
    private boolean admitted;
    /** Whether {@link #key} asks for readiness: not while a payload waits for room. */
    private boolean watching;

    /** Reads {@code predecessor}'s relayed stream first, when it is not null. */
    SegmentReader(PipeAddress address, MessageQueue queue, SocketChannel predecessor) {
        this.address = address;
        this.queue = queue;
        this.lock = queue.lock();
        this.changed = queue.changed();
        this.predecessor = predecessor;
    }

    /** Starts reading, on the I/O thread. */
    void start() {
        PipeIo.get().execute(this::startReading);
    }

    /**
     * Files the authenticated connection of {@code segment}; call with the lock held.
     *
     * @return false when it was refused (its segment is over, or the end is closed): the caller closes it
     */
    boolean file(int segment, SocketChannel ch) {
        if (reading == Reading.DONE || segment < nextSegment) {
            return false;
        }
        // a segment connects again only when its first holder died before it attached: that connection carried
        // nothing, the new one takes its place
        ReaderCore.closeQuietly(pending.put(segment, ch));
        if (reading == Reading.AWAITING_SEGMENT && segment == nextSegment) {
            PipeIo.get().execute(this::drive);
        }
        changed.signalAll();
        return true;
    }

    /** The writers' connections open now, to tell them the reader moved; call with the lock held. */
    List<SocketChannel> liveConnections() {
        List<SocketChannel> live = new ArrayList<>();
        if (current != null) {
            live.add(current);
        }
        live.addAll(pending.values());
        return live;
    }

    /**
     * Whether reading waits for a segment that has not connected here: a relay then tells the new holder to go on
     * from {@link #nextSegment()}. Call with the lock held.
     */
    boolean awaitsUnconnectedSegment() {
        return reading == Reading.AWAITING_SEGMENT && !pending.containsKey(nextSegment);
    }

    /** Call with the lock held. */
    int nextSegment() {
        return nextSegment;
    }

    /** Stops reading; call with the lock held. Returns the connections, for the caller to close outside it. */
    List<SocketChannel> close() {
        reading = Reading.DONE;
        List<SocketChannel> all = liveConnections();
        if (predecessor != null) {
            all.add(predecessor);
        }
        current = null;
        predecessor = null;
        pending.clear();
        return all;
    }

    /** Begins reading; runs on the I/O thread. */
    private void startReading() {
        SocketChannel first;
        lock.lock();
        try {
            if (reading == Reading.DONE) {
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
            queue.add(payload);
            return true;
        }
        if (reading == Reading.RELAYED) {
            return relayedControl();
        }
        haveHeader = false;
        if (header == Wire.END) {
            lock.lock();
            try {
                ReaderCore.closeQuietly(current);
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
            ReaderCore.closeQuietly(predecessor);
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
            if (reading == Reading.DONE) {
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
            watching = true;
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
            if (reading == Reading.DONE) {
                return false;
            }
            boolean room = queue.hasRoom(length);
            pausedFor = room ? -1 : length;
            if (room != watching && key.isValid()) {
                key.interestOps(room ? SelectionKey.OP_READ : 0);
                watching = room;
            }
            return room;
        } finally {
            lock.unlock();
        }
    }

    /** Called with {@link #lock} held after the queue shrank or a consumer asked: reading goes on if it may. */
    void resumeIfRoom() {
        if (pausedFor >= 0 && queue.hasRoom(pausedFor)) {
            pausedFor = -1;
            PipeIo.get().execute(this::drive);
        }
    }

    /** The stream is over: the connection being read is closed, consumers see end of stream or {@code error}. */
    private void endStream(GipcException error) {
        lock.lock();
        try {
            reading = Reading.DONE;
            if (current != null) {
                ReaderCore.closeQuietly(current);
                current = null;
            }
            if (predecessor != null) {
                ReaderCore.closeQuietly(predecessor);
                predecessor = null;
            }
        } finally {
            lock.unlock();
        }
        queue.finish(error);
    }
}
