package io.gipc.benchmarks.scenario;

import io.gipc.ChildTask;
import io.gipc.Codec;
import io.gipc.GipcProcess;
import io.gipc.Pipe;
import io.gipc.PipeReader;
import io.gipc.PipeWriter;
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
import java.util.Objects;
import java.util.stream.Stream;

/**
 * gipc's {@code gipc_benchmark.py} shape with {@code byte[]} messages: the parent sends SYN, the child answers ACK
 * and then puts N messages of one size and {@code stop}; the parent times from ACK to {@code stop}. N doubles until
 * one run lasts {@code --min-seconds} (1 s by default, so a run lasts 1-2 s), then the suite repeats that run
 * ({@link ThroughputShape}).
 *
 * <p>Unlike gipc's script, one child serves the doubling runs and the repetitions (SYN carries N), so that the
 * doubling warms up the JIT; the measured repetitions come after it. The Python side ({@code gipc_throughput.py})
 * starts a fresh child per run, as gipc's script does, with {@code bytes} messages over a raw pipe
 * ({@code encoder=None}) and over gipc's default pickle pipe.
 */
public final class ThroughputScenario implements Scenario {

    private static final double MIB = 1024.0 * 1024.0;

    private final int size;
    private final Figure rawMessages;
    private final Figure rawMegabytes;
    private final Figure kryoMessages;
    private final Figure kryoMegabytes;

    /**
     * Creates the scenario for one message size; a {@code null} figure is not recorded.
     *
     * @param size the message size in bytes (not 3 or 4, the sizes of ACK and stop)
     * @param rawMessages messages/s with the raw codec, and of the baseline
     * @param rawMegabytes MB/s with the raw codec, and of the baseline
     * @param kryoMessages messages/s with the default codec
     * @param kryoMegabytes MB/s with the default codec
     */
    public ThroughputScenario(
            int size, Figure rawMessages, Figure rawMegabytes, Figure kryoMessages, Figure kryoMegabytes) {
        if (size == Messages.ACK.length || size == Messages.STOP.length) {
            throw new IllegalArgumentException("message size " + size + " collides with the control messages");
        }
        this.size = size;
        this.rawMessages = rawMessages;
        this.rawMegabytes = rawMegabytes;
        this.kryoMessages = kryoMessages;
        this.kryoMegabytes = kryoMegabytes;
    }

    @Override
    public List<Figure> figures() {
        return Stream.of(rawMessages, rawMegabytes, kryoMessages, kryoMegabytes)
                .filter(Objects::nonNull)
                .toList();
    }

    @Override
    public String name() {
        return "throughput-" + size;
    }

    @Override
    public void runBaseline(BaselineLauncher baseline, BenchmarkOptions options, Samples out) throws Exception {
        BaselineLauncher.Listener listener = baseline.listen();
        Process child = baseline.start(listener, "throughput", Integer.toString(size));
        try (FrameChannel channel = listener.accept(child, Children.CONNECT_TIMEOUT)) {
            measure(channel::put, channel::get, size, options, out, rawMessages, rawMegabytes, "");
        }
        BaselineLauncher.join(child, Children.EXIT_TIMEOUT);
    }

    @Override
    public void runGipc(ProcessLauncher launcher, BenchmarkOptions options, Samples out) throws Exception {
        runGipc(launcher, Codec.raw(), options, out, rawMessages, rawMegabytes, "");
        runGipc(launcher, Codec.kryo(), options, out, kryoMessages, kryoMegabytes, "kryo-");
    }

    private void runGipc(
            ProcessLauncher launcher,
            Codec<byte[]> codec,
            BenchmarkOptions options,
            Samples out,
            Figure messages,
            Figure megabytes,
            String prefix)
            throws Exception {
        try (Pipe<byte[]> sync = launcher.pipe(codec);
                Pipe<byte[]> data = launcher.pipe(codec)) {
            GipcProcess child = launcher.start(childTask(sync.reader(), data.writer(), size));
            measure(sync.writer()::put, data.reader()::get, size, options, out, messages, megabytes, prefix);
            Children.join(child);
        }
    }

    @Override
    public void runPython(PythonRunner python, BenchmarkOptions options, Samples out) throws Exception {
        runPython(python, options, out, "raw", rawMessages, rawMegabytes, "");
        runPython(python, options, out, "pickle", kryoMessages, kryoMegabytes, "pickle-");
    }

    private void runPython(
            PythonRunner python,
            BenchmarkOptions options,
            Samples out,
            String codec,
            Figure messages,
            Figure megabytes,
            String prefix)
            throws Exception {
        PythonResult result = ThroughputShape.python("bytes", size, codec, options)
                .prefixed(prefix)
                .run(python, options, out);
        if (messages != null) {
            PythonCall.record(result, "msgs_per_s", out, messages);
        }
        if (megabytes != null) {
            PythonCall.record(result, "mb_per_s", out, megabytes);
        }
    }

    private static ChildTask childTask(PipeReader<byte[]> sync, PipeWriter<byte[]> data, int size) {
        return () -> child(sync::get, data::put, size);
    }

    private static void measure(
            Sink sync,
            Source data,
            int size,
            BenchmarkOptions options,
            Samples out,
            Figure messages,
            Figure megabytes,
            String prefix)
            throws Exception {
        try {
            ThroughputShape.Timings timings =
                    ThroughputShape.measure(n -> run(sync, data, size, n), options, prefix + size + "-byte messages");
            out.parameter(prefix + "messages", timings.n());
            out.parameter(prefix + "messageSize", size);
            for (double seconds : timings.seconds()) {
                if (messages != null) {
                    out.add(messages, timings.n() / seconds);
                }
                if (megabytes != null) {
                    out.add(megabytes, timings.n() * (double) size / MIB / seconds);
                }
            }
        } finally {
            sync.put(Messages.ofLong(-1));
        }
    }

    private static double run(Sink sync, Source data, int size, long n) throws Exception {
        sync.put(Messages.ofLong(n));
        Messages.expect(data.get(), Messages.ACK);
        long start = System.nanoTime();
        long count = 0;
        while (true) {
            byte[] message = data.get();
            if (message.length != size) {
                Messages.expect(message, Messages.STOP);
                break;
            }
            count++;
        }
        long elapsed = System.nanoTime() - start;
        if (count != n) {
            throw new IllegalStateException("expected " + n + " messages, got " + count);
        }
        return elapsed / 1e9;
    }

    /**
     * The child's side: for each SYN carrying N, answers ACK, puts N messages of {@code size} bytes, then
     * {@code stop}; a negative N ends it.
     *
     * @param sync where SYNs arrive
     * @param data where the messages go
     * @param size the message size
     * @throws Exception when a pipe fails
     */
    public static void child(Source sync, Sink data, int size) throws Exception {
        byte[] message = new byte[size];
        Arrays.fill(message, (byte) 'A');
        while (true) {
            long n = Messages.toLong(sync.get());
            if (n < 0) {
                return;
            }
            data.put(Messages.ACK);
            for (long i = 0; i < n; i++) {
                data.put(message);
            }
            data.put(Messages.STOP);
        }
    }
}
