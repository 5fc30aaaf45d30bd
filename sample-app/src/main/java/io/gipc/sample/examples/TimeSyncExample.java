package io.gipc.sample.examples;

import io.gipc.ChildOptions;
import io.gipc.DuplexHandle;
import io.gipc.DuplexPipe;
import io.gipc.GipcProcess;
import io.gipc.ProcessLauncher;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * gipc's third example: parent and child synchronise over a duplex pipe with a SYN/ACK handshake, then the child
 * sends its clock and the parent prints how far apart the two clocks were read: {@code Time delta: X s.}
 */
public record TimeSyncExample() implements Example {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Override
    public int run(ProcessLauncher launcher, PrintStream out) throws Exception {
        try (DuplexPipe<Object> pipe = launcher.duplexPipe()) {
            DuplexHandle<Object> childEnd = pipe.first();
            DuplexHandle<Object> parentEnd = pipe.second();
            GipcProcess child = launcher.start(() -> syncWithParent(childEnd), ChildOptions.named("clock"));
            parentEnd.put("SYN");
            Object reply = parentEnd.get(TIMEOUT);
            if (!"ACK".equals(reply)) {
                throw new IllegalStateException("expected ACK from the child, got " + reply);
            }
            // Now in sync with the child.
            double parentTime = now();
            double childTime = (Double) parentEnd.get(TIMEOUT);
            if (!child.join(TIMEOUT)) {
                child.kill();
                child.join(TIMEOUT);
            }
            out.printf(Locale.ROOT, "Time delta: %.8f s.%n", Math.abs(parentTime - childTime));
            return (child.exitCode().orElse(-1) == 0) ? 0 : 1;
        }
    }

    /** Runs in the child. */
    private static void syncWithParent(DuplexHandle<Object> end) {
        try (end) {
            Object syn = end.get();
            if (!"SYN".equals(syn)) {
                throw new IllegalStateException("expected SYN from the parent, got " + syn);
            }
            end.put("ACK");
            // Now in sync with the parent.
            end.put(now());
        }
    }

    private static double now() {
        Instant now = Instant.now();
        return now.getEpochSecond() + now.getNano() / 1e9;
    }
}
