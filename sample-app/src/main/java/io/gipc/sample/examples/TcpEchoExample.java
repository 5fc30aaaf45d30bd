package io.gipc.sample.examples;

import io.gipc.ChildOptions;
import io.gipc.GipcProcess;
import io.gipc.ProcessLauncher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * gipc's second example: a TCP echo server in the parent, one virtual thread per connection, and a child that runs
 * {@code clients} concurrent clients on virtual threads, each checking that the server echoes its message.
 *
 * <p>The child prints {@code N clients served within X s.}; the example exits with 0 when every client got its
 * echo.
 *
 * @param clients how many concurrent clients the child runs
 */
public record TcpEchoExample(int clients) implements Example {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static final int SOCKET_TIMEOUT_MILLIS = 60_000;

    @Override
    public int run(ProcessLauncher launcher, PrintStream out) throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Math.max(50, this.clients));
            int port = server.getLocalPort();
            Thread.ofVirtual().name("echo-server").start(() -> serve(server));
            int clientCount = this.clients;
            GipcProcess child = launcher.start(() -> runClients(port, clientCount), ChildOptions.named("clients"));
            if (!child.join(TIMEOUT)) {
                out.println("The clients did not finish within " + TIMEOUT.toSeconds() + " s: killing the child.");
                child.kill();
                child.join(Duration.ofSeconds(10));
                return 1;
            }
            int code = child.exitCode().orElseThrow();
            if (code != 0) {
                out.println("The child failed with exit code " + code + ".");
            }
            return (code == 0) ? 0 : 1;
        }
    }

    /** Runs in the parent: accepts until the server socket is closed. */
    private static void serve(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().name("echo-connection").start(() -> echo(socket));
            } catch (IOException ex) {
                // closed: the example is over
            }
        }
    }

    private static void echo(Socket socket) {
        try (socket;
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream()) {
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            in.transferTo(out);
        } catch (IOException ex) {
            // the client went away; the client side reports failures
        }
    }

    /** Runs in the child. */
    private static void runClients(int port, int count) throws Exception {
        long start = System.nanoTime();
        List<Future<Boolean>> results = new ArrayList<>(count);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int id = i;
                results.add(clients.submit(() -> echoOnce(port, id)));
            }
        }
        long wrong = 0;
        for (Future<Boolean> result : results) {
            if (!result.get()) {
                wrong++;
            }
        }
        if (wrong > 0) {
            throw new IllegalStateException(wrong + " of " + count + " clients got a wrong echo");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%d clients served within %.2f s.%n", count, seconds);
    }

    private static boolean echoOnce(int port, int id) throws IOException {
        byte[] message = ("Hello from client " + id + "\n").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            socket.getOutputStream().write(message);
            socket.shutdownOutput();
            return Arrays.equals(message, socket.getInputStream().readAllBytes());
        }
    }
}
