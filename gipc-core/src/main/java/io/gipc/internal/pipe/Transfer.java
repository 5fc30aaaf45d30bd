package io.gipc.internal.pipe;

import io.gipc.GipcException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serializes a child's task and moves the pipe handles found in it. Handles replace themselves with references
 * while a transfer is active on the serializing thread; each stays locked until {@link #commit} or
 * {@link #rollback}, so nothing can use or move it meanwhile.
 */
public final class Transfer {

    private static final ThreadLocal<Transfer> CURRENT = new ThreadLocal<>();

    private final Map<Movable, Boolean> ends = new IdentityHashMap<>();
    private final Map<Movable, Object> refs = new IdentityHashMap<>();
    private boolean inWholePipe;

    /**
     * Serializes {@code task}; on failure every handle stays where it was.
     *
     * @param task the task
     * @return its bytes
     * @throws GipcException when the task cannot be serialized (the message names the class)
     */
    public byte[] serialize(Object task) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CURRENT.set(this);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(task);
        } catch (NotSerializableException e) {
            rollback();
            throw new GipcException(
                    "the task cannot be sent to a child: it captures an object of class " + e.getMessage()
                            + ", which is not Serializable; capture only serializable values and pipe handles",
                    e);
        } catch (IOException | RuntimeException e) {
            rollback();
            if (e instanceof GipcException ge) {
                throw ge;
            }
            throw new GipcException("the task cannot be sent to a child: " + e, e);
        } finally {
            CURRENT.remove();
        }
        return bytes.toByteArray();
    }

    /**
     * Tells whether the last {@link #serialize} found no pipe handle, so that nothing waits for a commit.
     *
     * @return {@code true} when no handle is locked by this transfer
     */
    public boolean isEmpty() {
        return ends.isEmpty();
    }

    static Transfer current() throws NotSerializableException {
        Transfer t = CURRENT.get();
        if (t == null) {
            throw new NotSerializableException(
                    "gipc pipe handles can only be passed to a child by capturing them in the task given to start()");
        }
        return t;
    }

    /** Records an end (locked by the caller) and the reference that replaces it. */
    void add(Movable end, Object ref) {
        ends.put(end, inWholePipe);
        refs.put(end, ref);
    }

    /** Returns the reference an end already got in this transfer, or null. */
    Object refOf(Movable end) {
        Object ref = refs.get(end);
        if (ref != null && inWholePipe) {
            ends.put(end, true);
        }
        return ref;
    }

    <R> R wholePipe(Supplier<R> refs) {
        boolean outer = inWholePipe;
        inWholePipe = true;
        try {
            return refs.get();
        } finally {
            inWholePipe = outer;
        }
    }

    /**
     * Moves every handle found to the child.
     *
     * @param target the child
     */
    public void commit(MoveTarget target) {
        List<Movable> all = new ArrayList<>(ends.keySet());
        for (Movable end : all) {
            end.commitMove(target, ends.get(end));
        }
        ends.clear();
        refs.clear();
    }

    /** Leaves every handle found where it was. */
    public void rollback() {
        for (Movable end : ends.keySet()) {
            end.rollbackMove();
        }
        ends.clear();
        refs.clear();
    }
}
