package io.gipc.benchmarks.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;

/**
 * The server of gipc's example 2 ({@code serverclient.py}): accepts TCP connections on the loopback interface on a
 * virtual thread and serves each on its own virtual thread, echoing one line and closing.
 */
final class EchoServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread acceptor;

    private EchoServer(ServerSocket socket) {
        this.socket = socket;
        this.acceptor = Thread.ofVirtual().name("echo-acceptor").start(this::acceptLoop);
    }

    static EchoServer start(int backlog) throws IOException {
        return new EchoServer(new ServerSocket(0, backlog, InetAddress.getLoopbackAddress()));
    }

    int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    System.err.println("echo server: accept failed: " + e);
                }
            }
        }
    }

    private static void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            byte[] line = new byte[256];
            int length = 0;
            while (length < line.length) {
                int n = in.read(line, length, line.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
                if (line[length - 1] == '\n') {
                    break;
                }
            }
            connection.getOutputStream().write(Arrays.copyOf(line, length));
        } catch (IOException e) {
            // The client sees the failure as a missing or wrong echo and counts it.
        }
    }

    @Override
    public void close() throws Exception {
        socket.close();
        acceptor.join();
    }
}
