package io.gipc.internal.pool;

import io.gipc.ChildOptions;
import io.gipc.Codec;
import io.gipc.DuplexHandle;
import io.gipc.DuplexPipe;
import io.gipc.GipcProcess;
import io.gipc.ProcessLauncher;
import io.gipc.internal.pipe.MoveTarget;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * The pool's side of one worker JVM: the process and the pool's end of its channel. Only its slot's dispatcher
 * exchanges messages with it; any thread may kill it.
 */
final class Worker {

    private static final Duration EXIT_GRACE = Duration.ofSeconds(10);

    private final GipcProcess process;
    private final DuplexHandle<byte[]> channel;
    /** Written by the slot's dispatcher only; read by {@code stats()} on any thread. */
    private volatile int tasks;

    private volatile boolean broken;

    private Worker(GipcProcess process, DuplexHandle<byte[]> channel) {
        this.process = process;
        this.channel = channel;
    }

    /** Starts a worker; returns once its JVM runs the worker loop. */
    static Worker start(
            ProcessLauncher launcher, Codec<Object> codec, String name, String pipeName, ChildOptions options) {
        DuplexPipe<byte[]> pipe = launcher.duplexPipe(pipeName, Codec.raw());
        DuplexHandle<byte[]> mine = pipe.first();
        GipcProcess process;
        try {
            process = launcher.start(new WorkerLoop(pipe.second(), codec), options.withName(name));
        } catch (RuntimeException e) {
            pipe.close();
            throw e;
        }
        return new Worker(process, mine);
    }

    GipcProcess process() {
        return process;
    }

    MoveTarget moveTarget() {
        return (MoveTarget) process;
    }

    String describe() {
        return "worker '" + process.name() + "' (pid " + process.pid() + ")";
    }

    int tasks() {
        return tasks;
    }

    void countTask() {
        tasks++; // one writer, the dispatcher: no lost update
    }

    boolean isBroken() {
        return broken;
    }

    /**
     * Sends a request and waits for its reply.
     *
     * @param timeout how long the reply may take, or {@code null} for no limit
     * @throws io.gipc.GipcTimeoutException no reply in time
     * @throws io.gipc.GipcEofException the worker is gone (also {@code GipcBrokenPipeException} from the send)
     */
    byte[] exchange(byte[] request, Duration timeout) {
        try {
            channel.put(request);
            return timeout == null ? channel.get() : channel.get(timeout);
        } catch (RuntimeException e) {
            broken = true;
            throw e;
        }
    }

    /** Waits briefly for the exit code of a worker whose channel ended. */
    OptionalInt awaitExitCode() {
        if (!process.join(EXIT_GRACE)) {
            process.kill();
            process.join(EXIT_GRACE);
        }
        return process.exitCode();
    }

    void kill() {
        broken = true;
        process.kill();
    }

    /** Lets the worker exit by closing its channel (it sees end of file); kills it if it does not in time. */
    void retire() {
        closeChannel();
        if (!process.join(EXIT_GRACE)) {
            process.kill();
            process.join(EXIT_GRACE);
        }
    }

    /** Ends a worker that can no longer be used. */
    void discard() {
        process.kill();
        closeChannel();
        process.join(EXIT_GRACE);
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (RuntimeException e) {
            // a broken channel has nothing left to release
        }
    }
}
