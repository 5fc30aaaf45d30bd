package io.gipc.internal.pipe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The JVM's one thread for reading pipes: a selector that reads the connection of every reading end without
 * blocking, so that an open, idle pipe costs no thread.
 *
 * <p>This is process-wide by nature, the one such place in the pipe package: the thread ({@code gipc-io}, a daemon
 * platform thread, woken by the kernel as directly as a blocked read would be) starts with the first reading end
 * and serves every end of the JVM for its lifetime. A {@link Handler} runs only on this thread; other threads ask
 * for work on it with {@link #execute(Runnable)}.
 */
final class PipeIo {

    private static final System.Logger LOG = System.getLogger("io.gipc.pipe");

    /** Reads one end's connection: called on the I/O thread when it is readable, or when asked to go on. */
    interface Handler {
        /** Reads what it can without blocking; never throws. */
        void drive();

        /** The I/O thread itself failed while driving this handler: the handler ends its stream with an error. */
        void failed(Throwable error);
    }

    /** Created, and its thread started, when first asked for: loading {@link PipeIo} alone starts nothing. */
    private static final class Holder {
        static final PipeIo INSTANCE = new PipeIo();
    }

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Selector selector;
    private final Thread thread;

    private PipeIo() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the selector of gipc's pipe I/O thread", e);
        }
        thread = Thread.ofPlatform().daemon().name("gipc-io").start(this::loop);
    }

    static PipeIo get() {
        return Holder.INSTANCE;
    }

    /** Runs {@code task} on the I/O thread soon. */
    void execute(Runnable task) {
        tasks.add(task);
        if (Thread.currentThread() != thread) {
            selector.wakeup();
        }
    }

    /**
     * Registers {@code channel} (switched to non-blocking mode) for reads by {@code handler}; call on the I/O
     * thread. The key's interest is {@link SelectionKey#OP_READ}.
     */
    SelectionKey register(SocketChannel channel, Handler handler) throws IOException {
        assert Thread.currentThread() == thread;
        channel.configureBlocking(false);
        return channel.register(selector, SelectionKey.OP_READ, handler);
    }

    private void loop() {
        Selector s = selector;
        while (true) {
            try {
                if (tasks.isEmpty()) {
                    s.select();
                } else {
                    s.selectNow();
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.ERROR, "gipc's pipe I/O thread could not select; it goes on", e);
            }
            Iterator<SelectionKey> it = s.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey key = it.next();
                it.remove();
                if (key.isValid()) {
                    drive((Handler) key.attachment());
                }
            }
            for (Runnable task; (task = tasks.poll()) != null; ) {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.log(Level.ERROR, "a task on gipc's pipe I/O thread failed; it goes on", e);
                }
            }
        }
    }

    private static void drive(Handler handler) {
        try {
            handler.drive();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "a pipe's reader failed on gipc's pipe I/O thread; that pipe ends", e);
            try {
                handler.failed(e);
            } catch (RuntimeException | Error again) {
                // the handler's own failure path failed: nothing more to do for it
            }
        }
    }
}
