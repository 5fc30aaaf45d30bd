package io.gipc.benchmarks.scenario;

import io.gipc.ProcessLauncher;
import io.gipc.benchmarks.BenchmarkOptions;
import io.gipc.benchmarks.Figure;
import io.gipc.benchmarks.Samples;
import io.gipc.benchmarks.python.PythonResult;
import io.gipc.benchmarks.python.PythonRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code start()} until the task runs from a launcher that keeps one JVM started ahead
 * ({@code LauncherConfig.withPoolSize(1)}), when that JVM has been idle for {@code --warm-idle-millis} (1 s) before
 * each start: the way an application that starts a child now and then meets its pool. Idle is judged from outside
 * ({@link IdleChildren}: the pre-started JVM used almost no CPU for that long), so the time to refill the pool after
 * the previous start is not counted as idle. Timed as in {@link StartScenario}; a repetition is
 * {@code --warm-starts} starts (10) and yields their p50, after one unrecorded start.
 *
 * <p>There is no baseline (a plain JVM start is in {@link StartScenario}); the comparison is gipc's fork
 * ({@code gipc_start.py}) with the parent idle for the same time before each start.
 */
public final class WarmStartScenario implements Scenario {

    private static final int POOL_SIZE = 1;

    @Override
    public String name() {
        return "start-warm";
    }

    @Override
    public List<Figure> figures() {
        return List.of(Figure.START_WARM_P50);
    }

    @Override
    public void runGipc(ProcessLauncher launcher, BenchmarkOptions options, Samples out) throws Exception {
        Duration idle = Duration.ofMillis(options.warmIdleMillis());
        out.parameter("poolSize", POOL_SIZE);
        out.parameter("startsPerRepetition", options.warmStarts());
        out.parameter("idleMillisBeforeEachStart", options.warmIdleMillis());
        try (ProcessLauncher pooled =
                ProcessLauncher.create(options.launcherConfig().withPoolSize(POOL_SIZE))) {
            IdleChildren.await(POOL_SIZE, idle);
            StartScenario.startOnce(pooled);
            long waited = 0;
            for (int rep = 0; rep < options.repetitions(); rep++) {
                List<Double> running = new ArrayList<>();
                for (int i = 0; i < options.warmStarts(); i++) {
                    waited += IdleChildren.await(POOL_SIZE, idle).toMillis();
                    running.add(StartScenario.startOnce(pooled)[1] / 1e6);
                }
                running.sort(null);
                out.add(Figure.START_WARM_P50, StartScenario.median(running));
            }
            out.parameter("meanWaitBeforeEachStartMillis", waited / (options.repetitions() * options.warmStarts()));
        }
    }

    @Override
    public void runPython(PythonRunner python, BenchmarkOptions options, Samples out) throws Exception {
        PythonResult result = PythonCall.gipc("gipc_start.py")
                .with("--starts", options.warmStarts())
                .with("--idle-millis", options.warmIdleMillis())
                .run(python, options, out);
        PythonCall.record(result, "p50_ms", out, Figure.START_WARM_P50);
    }
}
