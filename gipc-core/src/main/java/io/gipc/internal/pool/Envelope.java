package io.gipc.internal.pool;

import java.nio.ByteBuffer;

/**
 * The byte layout of the messages between a pool and one worker, over a raw duplex pipe.
 *
 * <p>Request: a kind byte, then for {@link #CALL} the Java-serialized {@code ChildCallable}; for {@link #MAP} an
 * int length, the Java-serialized {@code ChildFunction}, and the codec-encoded list of inputs. Reply: a status
 * byte, then for {@link #VALUE} the codec-encoded value (a list for a batch), for {@link #THREW} an int (the input
 * that failed in a batch, else -1) and the codec-encoded exception, for {@link #BROKEN} the codec-encoded
 * {@code GipcException} saying what could not be transferred, for {@link #TEXT} a UTF-8 description when even
 * that could not be encoded.
 */
final class Envelope {

    static final byte CALL = 1;
    static final byte MAP = 2;

    static final byte VALUE = 0;
    static final byte THREW = 1;
    static final byte BROKEN = 2;
    static final byte TEXT = 3;

    private Envelope() {}

    static byte[] call(byte[] task) {
        byte[] out = new byte[1 + task.length];
        out[0] = CALL;
        System.arraycopy(task, 0, out, 1, task.length);
        return out;
    }

    static byte[] map(byte[] function, byte[] inputs) {
        return ByteBuffer.allocate(5 + function.length + inputs.length)
                .put(MAP)
                .putInt(function.length)
                .put(function)
                .put(inputs)
                .array();
    }

    static byte[] reply(byte status, byte[] payload) {
        byte[] out = new byte[1 + payload.length];
        out[0] = status;
        System.arraycopy(payload, 0, out, 1, payload.length);
        return out;
    }

    static byte[] threw(int index, byte[] exception) {
        return ByteBuffer.allocate(5 + exception.length)
                .put(THREW)
                .putInt(index)
                .put(exception)
                .array();
    }
}
