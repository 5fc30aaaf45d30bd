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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Resident memory of an idle child: the child's task says {@code start} and then blocks in {@code get()}; the parent
 * lets it idle for {@code --idle-millis} and reads {@code VmRSS} from {@code /proc/<pid>/status}. Each repetition
 * is a fresh child with the launcher's default JVM arguments. The baseline is a plain JVM with the same arguments
 * blocked in a socket read.
 */
public final class IdleMemoryScenario implements Scenario {

    @Override
    public List<Figure> figures() {
        return List.of(Figure.IDLE_CHILD_RSS);
    }

    @Override
    public String name() {
        return "idle-memory";
    }

    @Override
    public void runBaseline(BaselineLauncher baseline, BenchmarkOptions options, Samples out) throws Exception {
        out.parameter("idleMillis", options.idleMillis());
        BaselineLauncher.Listener listener = baseline.listen();
        for (int rep = 0; rep < options.repetitions(); rep++) {
            Process child = baseline.start(listener, "idle");
            try (FrameChannel channel = listener.accept(child, Children.CONNECT_TIMEOUT)) {
                Messages.expect(channel.get(), Messages.START);
                out.add(Figure.IDLE_CHILD_RSS, idleResidentMegabytes(child.pid(), options));
                channel.put(Messages.STOP);
            }
            BaselineLauncher.join(child, Children.EXIT_TIMEOUT);
        }
    }

    @Override
    public void runGipc(ProcessLauncher launcher, BenchmarkOptions options, Samples out) throws Exception {
        out.parameter("idleMillis", options.idleMillis());
        for (int rep = 0; rep < options.repetitions(); rep++) {
            try (Pipe<byte[]> ready = launcher.pipe(Codec.raw());
                    Pipe<byte[]> stop = launcher.pipe(Codec.raw())) {
                GipcProcess child = launcher.start(childTask(ready.writer(), stop.reader()));
                Messages.expect(ready.reader().get(), Messages.START);
                out.add(Figure.IDLE_CHILD_RSS, idleResidentMegabytes(child.pid(), options));
                stop.writer().put(Messages.STOP);
                Children.join(child);
            }
        }
    }

    private static ChildTask childTask(PipeWriter<byte[]> ready, PipeReader<byte[]> stop) {
        return () -> child(stop::get, ready::put);
    }

    private static double idleResidentMegabytes(long pid, BenchmarkOptions options) throws Exception {
        // A fixed idle period is part of what is measured (a child that has been idle a while), not a wait for a
        // state: the child is already known to be running its task.
        Thread.sleep(options.idleMillis());
        return residentKilobytes(pid) / 1024.0;
    }

    /**
     * Reads a process's resident set size.
     *
     * @param pid the process
     * @return {@code VmRSS} in KiB
     * @throws IOException when {@code /proc} cannot be read or has no such line
     */
    static long residentKilobytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(
                        line.substring("VmRSS:".length()).replace("kB", "").trim());
            }
        }
        throw new IOException("no VmRSS line in /proc/" + pid + "/status");
    }

    /**
     * The child's side: says {@code start}, then waits idle for any message.
     *
     * @param in where the end message arrives
     * @param out where to say {@code start}
     * @throws Exception when the channel fails
     */
    public static void child(Source in, Sink out) throws Exception {
        out.put(Messages.START);
        in.get();
    }
}
