package io.gipc.benchmarks.scenario;

import io.gipc.ChildTask;
import io.gipc.Codec;
import io.gipc.DuplexHandle;
import io.gipc.DuplexPipe;
import io.gipc.GipcProcess;
import io.gipc.ProcessLauncher;
import io.gipc.benchmarks.BenchmarkOptions;
import io.gipc.benchmarks.Figure;
import io.gipc.benchmarks.Samples;
import io.gipc.benchmarks.baseline.BaselineLauncher;
import io.gipc.benchmarks.baseline.FrameChannel;
import io.gipc.benchmarks.python.PythonResult;
import io.gipc.benchmarks.python.PythonRunner;
import java.util.Arrays;
import java.util.List;

/**
 * Duplex round trip of 16-byte messages: the parent puts a message and gets the child's echo, {@code
 * --round-trips} times per repetition, timing each; a repetition yields its p50 and p99. The caller runs on a
 * platform thread, then on a virtual thread (the child echoes on its task's thread either way). Each kind of caller
 * first does one unrecorded repetition to warm up. The Python side ({@code gipc_roundtrip.py}) does the same over a
 * raw duplex gipc pipe from gevent's main greenlet; both of our caller kinds are compared with it.
 */
public final class RoundTripScenario implements Scenario {

    private static final int SIZE = 16;

    @Override
    public List<Figure> figures() {
        return List.of(
                Figure.ROUND_TRIP_PLATFORM_P50,
                Figure.ROUND_TRIP_PLATFORM_P99,
                Figure.ROUND_TRIP_VIRTUAL_P50,
                Figure.ROUND_TRIP_VIRTUAL_P99);
    }

    @Override
    public String name() {
        return "rtt";
    }

    @Override
    public void runBaseline(BaselineLauncher baseline, BenchmarkOptions options, Samples out) throws Exception {
        BaselineLauncher.Listener listener = baseline.listen();
        Process child = baseline.start(listener, "echo");
        try (FrameChannel channel = listener.accept(child, Children.CONNECT_TIMEOUT)) {
            measure(channel::put, channel::get, options, out);
        }
        BaselineLauncher.join(child, Children.EXIT_TIMEOUT);
    }

    @Override
    public void runGipc(ProcessLauncher launcher, BenchmarkOptions options, Samples out) throws Exception {
        try (DuplexPipe<byte[]> pipe = launcher.duplexPipe(Codec.raw())) {
            GipcProcess child = launcher.start(childTask(pipe.second()));
            DuplexHandle<byte[]> parent = pipe.first();
            measure(parent::put, parent::get, options, out);
            Children.join(child);
        }
    }

    @Override
    public void runPython(PythonRunner python, BenchmarkOptions options, Samples out) throws Exception {
        PythonResult result = PythonCall.gipc("gipc_roundtrip.py")
                .with("--round-trips", options.roundTrips())
                .run(python, options, out);
        // A gevent program has one kind of caller: its figures are compared with both of ours.
        PythonCall.record(result, "p50_us", out, Figure.ROUND_TRIP_PLATFORM_P50, Figure.ROUND_TRIP_VIRTUAL_P50);
        PythonCall.record(result, "p99_us", out, Figure.ROUND_TRIP_PLATFORM_P99, Figure.ROUND_TRIP_VIRTUAL_P99);
    }

    private static ChildTask childTask(DuplexHandle<byte[]> handle) {
        return () -> child(handle::get, handle::put);
    }

    private static void measure(Sink put, Source get, BenchmarkOptions options, Samples out) throws Exception {
        out.parameter("roundTripsPerRepetition", options.roundTrips());
        try {
            for (boolean virtual : new boolean[] {false, true}) {
                Figure p50 = virtual ? Figure.ROUND_TRIP_VIRTUAL_P50 : Figure.ROUND_TRIP_PLATFORM_P50;
                Figure p99 = virtual ? Figure.ROUND_TRIP_VIRTUAL_P99 : Figure.ROUND_TRIP_PLATFORM_P99;
                Threads.call(virtual, () -> run(put, get, options.roundTrips()));
                for (int rep = 0; rep < options.repetitions(); rep++) {
                    long[] nanos = Threads.call(virtual, () -> run(put, get, options.roundTrips()));
                    Arrays.sort(nanos);
                    out.add(p50, percentile(nanos, 0.50) / 1e3);
                    out.add(p99, percentile(nanos, 0.99) / 1e3);
                }
            }
        } finally {
            put.put(Messages.STOP);
        }
    }

    private static long[] run(Sink put, Source get, int count) throws Exception {
        byte[] message = new byte[SIZE];
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            message[0] = (byte) i;
            long start = System.nanoTime();
            put.put(message);
            byte[] echo = get.get();
            nanos[i] = System.nanoTime() - start;
            if (echo.length != SIZE || echo[0] != message[0]) {
                throw new IllegalStateException("round trip " + i + " returned a wrong echo");
            }
        }
        return nanos;
    }

    /**
     * Returns the nearest-rank percentile.
     *
     * @param sorted values in ascending order, at least one
     * @param fraction the percentile as a fraction, for example 0.99
     * @return the value
     */
    static long percentile(long[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /**
     * The child's side: echoes every 16-byte message; any other message ends it.
     *
     * @param in where messages arrive
     * @param out where echoes go
     * @throws Exception when the pipe fails
     */
    public static void child(Source in, Sink out) throws Exception {
        while (true) {
            byte[] message = in.get();
            if (message.length != SIZE) {
                return;
            }
            out.put(message);
        }
    }
}
