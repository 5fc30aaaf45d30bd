package io.gipc.benchmarks;

import io.gipc.ProcessLauncher;
import io.gipc.benchmarks.baseline.BaselineLauncher;
import io.gipc.benchmarks.python.PythonRunner;
import io.gipc.benchmarks.python.PythonUnavailableException;
import io.gipc.benchmarks.report.FigureResult;
import io.gipc.benchmarks.report.Machine;
import io.gipc.benchmarks.report.Report;
import io.gipc.benchmarks.report.SideResult;
import io.gipc.benchmarks.report.Summary;
import io.gipc.benchmarks.scenario.IdleMemoryScenario;
import io.gipc.benchmarks.scenario.LargeMessageScenario;
import io.gipc.benchmarks.scenario.ObjectPayload;
import io.gipc.benchmarks.scenario.ObjectThroughputScenario;
import io.gipc.benchmarks.scenario.PoolMapScenario;
import io.gipc.benchmarks.scenario.PoolRoundTripScenario;
import io.gipc.benchmarks.scenario.RoundTripScenario;
import io.gipc.benchmarks.scenario.Scenario;
import io.gipc.benchmarks.scenario.StartScenario;
import io.gipc.benchmarks.scenario.TcpEchoScenario;
import io.gipc.benchmarks.scenario.ThroughputScenario;
import io.gipc.benchmarks.scenario.WarmStartScenario;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the scenarios, each over the baseline, then over gipc, then over its Python side, one after the other, and
 * collects a {@link Report}. A scenario that fails on one side is reported with its error; the others still run. A
 * Python side that this machine cannot run is reported as not measured, which is no failure.
 */
final class Suite {

    private final BenchmarkOptions options;

    Suite(BenchmarkOptions options) {
        this.options = options;
    }

    static List<Scenario> scenarios() {
        return List.of(
                new ThroughputScenario(
                        64_000,
                        Figure.THROUGHPUT_64K_MSGS,
                        Figure.THROUGHPUT_64K_MBPS,
                        null,
                        Figure.THROUGHPUT_64K_KRYO_MBPS),
                new ThroughputScenario(1, Figure.THROUGHPUT_1B_MSGS, null, Figure.THROUGHPUT_1B_KRYO_MSGS, null),
                new ObjectThroughputScenario(
                        "throughput-string-64000", ObjectPayload.STRING_64000, Figure.THROUGHPUT_STRING_64K_MBPS),
                new ObjectThroughputScenario("records-1000", ObjectPayload.RECORDS_1000, Figure.RECORDS_1000_MSGS),
                new LargeMessageScenario(),
                new RoundTripScenario(),
                new StartScenario(),
                new WarmStartScenario(),
                new PoolRoundTripScenario(),
                new PoolMapScenario(),
                new TcpEchoScenario(),
                new IdleMemoryScenario());
    }

    Report run() throws IOException {
        Instant started = Instant.now();
        long start = System.nanoTime();
        warnAboutHeap();
        Map<Figure, FigureResult> results = new EnumMap<>(Figure.class);
        PythonRunner python = new PythonRunner(options.gipcCheckout(), options.python());
        try (python;
                BaselineLauncher baseline = new BaselineLauncher(options.childJvmArguments());
                LazyLauncher gipc = new LazyLauncher(options)) {
            for (Scenario scenario : scenarios()) {
                if (options.runs(scenario.name())) {
                    run(scenario, baseline, gipc, python, results);
                }
            }
        }
        return new Report(
                started,
                Duration.ofNanos(System.nanoTime() - start),
                Machine.current(),
                options,
                new ArrayList<>(results.values()),
                python.describe());
    }

    private void run(
            Scenario scenario,
            BaselineLauncher baseline,
            LazyLauncher gipc,
            PythonRunner python,
            Map<Figure, FigureResult> results) {
        Samples baselineSamples = new Samples();
        Samples gipcSamples = new Samples();
        Samples pythonSamples = new Samples();
        boolean hasBaseline = scenario.figures().stream().anyMatch(Figure::hasBaseline);
        boolean hasPython = scenario.figures().stream().anyMatch(figure -> figure.pythonSide() != null);
        Outcome baselineOutcome = Outcome.NONE;
        if (hasBaseline) {
            BenchmarkLog.info("%s: baseline", scenario.name());
            baselineOutcome = attempt(() -> scenario.runBaseline(baseline, options, baselineSamples));
        }
        BenchmarkLog.info("%s: gipc", scenario.name());
        Outcome gipcOutcome = attempt(() -> scenario.runGipc(gipc.get(), options, gipcSamples));
        if (scenario instanceof LargeMessageScenario large) {
            large.release();
        }
        Outcome pythonOutcome = Outcome.NONE;
        if (hasPython) {
            BenchmarkLog.info("%s: Python", scenario.name());
            pythonOutcome = attempt(() -> scenario.runPython(python, options, pythonSamples));
        }
        for (Figure figure : scenario.figures()) {
            Figure raw = figure.rawFigure();
            results.put(
                    figure,
                    new FigureResult(
                            figure,
                            gipcOutcome.side(gipcSamples, figure),
                            figure.hasBaseline()
                                    ? baselineOutcome.side(baselineSamples, figure.baselineFigure())
                                    : SideResult.NONE,
                            figure.pythonSide() != null ? pythonOutcome.side(pythonSamples, figure) : SideResult.NONE,
                            raw == null ? null : Summary.of(gipcSamples.of(raw))));
        }
    }

    private void warnAboutHeap() {
        long needed = 4L * options.largeBytes();
        if (options.runs("large") && Runtime.getRuntime().maxMemory() < needed) {
            BenchmarkLog.info(
                    "warning: the large-message figure with the default codec needs a heap of about %d MiB"
                            + " (message, Kryo's buffer and its copy); this JVM has %d MiB: run java -Xmx%dm -jar ...",
                    needed >> 20, Runtime.getRuntime().maxMemory() >> 20, needed >> 20);
        }
    }

    private static Outcome attempt(Measurement measurement) {
        try {
            measurement.run();
            return Outcome.NONE;
        } catch (PythonUnavailableException e) {
            BenchmarkLog.info("  not measured: %s", e.getMessage());
            return new Outcome(null, e.getMessage());
        } catch (Exception | Error e) {
            BenchmarkLog.info("  failed: %s", e);
            e.printStackTrace();
            String message = e.getMessage() == null ? "" : ": " + e.getMessage();
            return new Outcome(e.getClass().getSimpleName() + message, null);
        }
    }

    @FunctionalInterface
    private interface Measurement {
        void run() throws Exception;
    }

    /** How one side's run ended: normally, with an error, or not attempted on this machine. */
    private record Outcome(String error, String notMeasured) {
        static final Outcome NONE = new Outcome(null, null);

        SideResult side(Samples samples, Figure figure) {
            return SideResult.of(samples.of(figure), error, notMeasured, samples.parameters());
        }
    }

    /** Creates the gipc launcher on first use, so that a launcher that cannot start fails only gipc's side. */
    private static final class LazyLauncher implements AutoCloseable {
        private final BenchmarkOptions options;
        private ProcessLauncher launcher;

        LazyLauncher(BenchmarkOptions options) {
            this.options = options;
        }

        ProcessLauncher get() {
            if (launcher == null) {
                launcher = ProcessLauncher.create(options.launcherConfig());
            }
            return launcher;
        }

        @Override
        public void close() {
            if (launcher != null) {
                launcher.close();
            }
        }
    }
}
