package io.gipc.benchmarks.baseline;

import io.gipc.LauncherConfig;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the baseline's child JVMs without gipc: {@link ProcessBuilder} with the same {@code java}, the same class
 * path and gipc's default child JVM arguments, running {@link BaselineChild}; the child connects back to a
 * Unix-domain socket in a private (0700) directory.
 *
 * <p>Used from one thread. {@link #close()} kills children still running and removes the directory.
 */
public final class BaselineLauncher implements AutoCloseable {

    private final List<String> jvmArguments;
    private final Path directory;
    private final List<Process> children = new ArrayList<>();
    private final List<ServerSocketChannel> servers = new ArrayList<>();
    private int sockets;

    /**
     * Creates the private directory.
     *
     * @param extraJvmArguments JVM arguments added after gipc's default child arguments
     * @throws IOException when it cannot
     */
    public BaselineLauncher(List<String> extraJvmArguments) throws IOException {
        jvmArguments = new ArrayList<>(LauncherConfig.DEFAULT_JVM_ARGUMENTS);
        jvmArguments.addAll(extraJvmArguments);
        directory = Files.createTempDirectory(
                "gipc-bench-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /**
     * Binds a new listening socket for children to connect to.
     *
     * @return the listener
     * @throws IOException when it cannot bind
     */
    public Listener listen() throws IOException {
        Path path = directory.resolve("s" + sockets++ + ".sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        servers.add(server);
        return new Listener(server, path);
    }

    /**
     * Starts a child JVM that runs {@link BaselineChild} with these arguments.
     *
     * @param listener where the child connects
     * @param scenario the scenario the child plays
     * @param arguments the scenario's arguments
     * @return the child
     * @throws IOException when it cannot start
     */
    public Process start(Listener listener, String scenario, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArguments);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BaselineChild.class.getName());
        command.add(scenario);
        command.add(listener.path().toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).inheritIO().start();
        children.add(process);
        return process;
    }

    /**
     * Waits for a child to exit and checks that it succeeded.
     *
     * @param child the child
     * @param timeout how long to wait
     * @throws Exception when it does not exit in time or fails
     */
    public static void join(Process child, Duration timeout) throws Exception {
        if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            child.destroyForcibly();
            throw new IllegalStateException("baseline child " + child.pid() + " did not exit within " + timeout);
        }
        if (child.exitValue() != 0) {
            throw new IllegalStateException("baseline child " + child.pid() + " exited with " + child.exitValue());
        }
    }

    @Override
    public void close() throws IOException {
        for (Process child : children) {
            child.destroyForcibly();
        }
        for (ServerSocketChannel server : servers) {
            server.close();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * A listening Unix-domain socket.
     *
     * @param server the bound channel
     * @param path its socket file
     */
    public record Listener(ServerSocketChannel server, Path path) {

        /**
         * Accepts the connection of {@code child}, failing early when the child exits first.
         *
         * @param child the child expected to connect
         * @param timeout how long to wait at most
         * @return the connection
         * @throws IOException when the child exits or the time runs out
         */
        public FrameChannel accept(Process child, Duration timeout) throws IOException {
            long deadline = System.nanoTime() + timeout.toNanos();
            server.configureBlocking(false);
            try (Selector selector = Selector.open()) {
                SelectionKey key = server.register(selector, SelectionKey.OP_ACCEPT);
                try {
                    while (true) {
                        SocketChannel channel = server.accept();
                        if (channel != null) {
                            channel.configureBlocking(true);
                            return new FrameChannel(channel);
                        }
                        if (!child.isAlive()) {
                            throw new IOException("baseline child " + child.pid() + " exited with " + child.exitValue()
                                    + " before it connected");
                        }
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            throw new IOException(
                                    "baseline child " + child.pid() + " did not connect within " + timeout);
                        }
                        // Bounded so that a child that dies before connecting is noticed.
                        selector.select(Math.max(1, Math.min(200, TimeUnit.NANOSECONDS.toMillis(left))));
                    }
                } finally {
                    key.cancel();
                    selector.selectNow();
                    server.configureBlocking(true);
                }
            }
        }
    }
}
