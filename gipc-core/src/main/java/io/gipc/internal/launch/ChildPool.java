package io.gipc.internal.launch;

import io.gipc.ChildOptions;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Child JVMs started ahead of need. A pooled JVM runs {@link ChildMain} and blocks reading its launch data from
 * stdin, so taking one only means writing that data: the JVM's start-up is already paid. The pool refills in the
 * background after each take. Only children with default options can use it: a pooled JVM was started with the
 * launcher's JVM arguments, the parent's environment and inherited output.
 */
final class ChildPool implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.gipc.launch");

    private final int size;
    /** The command of a pooled JVM, asked for each: an AOT cache may have become ready meanwhile. */
    private final Supplier<List<String>> command;

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Process> idle = new ArrayDeque<>();
    private int starting;
    private boolean closed;

    ChildPool(int size, Supplier<List<String>> command) {
        this.size = size;
        this.command = command;
    }

    static boolean accepts(ChildOptions options) {
        return options.jvmArguments().isEmpty()
                && options.environment().isEmpty()
                && options.output() == Redirect.INHERIT
                && options.error() == Redirect.INHERIT;
    }

    /** A pooled JVM's command: it warms up deeper while it waits ({@link ChildWarmUp#deep()}). */
    private static List<String> pooled(List<String> command) {
        List<String> cmd = new java.util.ArrayList<>(command);
        cmd.add(1, "-D" + ChildWarmUp.POOLED_PROPERTY + "=true");
        return cmd;
    }

    /** Returns a waiting JVM, or null when none is ready; either way the pool refills in the background. */
    Process take() {
        Process p = null;
        lock.lock();
        try {
            while (!idle.isEmpty() && p == null) {
                Process candidate = idle.poll();
                if (candidate.isAlive()) {
                    p = candidate;
                }
            }
        } finally {
            lock.unlock();
        }
        refill();
        return p;
    }

    /** Starts JVMs in the background until the pool holds its size. */
    void refill() {
        int missing;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            missing = size - idle.size() - starting;
            starting += Math.max(0, missing);
        } finally {
            lock.unlock();
        }
        for (int i = 0; i < missing; i++) {
            Thread.ofVirtual().name("gipc-pool").start(this::startOne);
        }
    }

    private void startOne() {
        Process p = null;
        try {
            p = new ProcessBuilder(pooled(command.get()))
                    .redirectInput(Redirect.PIPE)
                    .redirectOutput(Redirect.INHERIT)
                    .redirectError(Redirect.INHERIT)
                    .start();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not pre-start a child JVM: " + e);
        }
        lock.lock();
        try {
            starting--;
            if (p != null) {
                if (closed) {
                    p.toHandle().destroyForcibly();
                } else {
                    idle.add(p);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            // Closing stdin ends a waiting child quietly, the way a parent's death does.
            idle.forEach(p -> {
                try {
                    p.getOutputStream().close();
                } catch (IOException e) {
                    p.toHandle().destroyForcibly();
                }
            });
            idle.clear();
        } finally {
            lock.unlock();
        }
    }
}
