package io.gipc.benchmarks.scenario;

import io.gipc.ChildFunction;
import io.gipc.ProcessLauncher;
import io.gipc.WorkerPool;
import io.gipc.benchmarks.BenchmarkOptions;
import io.gipc.benchmarks.Figure;
import io.gipc.benchmarks.Samples;
import io.gipc.benchmarks.python.PythonResult;
import io.gipc.benchmarks.python.PythonRunner;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code pool.map(x -> x + 1, inputs)} over {@code --map-tasks} (20,000) {@code Integer}s on a warm
 * {@code WorkerPool} of 2, timed whole: tasks/s, after one unrecorded map. The comparison is
 * {@code ProcessPoolExecutor(max_workers=2).map} of the same function over as many integers, once with
 * {@code chunksize=1} (its default) and once with {@code chunksize=500} ({@code ppe_pool.py --mode map}); the same
 * samples of ours fill both figures. There is no baseline.
 */
public final class PoolMapScenario implements Scenario {

    @Override
    public String name() {
        return "pool-map";
    }

    @Override
    public List<Figure> figures() {
        return List.of(Figure.POOL_MAP_TASKS, Figure.POOL_MAP_TASKS_VS_CHUNKED);
    }

    @Override
    public void runGipc(ProcessLauncher launcher, BenchmarkOptions options, Samples out) throws Exception {
        List<Integer> inputs = IntStream.range(0, options.mapTasks()).boxed().toList();
        out.parameter("tasks", inputs.size());
        ChildFunction<Integer, Integer> increment = x -> x + 1;
        try (WorkerPool pool = Pools.warm(launcher, out)) {
            for (int round = 0; round < options.warmups() + options.repetitions(); round++) {
                long start = System.nanoTime();
                List<Integer> results = pool.map(increment, inputs);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (results.size() != inputs.size() || results.get(results.size() - 1) != inputs.size()) {
                    throw new IllegalStateException("map returned wrong results");
                }
                if (round >= options.warmups()) {
                    out.add(Figure.POOL_MAP_TASKS, inputs.size() / seconds);
                    out.add(Figure.POOL_MAP_TASKS_VS_CHUNKED, inputs.size() / seconds);
                }
            }
        }
    }

    @Override
    public void runPython(PythonRunner python, BenchmarkOptions options, Samples out) throws Exception {
        for (int chunksize : new int[] {1, 500}) {
            PythonResult result = Pools.processPool("map")
                    .with("--tasks", options.mapTasks())
                    .with("--chunksize", chunksize)
                    .prefixed("chunksize" + chunksize + "-")
                    .run(python, options, out);
            PythonCall.record(
                    result,
                    "tasks_per_s",
                    out,
                    chunksize == 1 ? Figure.POOL_MAP_TASKS : Figure.POOL_MAP_TASKS_VS_CHUNKED);
        }
    }
}
