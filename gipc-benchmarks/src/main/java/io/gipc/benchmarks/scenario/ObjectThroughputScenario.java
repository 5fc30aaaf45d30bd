package io.gipc.benchmarks.scenario;

import io.gipc.ChildTask;
import io.gipc.GipcProcess;
import io.gipc.Pipe;
import io.gipc.PipeReader;
import io.gipc.PipeWriter;
import io.gipc.ProcessLauncher;
import io.gipc.benchmarks.BenchmarkOptions;
import io.gipc.benchmarks.Figure;
import io.gipc.benchmarks.Samples;
import io.gipc.benchmarks.python.PythonResult;
import io.gipc.benchmarks.python.PythonRunner;
import java.util.List;
import java.util.Locale;

/**
 * Child → parent throughput of object messages with the launcher's default codec (Kryo), in gipc's
 * {@code gipc_benchmark.py} shape ({@link ThroughputShape}): SYN carries N, the child answers {@code "ACK"}, puts N
 * messages and {@code "stop"}; the parent times from ACK to {@code "stop"}. One child serves the doubling and the
 * repetitions. There is no raw-socket baseline (it carries bytes only); the comparison is gipc (Python) pickling the
 * same payload ({@code gipc_throughput.py}, fresh child per run as in gipc's script).
 */
public final class ObjectThroughputScenario implements Scenario {

    private static final double MIB = 1024.0 * 1024.0;
    private static final String ACK = "ACK";
    private static final String STOP = "stop";

    private final String name;
    private final ObjectPayload payload;
    private final Figure figure;

    /**
     * Creates the scenario.
     *
     * @param name its {@code --only} name
     * @param payload the message
     * @param figure messages/s (payloads without a byte size) or MB/s
     */
    public ObjectThroughputScenario(String name, ObjectPayload payload, Figure figure) {
        this.name = name;
        this.payload = payload;
        this.figure = figure;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Figure> figures() {
        return List.of(figure);
    }

    @Override
    public void runGipc(ProcessLauncher launcher, BenchmarkOptions options, Samples out) throws Exception {
        try (Pipe<Object> sync = launcher.pipe();
                Pipe<Object> data = launcher.pipe()) {
            GipcProcess child = launcher.start(childTask(sync.reader(), data.writer(), payload));
            PipeWriter<Object> syncWriter = sync.writer();
            try {
                ThroughputShape.Timings timings = ThroughputShape.measure(
                        n -> run(syncWriter, data.reader(), n),
                        options,
                        payload.name().toLowerCase(Locale.ROOT) + " messages");
                out.parameter("messages", timings.n());
                for (double seconds : timings.seconds()) {
                    out.add(figure, rate(timings.n(), seconds));
                }
            } finally {
                syncWriter.put(-1L);
            }
            Children.join(child);
        }
    }

    @Override
    public void runPython(PythonRunner python, BenchmarkOptions options, Samples out) throws Exception {
        PythonResult result = ThroughputShape.python(payload.pythonKind(), payload.pythonSize(), "pickle", options)
                .run(python, options, out);
        PythonCall.record(result, payload.bytesPerMessage() > 0 ? "mb_per_s" : "msgs_per_s", out, figure);
    }

    private double rate(long n, double seconds) {
        return payload.bytesPerMessage() > 0 ? n * (double) payload.bytesPerMessage() / MIB / seconds : n / seconds;
    }

    private static double run(PipeWriter<Object> sync, PipeReader<Object> data, long n) {
        sync.put(n);
        Object ack = data.get();
        if (!ACK.equals(ack)) {
            throw new IllegalStateException("expected ACK, got " + ack);
        }
        long start = System.nanoTime();
        long count = 0;
        while (!STOP.equals(data.get())) {
            count++;
        }
        long elapsed = System.nanoTime() - start;
        if (count != n) {
            throw new IllegalStateException("expected " + n + " messages, got " + count);
        }
        return elapsed / 1e9;
    }

    private static ChildTask childTask(PipeReader<Object> sync, PipeWriter<Object> data, ObjectPayload payload) {
        return () -> child(sync, data, payload);
    }

    private static void child(PipeReader<Object> sync, PipeWriter<Object> data, ObjectPayload payload) {
        Object message = payload.create();
        while (true) {
            long n = (Long) sync.get();
            if (n < 0) {
                return;
            }
            data.put(ACK);
            for (long i = 0; i < n; i++) {
                data.put(message);
            }
            data.put(STOP);
        }
    }
}
