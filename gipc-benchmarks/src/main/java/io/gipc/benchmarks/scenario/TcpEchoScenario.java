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
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * gipc's example 2 ({@code serverclient.py}): a TCP echo server on a virtual thread in the parent; one child starts
 * {@code --clients} (1000) clients on virtual threads at once, each connecting, sending a line and checking its echo,
 * and reports how long it took until all were served, timed inside the child as gipc's example does. Each
 * repetition is a fresh child, as in the example. The baseline child runs the same client code and reports over a
 * Unix-domain socket instead of a pipe.
 */
public final class TcpEchoScenario implements Scenario {

    /** Above the clients' count so that no connection waits for a SYN retry; Linux caps it at somaxconn. */
    private static final int BACKLOG = 4096;

    private static final int CLIENT_TIMEOUT_MILLIS = 30_000;

    @Override
    public List<Figure> figures() {
        return List.of(Figure.TCP_ECHO_CLIENTS);
    }

    @Override
    public String name() {
        return "tcp-echo";
    }

    @Override
    public void runBaseline(BaselineLauncher baseline, BenchmarkOptions options, Samples out) throws Exception {
        out.parameter("clients", options.clients());
        BaselineLauncher.Listener listener = baseline.listen();
        try (EchoServer server = EchoServer.start(BACKLOG)) {
            for (int rep = 0; rep < options.repetitions(); rep++) {
                Process child = baseline.start(
                        listener, "tcp-clients", Integer.toString(server.port()), Integer.toString(options.clients()));
                try (FrameChannel channel = listener.accept(child, Children.CONNECT_TIMEOUT)) {
                    record(channel.get(), options, out);
                }
                BaselineLauncher.join(child, Children.EXIT_TIMEOUT);
            }
        }
    }

    @Override
    public void runGipc(ProcessLauncher launcher, BenchmarkOptions options, Samples out) throws Exception {
        out.parameter("clients", options.clients());
        try (EchoServer server = EchoServer.start(BACKLOG)) {
            for (int rep = 0; rep < options.repetitions(); rep++) {
                try (Pipe<byte[]> result = launcher.pipe(Codec.raw())) {
                    GipcProcess child = launcher.start(childTask(result.writer(), server.port(), options.clients()));
                    record(result.reader().get(), options, out);
                    Children.join(child);
                }
            }
        }
    }

    private static ChildTask childTask(PipeWriter<byte[]> result, int port, int clients) {
        return () -> result.put(clients(port, clients));
    }

    private static void record(byte[] result, BenchmarkOptions options, Samples out) {
        long[] values = Messages.toLongs(result);
        if (values[1] != options.clients()) {
            throw new IllegalStateException(
                    "only " + values[1] + " of " + options.clients() + " clients got their echo back");
        }
        out.add(Figure.TCP_ECHO_CLIENTS, values[0] / 1e9);
    }

    /**
     * The child's side: runs the clients and returns the nanoseconds until all were done and how many got their
     * echo.
     *
     * @param port the server's port on the loopback interface
     * @param count how many clients
     * @return two longs: nanoseconds and clients served
     * @throws InterruptedException when interrupted while waiting for the clients
     */
    public static byte[] clients(int port, int count) throws InterruptedException {
        AtomicInteger served = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int client = i;
                executor.execute(() -> {
                    if (client(port, client)) {
                        served.incrementAndGet();
                    }
                });
            }
        }
        long elapsed = System.nanoTime() - start;
        return Messages.ofLongs(elapsed, served.get());
    }

    private static boolean client(int port, int client) {
        byte[] line = ("Hello, server! I am client " + client + ".\n").getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CLIENT_TIMEOUT_MILLIS);
            socket.setSoTimeout(CLIENT_TIMEOUT_MILLIS);
            socket.getOutputStream().write(line);
            byte[] echo = socket.getInputStream().readNBytes(line.length);
            return Arrays.equals(echo, line);
        } catch (IOException e) {
            return false;
        }
    }
}
