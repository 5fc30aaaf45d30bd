package io.gipc.internal.pool;

import io.gipc.ChildCallable;
import io.gipc.ChildFunction;
import io.gipc.Codec;
import io.gipc.GipcException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs one request in a worker and builds its reply; never throws, so that the worker stays usable. */
final class TaskRunner {

    /** The status a worker exits with when a task ran it out of memory, as {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY_STATUS = 3;

    private final Codec<Object> codec;
    /**
     * The serialized form and the instance of the last map function: every batch of a {@code map} carries the same
     * function, and deserializing a lambda costs more than a batch of small inputs. A map function never captures
     * pipe handles (the pool refuses that), so one instance may serve every batch that carries the same bytes.
     */
    private byte[] lastFunctionBytes;

    private ChildFunction<Object, Object> lastFunction;

    TaskRunner(Codec<Object> codec) {
        this.codec = codec;
    }

    byte[] run(byte[] request) {
        List<AutoCloseable> handles = new ArrayList<>();
        try {
            return request[0] == Envelope.MAP ? runMap(request, handles) : runCall(request, handles);
        } catch (VirtualMachineError e) {
            // the JVM may be unusable now: dying fails this task with its exit code and gets a fresh worker
            e.printStackTrace();
            Runtime.getRuntime().halt(OUT_OF_MEMORY_STATUS);
            throw e;
        } finally {
            closeAll(handles);
        }
    }

    @SuppressWarnings("unchecked")
    private ChildFunction<Object, Object> mapFunction(byte[] request, int length, List<AutoCloseable> handles)
            throws java.io.IOException, ClassNotFoundException {
        byte[] last = lastFunctionBytes;
        if (last != null && Arrays.equals(last, 0, last.length, request, 5, 5 + length)) {
            return lastFunction;
        }
        ChildFunction<Object, Object> function =
                (ChildFunction<Object, Object>) TaskInput.read(request, 5, length, handles);
        if (handles.isEmpty()) {
            lastFunctionBytes = Arrays.copyOfRange(request, 5, 5 + length);
            lastFunction = function;
        }
        return function;
    }

    private byte[] runCall(byte[] request, List<AutoCloseable> handles) {
        ChildCallable<?> task;
        try {
            task = (ChildCallable<?>) TaskInput.read(request, 1, request.length - 1, handles);
        } catch (Exception | LinkageError e) {
            return broken(new GipcException("the worker could not take over the task: " + e, e));
        }
        Object value;
        try {
            value = task.call();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            return threw(-1, t);
        }
        return value(value);
    }

    @SuppressWarnings("unchecked")
    private byte[] runMap(byte[] request, List<AutoCloseable> handles) {
        ByteBuffer in = ByteBuffer.wrap(request);
        in.get();
        int functionLength = in.getInt();
        ChildFunction<Object, Object> function;
        List<Object> inputs;
        try {
            function = mapFunction(request, functionLength, handles);
        } catch (Exception | LinkageError e) {
            return broken(new GipcException("the worker could not take over the map function: " + e, e));
        }
        try {
            inputs = (List<Object>) codec.decode(Arrays.copyOfRange(request, 5 + functionLength, request.length));
        } catch (Exception | LinkageError e) {
            return broken(new GipcException("the worker could not decode the inputs of a map batch: " + e, e));
        }
        List<Object> results = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            try {
                results.add(function.apply(inputs.get(i)));
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                return threw(i, t);
            }
        }
        return value(results);
    }

    private byte[] value(Object value) {
        try {
            return Envelope.reply(Envelope.VALUE, codec.encode(value));
        } catch (Exception | LinkageError e) {
            return broken(new GipcException(
                    "the task's result, of " + describe(value) + ", cannot be encoded by the pool's codec: " + e, e));
        }
    }

    private byte[] threw(int index, Throwable t) {
        try {
            return Envelope.threw(index, codec.encode(t));
        } catch (Exception | LinkageError e) {
            GipcException stand =
                    new GipcException("the task threw " + t + ", which the pool's codec cannot encode (" + e + ")");
            stand.setStackTrace(t.getStackTrace());
            try {
                return Envelope.threw(index, codec.encode(stand));
            } catch (Exception | LinkageError e2) {
                return text(stand.getMessage());
            }
        }
    }

    private byte[] broken(GipcException failure) {
        try {
            return Envelope.reply(Envelope.BROKEN, codec.encode(failure));
        } catch (Exception | LinkageError e) {
            return text(failure.getMessage());
        }
    }

    private static byte[] text(String message) {
        return Envelope.reply(Envelope.TEXT, String.valueOf(message).getBytes(StandardCharsets.UTF_8));
    }

    private static String describe(Object value) {
        return value == null ? "null" : "class " + value.getClass().getName();
    }

    private static void closeAll(List<AutoCloseable> handles) {
        for (int i = handles.size() - 1; i >= 0; i--) {
            try {
                handles.get(i).close();
            } catch (Exception e) {
                // a handle the task closed, moved on or broke: nothing left to release here
            }
        }
    }
}
