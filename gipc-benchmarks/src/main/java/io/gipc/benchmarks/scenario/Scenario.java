package io.gipc.benchmarks.scenario;

import io.gipc.ProcessLauncher;
import io.gipc.benchmarks.BenchmarkOptions;
import io.gipc.benchmarks.Figure;
import io.gipc.benchmarks.Samples;
import io.gipc.benchmarks.baseline.BaselineLauncher;
import io.gipc.benchmarks.python.PythonRunner;
import java.util.List;

/**
 * One benchmark, measured in the same run over gipc, over the raw-socket baseline (same message shapes, same child
 * code) where the figures have one, and over its Python side (gipc or ProcessPoolExecutor) where they have one.
 */
public interface Scenario {

    /**
     * Returns the name used by {@code --only}.
     *
     * @return the name
     */
    String name();

    /**
     * Returns the figures this scenario measures.
     *
     * @return the figures
     */
    List<Figure> figures();

    /**
     * Measures the baseline, when its figures have one: child JVMs started with {@link ProcessBuilder}, talking over a JDK Unix-domain socket.
     *
     * @param baseline starts the children
     * @param options sizes and repetitions
     * @param out receives the samples
     * @throws Exception when the measurement fails; the suite reports it and goes on
     */
    default void runBaseline(BaselineLauncher baseline, BenchmarkOptions options, Samples out) throws Exception {
        // Figures without a baseline (object messages, pools, warm starts) have nothing to measure here.
    }

    /**
     * Measures gipc.
     *
     * @param launcher starts the children and creates the pipes
     * @param options sizes and repetitions
     * @param out receives the samples
     * @throws Exception when the measurement fails; the suite reports it and goes on
     */
    void runGipc(ProcessLauncher launcher, BenchmarkOptions options, Samples out) throws Exception;

    /**
     * Measures the Python side with the harness's scripts, when the figures have one; runs after the other two.
     *
     * @param python runs the scripts
     * @param options sizes and repetitions (the same repetitions as gipc-JVM's)
     * @param out receives the samples, under the gipc-JVM figure each one is compared with
     * @throws io.gipc.benchmarks.python.PythonUnavailableException when this machine has no interpreter for it;
     *     the suite reports the figures as not measured
     * @throws Exception when the measurement fails; the suite reports it and goes on
     */
    default void runPython(PythonRunner python, BenchmarkOptions options, Samples out) throws Exception {
        // Figures without a Python side have nothing to measure here.
    }
}
