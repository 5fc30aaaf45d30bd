package io.gipc.benchmarks.scenario;

import io.gipc.ChildTask;
import io.gipc.Codec;
import io.gipc.DuplexHandle;
import io.gipc.DuplexPipe;
import io.gipc.GipcProcess;
import io.gipc.ProcessLauncher;
import io.gipc.benchmarks.BenchmarkOptions;
import io.gipc.benchmarks.Figure;
import io.gipc.benchmarks.Samples;
import io.gipc.benchmarks.baseline.BaselineLauncher;
import io.gipc.benchmarks.baseline.FrameChannel;
import io.gipc.benchmarks.python.PythonResult;
import io.gipc.benchmarks.python.PythonRunner;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * gipc's {@code raw_largemsg_bench.py} shape: over a duplex pipe the child says {@code start}, the parent puts one
 * 763 MiB message (10<sup>7</sup> random bytes repeated 80 times), the child answers {@code done}; the parent times
 * from its {@code put} to {@code done}. The child then returns the message's CRC32C (gipc's script uses MD5), which
 * the parent checks, untimed.
 *
 * <p>One child serves a discarded warm-up round and the {@code --large-reps} repetitions; a warm-up round that
 * lasts 10 s or more is recorded instead (the JIT warmed up long before its end). The Python side
 * ({@code gipc_large.py}) starts a fresh child per round, as gipc's script does, with a raw pipe
 * ({@code encoder=None}) and with gipc's default pickle pipe, and checks an MD5.
 */
public final class LargeMessageScenario implements Scenario {

    private static final double MIB = 1024.0 * 1024.0;
    private static final int RANDOM_CHUNK = 10_000_000;
    private static final double WARMUP_COUNTS_AFTER_SECONDS = 10;

    private byte[] data;
    private long checksum;

    @Override
    public List<Figure> figures() {
        return List.of(Figure.LARGE_RAW_MBPS, Figure.LARGE_KRYO_MBPS);
    }

    @Override
    public String name() {
        return "large";
    }

    @Override
    public void runBaseline(BaselineLauncher baseline, BenchmarkOptions options, Samples out) throws Exception {
        prepare(options, out);
        BaselineLauncher.Listener listener = baseline.listen();
        Process child = baseline.start(listener, "large");
        try (FrameChannel channel = listener.accept(child, Children.CONNECT_TIMEOUT)) {
            measure(channel::put, channel::get, options, out, Figure.LARGE_RAW_MBPS);
        }
        BaselineLauncher.join(child, Children.EXIT_TIMEOUT);
    }

    @Override
    public void runGipc(ProcessLauncher launcher, BenchmarkOptions options, Samples out) throws Exception {
        prepare(options, out);
        runGipc(launcher, Codec.raw(), options, out, Figure.LARGE_RAW_MBPS);
        runGipc(launcher, Codec.kryo(), options, out, Figure.LARGE_KRYO_MBPS);
    }

    @Override
    public void runPython(PythonRunner python, BenchmarkOptions options, Samples out) throws Exception {
        for (String codec : new String[] {"raw", "pickle"}) {
            PythonResult result = PythonCall.gipc("gipc_large.py")
                    .with("--bytes", options.largeBytes())
                    .with("--codec", codec)
                    .repetitions(options.largeRepetitions())
                    .prefixed(codec + "-")
                    .run(python, options, out);
            PythonCall.record(
                    result, "mb_per_s", out, codec.equals("raw") ? Figure.LARGE_RAW_MBPS : Figure.LARGE_KRYO_MBPS);
        }
    }

    /** Drops the message so that its memory is free for the next scenarios (and the Python side). */
    public void release() {
        data = null;
    }

    private void runGipc(
            ProcessLauncher launcher, Codec<byte[]> codec, BenchmarkOptions options, Samples out, Figure figure)
            throws Exception {
        try (DuplexPipe<byte[]> pipe = launcher.duplexPipe(codec)) {
            GipcProcess child = launcher.start(childTask(pipe.second()));
            DuplexHandle<byte[]> parent = pipe.first();
            measure(parent::put, parent::get, options, out, figure);
            Children.join(child);
        }
    }

    private static ChildTask childTask(DuplexHandle<byte[]> handle) {
        return () -> child(handle::get, handle::put);
    }

    private void prepare(BenchmarkOptions options, Samples out) {
        out.parameter("messageBytes", options.largeBytes());
        out.parameter("repetitions", options.largeRepetitions());
        if (data != null && data.length == options.largeBytes()) {
            return;
        }
        data = new byte[options.largeBytes()];
        int chunk = Math.min(RANDOM_CHUNK, data.length);
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < chunk; i += 8) {
            long bits = random.nextLong();
            for (int j = 0; j < 8 && i + j < chunk; j++) {
                data[i + j] = (byte) (bits >>> (8 * j));
            }
        }
        for (int offset = chunk; offset < data.length; offset += chunk) {
            System.arraycopy(data, 0, data, offset, Math.min(chunk, data.length - offset));
        }
        checksum = crc32c(data);
    }

    private void measure(Sink put, Source get, BenchmarkOptions options, Samples out, Figure figure) throws Exception {
        int recorded = 0;
        for (int round = 0; recorded < options.largeRepetitions(); round++) {
            Messages.expect(get.get(), Messages.START);
            long start = System.nanoTime();
            put.put(data);
            Messages.expect(get.get(), Messages.DONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            long received = Messages.toLong(get.get());
            if (received != checksum) {
                throw new IllegalStateException("the child's checksum of the large message differs: "
                        + Long.toHexString(received) + " != " + Long.toHexString(checksum));
            }
            // A warm-up round that lasted this long is no longer a warm-up: record it instead of repeating it.
            if (round >= options.warmups() || seconds >= WARMUP_COUNTS_AFTER_SECONDS) {
                out.add(figure, data.length / MIB / seconds);
                recorded++;
            }
        }
        Messages.expect(get.get(), Messages.START);
        put.put(Messages.STOP);
    }

    private static long crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        return crc.getValue();
    }

    /**
     * The child's side: says {@code start}, receives a message, says {@code done} and sends its CRC32C; {@code stop}
     * instead of a message ends it.
     *
     * @param in where messages arrive
     * @param out where answers go
     * @throws Exception when the pipe fails
     */
    public static void child(Source in, Sink out) throws Exception {
        while (true) {
            out.put(Messages.START);
            byte[] message = in.get();
            if (Messages.is(message, Messages.STOP)) {
                return;
            }
            out.put(Messages.DONE);
            out.put(Messages.ofLong(crc32c(message)));
        }
    }
}
