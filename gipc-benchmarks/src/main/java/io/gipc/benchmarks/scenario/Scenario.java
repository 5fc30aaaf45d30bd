package io.gipc.benchmarks.scenario;

import io.gipc.ProcessLauncher;
import io.gipc.benchmarks.BenchmarkOptions;
import io.gipc.benchmarks.Figure;
import io.gipc.benchmarks.Samples;
import io.gipc.benchmarks.baseline.BaselineLauncher;
import java.util.List;

/**
 * One benchmark, measured twice in the same run: over gipc and over the raw-socket baseline, with the same message
 * shapes and the same child code.
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
     * Measures the baseline: child JVMs started with {@link ProcessBuilder}, talking over a JDK Unix-domain socket.
     *
     * @param baseline starts the children
     * @param options sizes and repetitions
     * @param out receives the samples
     * @throws Exception when the measurement fails; the suite reports it and goes on
     */
    void runBaseline(BaselineLauncher baseline, BenchmarkOptions options, Samples out) throws Exception;

    /**
     * Measures gipc.
     *
     * @param launcher starts the children and creates the pipes
     * @param options sizes and repetitions
     * @param out receives the samples
     * @throws Exception when the measurement fails; the suite reports it and goes on
     */
    void runGipc(ProcessLauncher launcher, BenchmarkOptions options, Samples out) throws Exception;
}
