package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The three examples of Python gipc, in Java. */
class GipcExamplesTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final LauncherExtension ext = new LauncherExtension();

    @TempDir
    Path tmp;

    /** Example 1: a writer virtual thread in the parent feeds a child that prints each message. */
    @Test
    void aWriterThreadFeedsAChildThatPrintsEachMessage() throws Exception {
        ProcessLauncher launcher = ext.launcher();
        Path out = tmp.resolve("child-out.txt");
        Pipe<String> p = launcher.pipe();
        var r = p.reader();
        GipcProcess child = launcher.start(
                () -> {
                    try {
                        while (true) {
                            System.out.println("child got: " + r.get());
                        }
                    } catch (GipcEofException e) {
                        System.out.println("child done");
                    }
                },
                ChildOptions.named("printer").withOutput(Redirect.to(out.toFile())));
        Thread writer = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 5; i++) {
                p.writer().put("message " + i);
            }
            p.writer().close();
        });
        assertThat(writer.join(WAIT)).isTrue();
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(0);
        assertThat(Files.readAllLines(out))
                .containsExactly(
                        "child got: message 0",
                        "child got: message 1",
                        "child got: message 2",
                        "child got: message 3",
                        "child got: message 4",
                        "child done");
    }

    /** Example 2: a TCP echo server on a virtual thread in the parent, 1000 concurrent clients in one child. */
    @Test
    void aThousandClientsInAChildAreServedByAnEchoServerInTheParent() throws Exception {
        ProcessLauncher launcher = ext.launcher();
        try (ServerSocket server = new ServerSocket(0, 2000, InetAddress.getLoopbackAddress());
                ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor()) {
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        handlers.submit(() -> echo(s));
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            int port = server.getLocalPort();
            Pipe<String> report = launcher.pipe();
            var w = report.writer();
            GipcProcess child = launcher.start(() -> w.put(runClients(port, 1000)));
            String result = report.reader().get(WAIT);
            assertThat(result).startsWith("1000 clients served within ");
            System.out.println(result);
            assertThat(child.join(WAIT)).isTrue();
            assertThat(child.exitCode()).hasValue(0);
        }
    }

    private static Void echo(Socket s) throws java.io.IOException {
        try (s;
                var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                var out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line != null) {
                out.println(line);
            }
        }
        return null;
    }

    static String runClients(int port, int n) throws Exception {
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String msg = "client " + i;
                results.add(clients.submit(() -> {
                    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                            var in = new BufferedReader(
                                    new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                            var out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
                        out.println(msg);
                        return msg.equals(in.readLine());
                    }
                }));
            }
            int ok = 0;
            for (Future<Boolean> f : results) {
                if (f.get(60, TimeUnit.SECONDS)) {
                    ok++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return ok + " clients served within " + String.format("%.2f", seconds) + " s.";
        }
    }

    /** Example 3: a duplex SYN/ACK handshake between parent and child, then the time delta. */
    @Test
    void aDuplexSynAckHandshakeMeasuresTheTimeDelta() {
        ProcessLauncher launcher = ext.launcher();
        DuplexPipe<Object> d = launcher.duplexPipe();
        var childEnd = d.second();
        GipcProcess child = launcher.start(() -> {
            if (!"SYN".equals(childEnd.get())) {
                System.exit(2);
            }
            childEnd.put("SYN-ACK");
            if (!"ACK".equals(childEnd.get())) {
                System.exit(3);
            }
            childEnd.put(System.currentTimeMillis() / 1000.0);
        });
        d.first().put("SYN");
        assertThat(d.first().get(WAIT)).isEqualTo("SYN-ACK");
        d.first().put("ACK");
        double theirs = (Double) d.first().get(WAIT);
        double delta = System.currentTimeMillis() / 1000.0 - theirs;
        System.out.printf("Time delta: %.6f s.%n", delta);
        assertThat(delta).isBetween(-1.0, 5.0);
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(0);
    }
}
