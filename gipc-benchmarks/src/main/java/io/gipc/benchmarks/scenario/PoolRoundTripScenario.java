package io.gipc.benchmarks.scenario;

import io.gipc.ChildCallable;
import io.gipc.ProcessLauncher;
import io.gipc.WorkerPool;
import io.gipc.benchmarks.BenchmarkOptions;
import io.gipc.benchmarks.Figure;
import io.gipc.benchmarks.Samples;
import io.gipc.benchmarks.python.PythonResult;
import io.gipc.benchmarks.python.PythonRunner;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code submit} → result of a trivial task ({@code () -> 1}) on a warm {@code WorkerPool} of 2
 * ({@code launcher.workerPool(WorkerPoolOptions.of(2))}), one after another from a platform thread, each timed:
 * {@code --pool-round-trips} (2,000) per repetition, which yields their p50 and p99; one unrecorded repetition
 * first. The comparison is {@code ProcessPoolExecutor(max_workers=2)} doing {@code submit(one).result()} the same
 * way ({@code ppe_pool.py --mode rtt}); there is no baseline.
 */
public final class PoolRoundTripScenario implements Scenario {

    @Override
    public String name() {
        return "pool-rtt";
    }

    @Override
    public List<Figure> figures() {
        return List.of(Figure.POOL_RTT_P50, Figure.POOL_RTT_P99);
    }

    @Override
    public void runGipc(ProcessLauncher launcher, BenchmarkOptions options, Samples out) throws Exception {
        out.parameter("roundTripsPerRepetition", options.poolRoundTrips());
        try (WorkerPool pool = Pools.warm(launcher, out)) {
            ChildCallable<Integer> task = Pools.one();
            for (int round = 0; round < options.warmups() + options.repetitions(); round++) {
                long[] nanos = new long[options.poolRoundTrips()];
                for (int i = 0; i < nanos.length; i++) {
                    long start = System.nanoTime();
                    Integer value = pool.submit(task).get(Pools.TASK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    nanos[i] = System.nanoTime() - start;
                    if (value != 1) {
                        throw new IllegalStateException("the trivial task returned " + value);
                    }
                }
                if (round >= options.warmups()) {
                    Arrays.sort(nanos);
                    out.add(Figure.POOL_RTT_P50, RoundTripScenario.percentile(nanos, 0.50) / 1e3);
                    out.add(Figure.POOL_RTT_P99, RoundTripScenario.percentile(nanos, 0.99) / 1e3);
                }
            }
        }
    }

    @Override
    public void runPython(PythonRunner python, BenchmarkOptions options, Samples out) throws Exception {
        PythonResult result = Pools.processPool("rtt")
                .with("--round-trips", options.poolRoundTrips())
                .run(python, options, out);
        PythonCall.record(result, "p50_us", out, Figure.POOL_RTT_P50);
        PythonCall.record(result, "p99_us", out, Figure.POOL_RTT_P99);
    }
}
