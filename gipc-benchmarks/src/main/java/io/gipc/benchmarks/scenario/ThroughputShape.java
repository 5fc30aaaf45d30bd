package io.gipc.benchmarks.scenario;

import io.gipc.benchmarks.BenchmarkLog;
import io.gipc.benchmarks.BenchmarkOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * gipc's {@code gipc_benchmark.py} timing shape, shared by the byte and object throughput scenarios: N doubles
 * from 2 until one run lasts {@code --min-seconds}, then {@code --reps} runs at that N are timed.
 */
final class ThroughputShape {

    private ThroughputShape() {}

    /** One run: N messages child → parent, timed from ACK to {@code stop}. */
    @FunctionalInterface
    interface Run {
        double seconds(long n) throws Exception;
    }

    /**
     * The chosen N and the repetitions' durations.
     *
     * @param n messages per run
     * @param seconds one duration per repetition
     */
    record Timings(long n, List<Double> seconds) {}

    /**
     * Returns the run of {@code gipc_throughput.py} that mirrors this shape on gipc (Python): fresh child per run,
     * as in gipc's script, with the same {@code --min-seconds}.
     */
    static PythonCall python(String payload, int size, String codec, BenchmarkOptions options) {
        return PythonCall.gipc("gipc_throughput.py")
                .with("--payload", payload)
                .with("--size", size)
                .with("--codec", codec)
                .with("--min-seconds", options.minSeconds());
    }

    static Timings measure(Run run, BenchmarkOptions options, String label) throws Exception {
        long n = 1;
        double seconds;
        do {
            n *= 2;
            seconds = run.seconds(n);
        } while (seconds < options.minSeconds() && n < (1L << 40));
        BenchmarkLog.info("  %s: N = %d (%.3f s)", label, n, seconds);
        List<Double> repetitions = new ArrayList<>();
        for (int rep = 0; rep < options.repetitions(); rep++) {
            repetitions.add(run.seconds(n));
        }
        return new Timings(n, repetitions);
    }
}
