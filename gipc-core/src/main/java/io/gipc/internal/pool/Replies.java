package io.gipc.internal.pool;

import io.gipc.Codec;
import io.gipc.GipcException;
import io.gipc.GipcTaskException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Turns a worker's reply into the value or the exception that completes a task's future. */
final class Replies {

    private final Codec<Object> codec;
    private final String pool;

    Replies(Codec<Object> codec, String pool) {
        this.codec = codec;
        this.pool = pool;
    }

    /** The value, or a thrown {@link GipcException} describing the failure (its outcome is FAILURE). */
    Object decode(PoolTask task, byte[] reply, Worker worker) {
        String where = task.label() + " of pool '" + pool + "' in " + worker.describe();
        switch (reply[0]) {
            case Envelope.VALUE -> {
                try {
                    return codec.decode(Arrays.copyOfRange(reply, 1, reply.length));
                } catch (Exception | LinkageError e) {
                    throw new GipcException(where + " returned a value that cannot be decoded here: " + e, e);
                }
            }
            case Envelope.THREW -> {
                int index = ByteBuffer.wrap(reply, 1, 4).getInt();
                Object thrown;
                try {
                    thrown = codec.decode(Arrays.copyOfRange(reply, 5, reply.length));
                } catch (Exception | LinkageError e) {
                    throw new GipcException(where + " threw an exception that cannot be decoded here: " + e, e);
                }
                Throwable t = thrown instanceof Throwable th ? th : new GipcException(String.valueOf(thrown));
                String what = index >= 0 ? "input " + (task.firstInput() + index) + " of " + where : where;
                throw new GipcTaskException(what + " threw " + t, t);
            }
            case Envelope.BROKEN -> {
                Object failure;
                try {
                    failure = codec.decode(Arrays.copyOfRange(reply, 1, reply.length));
                } catch (Exception | LinkageError e) {
                    failure = e;
                }
                Throwable t = failure instanceof Throwable th ? th : null;
                throw new GipcException(where + ": " + (t == null ? failure : t.getMessage()), t);
            }
            default ->
                throw new GipcException(where + ": " + new String(reply, 1, reply.length - 1, StandardCharsets.UTF_8));
        }
    }
}
