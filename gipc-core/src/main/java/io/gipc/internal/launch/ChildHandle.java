package io.gipc.internal.launch;

import io.gipc.GipcException;
import io.gipc.GipcProcess;
import io.gipc.internal.pipe.Handoff;
import io.gipc.internal.pipe.Handoffs;
import io.gipc.internal.pipe.MoveTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A running child as its parent sees it: the OS process, what the child reported over its control connection,
 * and the handovers it has yet to finish.
 *
 * <p>The exit code is known once the process has exited and its control connection has ended (so every report
 * it sent has been read), or a short grace after the exit when the child never connected.
 */
final class ChildHandle implements GipcProcess, MoveTarget {

    private static final long CONTROL_GRACE_MILLIS = 2000;

    private final String name;
    private final long startNanos = System.nanoTime();
    private final Instant startTime = Instant.now();
    private final CompletableFuture<GipcProcess> exit = new CompletableFuture<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Handoff> handoffs = new ArrayList<>();

    private Process process;
    private boolean ready;
    private long readyNanos;
    private boolean controlConnected;
    private boolean controlClosed;
    private boolean processExited;
    private int signal;
    private boolean orderly;
    private volatile Integer exitCode;
    private volatile Runnable whenExitKnown = () -> {};

    ChildHandle(String name) {
        this.name = name;
    }

    /** Runs once the exit code is set, before {@link #join()} returns or {@link #onExit()} completes. */
    void whenExitKnown(Runnable action) {
        lock.lock();
        try {
            if (exitCode == null) {
                whenExitKnown = action;
                return;
            }
        } finally {
            lock.unlock();
        }
        action.run();
    }

    void attach(Process p) {
        lock.lock();
        try {
            process = p;
        } finally {
            lock.unlock();
        }
    }

    // ---- MoveTarget ----

    @Override
    public String describe() {
        return "child '" + name + "' (pid " + pid() + ")";
    }

    @Override
    public void track(Handoff handoff) {
        lock.lock();
        try {
            handoffs.add(handoff);
        } finally {
            lock.unlock();
        }
    }

    // ---- control reports ----

    void controlConnected() {
        signalWith(() -> controlConnected = true);
    }

    void controlClosed() {
        signalWith(() -> controlClosed = true);
    }

    void report(byte type, long value) {
        signalWith(() -> {
            switch (type) {
                case Control.READY -> {
                    ready = true;
                    readyNanos = System.nanoTime();
                }
                case Control.SIGNAL -> signal = (int) value;
                case Control.EXITING, Control.SHUTDOWN -> orderly = true;
                default -> {
                    // unknown reports from a newer child are ignored
                }
            }
        });
    }

    private void signalWith(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the child runs its task; returns the start latency, or throws when it exited first. */
    Duration awaitReady() {
        lock.lock();
        try {
            while (!ready && !processExited) {
                changed.await();
            }
            if (ready) {
                return Duration.ofNanos(readyNanos - startNanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new GipcException("interrupted while starting child '" + name + "'; it was killed", e);
        } finally {
            lock.unlock();
        }
        exit.join();
        throw new GipcException("child '" + name + "' (pid " + pid() + ") exited with code " + exitCode
                + " before running its task; its stderr says why (for example an invalid JVM option, or a class"
                + " of the task missing from its class path)");
    }

    /** Called once the OS process has exited: settles the exit code after the control connection ended. */
    void processExited() {
        List<Handoff> pending;
        int code;
        boolean started;
        lock.lock();
        try {
            processExited = true;
            changed.signalAll();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONTROL_GRACE_MILLIS);
            while (!controlClosed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                changed.awaitNanos(left);
            }
            code = ExitCodes.decode(process.exitValue(), signal, orderly);
            pending = new ArrayList<>(handoffs);
            handoffs.clear();
            started = ready;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            lock.unlock();
        }
        for (Handoff h : pending) {
            Handoffs.abort(h.id(), started);
        }
        try {
            process.getOutputStream().close();
        } catch (java.io.IOException e) {
            // the child is gone; closing its stdin only frees our descriptor
        }
        Runnable action;
        lock.lock();
        try {
            exitCode = code;
            action = whenExitKnown;
        } finally {
            lock.unlock();
        }
        action.run();
        exit.complete(this);
    }

    // ---- GipcProcess ----

    @Override
    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Instant startTime() {
        return startTime;
    }

    @Override
    public boolean isAlive() {
        return exitCode == null;
    }

    @Override
    public OptionalInt exitCode() {
        Integer code = exitCode;
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    @Override
    public void join() {
        try {
            exit.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GipcException("interrupted while joining " + describe(), e);
        } catch (ExecutionException e) {
            throw new GipcException("joining " + describe() + " failed", e.getCause());
        }
    }

    @Override
    public boolean join(Duration timeout) {
        try {
            exit.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GipcException("interrupted while joining " + describe(), e);
        } catch (ExecutionException e) {
            throw new GipcException("joining " + describe() + " failed", e.getCause());
        }
    }

    @Override
    public void terminate() {
        // Process.destroy() would also close the child's stdin, which the child reads as its parent's death.
        process.toHandle().destroy();
    }

    @Override
    public void kill() {
        process.toHandle().destroyForcibly();
    }

    @Override
    public CompletableFuture<GipcProcess> onExit() {
        return exit.copy();
    }

    @Override
    public String toString() {
        Integer code = exitCode;
        return "GipcProcess[" + name + ", pid " + pid() + (code == null ? ", running]" : ", exit code " + code + "]");
    }
}
