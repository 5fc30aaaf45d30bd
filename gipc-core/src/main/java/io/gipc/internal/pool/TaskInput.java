package io.gipc.internal.pool;

import io.gipc.internal.pipe.PipeHandle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.List;

/**
 * Deserializes a task in a worker and collects the pipe handles that moved in with it, so that the worker can
 * close them when the task ends, as a child's exit would.
 */
final class TaskInput extends ObjectInputStream {

    private final List<AutoCloseable> handles;
    private final ClassLoader loader;

    private TaskInput(byte[] bytes, int offset, int length, List<AutoCloseable> handles) throws IOException {
        super(new ByteArrayInputStream(bytes, offset, length));
        this.handles = handles;
        this.loader = Thread.currentThread().getContextClassLoader();
        enableResolveObject(true);
    }

    /**
     * Reads one object.
     *
     * @param handles receives every pipe handle found, as the task will use it
     */
    static Object read(byte[] bytes, int offset, int length, List<AutoCloseable> handles)
            throws IOException, ClassNotFoundException {
        try (TaskInput in = new TaskInput(bytes, offset, length, handles)) {
            return in.readObject();
        }
    }

    @Override
    protected Object resolveObject(Object obj) {
        // called after readResolve, so a handle here is the live end the task gets
        if (obj instanceof PipeHandle && obj instanceof AutoCloseable c) {
            handles.add(c);
        }
        return obj;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        if (loader != null) {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                // fall back to the default lookup
            }
        }
        return super.resolveClass(desc);
    }
}
