package io.gipc.autoconfigure.pools;

import io.gipc.ChildProcess;
import io.gipc.ChildProcess.Mode;
import io.gipc.PipeReader;
import io.gipc.PipeWriter;
import java.io.Serializable;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/** The entry points the test application's pools run; each returns a value. */
@Component
class PoolWorkers {

    /**
     * Spring mode: describes the worker and its context, and has the context write {@code marker} when it closes
     * (an empty marker writes nothing).
     */
    @ChildProcess("identify")
    WorkerIdentity identify(String marker, ContextProbe probe, ApplicationContext context) {
        probe.writeOnClose(marker);
        return new WorkerIdentity(
                ProcessHandle.current().pid(),
                context.getStartupDate(),
                System.identityHashCode(context),
                ContextProbe.created.get());
    }

    /** Plain mode: divides, so that a divisor of 0 throws {@link ArithmeticException}. */
    @ChildProcess(value = "divide", mode = Mode.PLAIN)
    static int divide(int dividend, int divisor) {
        return dividend / divisor;
    }

    /** Plain mode: sends its pid, then waits for a word (or the end of the pipe) and returns its pid. */
    @ChildProcess(value = "hold", mode = Mode.PLAIN)
    static long hold(PipeWriter<Long> pid, PipeReader<String> release) {
        pid.put(ProcessHandle.current().pid());
        release.get();
        return ProcessHandle.current().pid();
    }

    /** Plain mode: returns the worker's pid. */
    @ChildProcess(value = "pid", mode = Mode.PLAIN)
    static long pid() {
        return ProcessHandle.current().pid();
    }

    /**
     * What {@link #identify} returns.
     *
     * @param pid the worker's pid
     * @param contextStartup when the worker's context started (epoch millis)
     * @param contextIdentity the identity hash of the context object
     * @param contextsCreated how many contexts this worker JVM created
     */
    record WorkerIdentity(long pid, long contextStartup, int contextIdentity, int contextsCreated)
            implements Serializable {}
}
