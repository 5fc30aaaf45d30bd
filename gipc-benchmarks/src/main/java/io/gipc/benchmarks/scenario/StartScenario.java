package io.gipc.benchmarks.scenario;

import io.gipc.ChildTask;
import io.gipc.Codec;
import io.gipc.GipcProcess;
import io.gipc.Pipe;
import io.gipc.PipeWriter;
import io.gipc.ProcessLauncher;
import io.gipc.benchmarks.BenchmarkOptions;
import io.gipc.benchmarks.Figure;
import io.gipc.benchmarks.Samples;
import io.gipc.benchmarks.baseline.BaselineLauncher;
import io.gipc.benchmarks.baseline.FrameChannel;
import io.gipc.benchmarks.python.PythonResult;
import io.gipc.benchmarks.python.PythonRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Time from {@code start()} until the child's task runs, measured in the parent only (no clocks compared across
 * processes): the task's first action is to put a 5-byte message, and the parent's clock stops when that message
 * arrives. It also records when {@code start()} returned. The children start one after another, each joined before
 * the next; one unrecorded start comes first. A repetition is {@code --starts} starts (30) and yields their p50 and
 * max.
 *
 * <p>The baseline is a plain JVM started with {@link ProcessBuilder} (same java, class path and JVM arguments as
 * gipc's children) whose {@code main} connects to a Unix-domain socket and sends the same message.
 *
 * <p>The fresh figure starts children without the JDK's AOT cache ({@code withAotCache(null)}); the AOT figure
 * with a cache trained first, in a private directory of its own (the baseline of both is the same plain JVM).
 *
 * <p>The pooled figure starts back to back from a launcher that keeps 2 JVMs started ahead: each start takes a JVM
 * whose replacement was started moments before, so it measures a pool being refilled while it is used (for a pool
 * that had time to settle, see {@link WarmStartScenario}). The Python side ({@code gipc_start.py}) times
 * {@code gipc.start_process} (a fork) the same way, back to back.
 */
public final class StartScenario implements Scenario {

    private static final long AOT_TRAINING_NANOS = 120_000_000_000L;

    @Override
    public List<Figure> figures() {
        return List.of(
                Figure.START_P50,
                Figure.START_AOT_P50,
                Figure.START_POOLED_P50,
                Figure.START_MAX,
                Figure.START_RETURN_P50);
    }

    @Override
    public String name() {
        return "start";
    }

    @Override
    public void runBaseline(BaselineLauncher baseline, BenchmarkOptions options, Samples out) throws Exception {
        BaselineLauncher.Listener listener = baseline.listen();
        // The baseline of both start figures is a plain JVM start: it has no pool.
        measure(options, out, Figure.START_P50, true, () -> {
            long start = System.nanoTime();
            Process child = baseline.start(listener, "start");
            long returned = System.nanoTime();
            try (FrameChannel channel = listener.accept(child, Children.CONNECT_TIMEOUT)) {
                Messages.expect(channel.get(), Messages.START);
            }
            long running = System.nanoTime();
            BaselineLauncher.join(child, Children.EXIT_TIMEOUT);
            return new long[] {returned - start, running - start};
        });
    }

    @Override
    public void runGipc(ProcessLauncher launcher, BenchmarkOptions options, Samples out) throws Exception {
        try (ProcessLauncher plain =
                ProcessLauncher.create(options.launcherConfig().withAotCache(null))) {
            measure(options, out, Figure.START_P50, false, () -> startOnce(plain));
        }
        Path aotDirectory = Files.createTempDirectory("gipc-bench-aot");
        try (ProcessLauncher aot =
                ProcessLauncher.create(options.launcherConfig().withAotCache(aotDirectory.resolve("aot")))) {
            if (jarsOnly(System.getProperty("java.class.path"))) {
                awaitAotCache(aot, aotDirectory.resolve("aot"));
                out.parameter("aotCache", "trained before measuring");
            } else {
                // run from target/classes (the smoke test): children cannot use a cache, the figure is a plain start
                out.parameter("aotCache", "not usable: the class path holds directories");
            }
            measureOnly(options, out, Figure.START_AOT_P50, () -> startOnce(aot));
        } finally {
            deleteTree(aotDirectory);
        }
        // Back to back: each start takes the JVM that the previous one's refill started moments before.
        try (ProcessLauncher pooled =
                ProcessLauncher.create(options.launcherConfig().withPoolSize(2))) {
            measurePooled(options, out, () -> startOnce(pooled));
        }
    }

    @Override
    public void runPython(PythonRunner python, BenchmarkOptions options, Samples out) throws Exception {
        PythonResult result = PythonCall.gipc("gipc_start.py")
                .with("--starts", options.starts())
                .run(python, options, out);
        PythonCall.record(result, "p50_ms", out, Figure.START_P50, Figure.START_AOT_P50, Figure.START_POOLED_P50);
        PythonCall.record(result, "max_ms", out, Figure.START_MAX);
    }

    /**
     * Starts one child whose task puts {@code start}, waits for that message and joins the child.
     *
     * @param launcher starts the child
     * @return nanoseconds until {@code start()} returned and until the message arrived
     * @throws Exception when the child fails
     */
    static long[] startOnce(ProcessLauncher launcher) throws Exception {
        try (Pipe<byte[]> pipe = launcher.pipe(Codec.raw())) {
            ChildTask task = childTask(pipe.writer());
            long start = System.nanoTime();
            GipcProcess child = launcher.start(task);
            long returned = System.nanoTime();
            Messages.expect(pipe.reader().get(), Messages.START);
            long running = System.nanoTime();
            Children.join(child);
            return new long[] {returned - start, running - start};
        }
    }

    private static void measurePooled(BenchmarkOptions options, Samples out, OneStart oneStart) throws Exception {
        oneStart.run();
        measureOnly(options, out, Figure.START_POOLED_P50, oneStart);
    }

    private static ChildTask childTask(PipeWriter<byte[]> writer) {
        return () -> writer.put(Messages.START);
    }

    /**
     * Starts children until the AOT cache they train exists (its training JVM runs after the first start that
     * finds none), so that every measured start uses it.
     */
    private static void awaitAotCache(ProcessLauncher launcher, Path directory) throws Exception {
        long deadline = System.nanoTime() + AOT_TRAINING_NANOS;
        while (true) {
            startOnce(launcher);
            try (Stream<Path> files = Files.isDirectory(directory) ? Files.list(directory) : Stream.empty()) {
                if (files.anyMatch(p -> p.toString().endsWith(".aot"))) {
                    startOnce(launcher);
                    return;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("no AOT cache in " + directory + " after 120 s of starts (JDK "
                        + Runtime.version() + "; the class path must be jars only)");
            }
        }
    }

    private static boolean jarsOnly(String classPath) {
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.endsWith(".jar") || !Files.isRegularFile(Path.of(entry))) {
                return false;
            }
        }
        return true;
    }

    private static void measureOnly(BenchmarkOptions options, Samples out, Figure figure, OneStart oneStart)
            throws Exception {
        for (int rep = 0; rep < options.repetitions(); rep++) {
            List<Double> running = new ArrayList<>();
            for (int i = 0; i < options.starts(); i++) {
                running.add(oneStart.run()[1] / 1e6);
            }
            running.sort(null);
            out.add(figure, median(running));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void measure(
            BenchmarkOptions options, Samples out, Figure figure, boolean alsoPooled, OneStart oneStart)
            throws Exception {
        out.parameter("startsPerRepetition", options.starts());
        oneStart.run();
        for (int rep = 0; rep < options.repetitions(); rep++) {
            List<Double> returned = new ArrayList<>();
            List<Double> running = new ArrayList<>();
            for (int i = 0; i < options.starts(); i++) {
                long[] nanos = oneStart.run();
                returned.add(nanos[0] / 1e6);
                running.add(nanos[1] / 1e6);
            }
            running.sort(null);
            returned.sort(null);
            out.add(figure, median(running));
            if (alsoPooled) {
                out.add(Figure.START_AOT_P50, median(running));
                out.add(Figure.START_POOLED_P50, median(running));
            }
            out.add(Figure.START_MAX, running.get(running.size() - 1));
            out.add(Figure.START_RETURN_P50, median(returned));
        }
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * The baseline child's side: says {@code start} at once.
     *
     * @param out where to say it
     * @throws Exception when the socket fails
     */
    public static void child(Sink out) throws Exception {
        out.put(Messages.START);
    }

    @FunctionalInterface
    private interface OneStart {
        /** Returns nanoseconds until start returned and until the task ran. */
        long[] run() throws Exception;
    }
}
