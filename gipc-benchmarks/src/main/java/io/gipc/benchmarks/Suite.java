package io.gipc.benchmarks;

import io.gipc.LauncherConfig;
import io.gipc.ProcessLauncher;
import io.gipc.benchmarks.baseline.BaselineLauncher;
import io.gipc.benchmarks.report.FigureResult;
import io.gipc.benchmarks.report.Machine;
import io.gipc.benchmarks.report.Report;
import io.gipc.benchmarks.report.Summary;
import io.gipc.benchmarks.scenario.IdleMemoryScenario;
import io.gipc.benchmarks.scenario.LargeMessageScenario;
import io.gipc.benchmarks.scenario.RoundTripScenario;
import io.gipc.benchmarks.scenario.Scenario;
import io.gipc.benchmarks.scenario.StartScenario;
import io.gipc.benchmarks.scenario.TcpEchoScenario;
import io.gipc.benchmarks.scenario.ThroughputScenario;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the scenarios, each first over the baseline and then over gipc, one after the other, and collects a
 * {@link Report}. A scenario that fails on one side is reported with its error; the others still run.
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
                new LargeMessageScenario(),
                new RoundTripScenario(),
                new StartScenario(),
                new TcpEchoScenario(),
                new IdleMemoryScenario());
    }

    Report run() throws IOException {
        Instant started = Instant.now();
        long start = System.nanoTime();
        warnAboutHeap();
        Map<Figure, FigureResult> results = new EnumMap<>(Figure.class);
        try (BaselineLauncher baseline = new BaselineLauncher(options.childJvmArguments());
                LazyLauncher gipc = new LazyLauncher(options.childJvmArguments())) {
            for (Scenario scenario : scenarios()) {
                if (!options.runs(scenario.name())) {
                    continue;
                }
                Samples baselineSamples = new Samples();
                Samples gipcSamples = new Samples();
                BenchmarkLog.info("%s: baseline", scenario.name());
                String baselineError = attempt(() -> scenario.runBaseline(baseline, options, baselineSamples));
                BenchmarkLog.info("%s: gipc", scenario.name());
                String gipcError = attempt(() -> scenario.runGipc(gipc.get(), options, gipcSamples));
                if (scenario instanceof LargeMessageScenario large) {
                    large.release();
                }
                for (Figure figure : scenario.figures()) {
                    Summary gipcSummary = Summary.of(gipcSamples.of(figure));
                    Summary baselineSummary = Summary.of(baselineSamples.of(figure.baselineFigure()));
                    results.put(
                            figure,
                            new FigureResult(
                                    figure,
                                    gipcSummary,
                                    baselineSummary,
                                    gipcSummary == null ? orMissing(gipcError) : null,
                                    baselineSummary == null ? orMissing(baselineError) : null,
                                    gipcSamples.parameters(),
                                    baselineSamples.parameters()));
                }
            }
        }
        return new Report(
                started,
                Duration.ofNanos(System.nanoTime() - start),
                Machine.current(),
                options,
                new ArrayList<>(results.values()));
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

    private static String orMissing(String error) {
        return error == null ? "no samples recorded" : error;
    }

    private static String attempt(Measurement measurement) {
        try {
            measurement.run();
            return null;
        } catch (Exception | Error e) {
            BenchmarkLog.info("  failed: %s", e);
            e.printStackTrace();
            String message = e.getMessage() == null ? "" : ": " + e.getMessage();
            return e.getClass().getSimpleName() + message;
        }
    }

    @FunctionalInterface
    private interface Measurement {
        void run() throws Exception;
    }

    /** Creates the gipc launcher on first use, so that a launcher that cannot start fails only gipc's side. */
    private static final class LazyLauncher implements AutoCloseable {
        private final List<String> extraJvmArguments;
        private ProcessLauncher launcher;

        LazyLauncher(List<String> extraJvmArguments) {
            this.extraJvmArguments = extraJvmArguments;
        }

        ProcessLauncher get() {
            if (launcher == null) {
                LauncherConfig config = LauncherConfig.defaults();
                if (!extraJvmArguments.isEmpty()) {
                    List<String> arguments = new ArrayList<>(config.jvmArguments());
                    arguments.addAll(extraJvmArguments);
                    config = config.withJvmArguments(arguments);
                }
                launcher = ProcessLauncher.create(config);
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
