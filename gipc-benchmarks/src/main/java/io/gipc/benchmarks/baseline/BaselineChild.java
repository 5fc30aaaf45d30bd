package io.gipc.benchmarks.baseline;

import io.gipc.benchmarks.scenario.IdleMemoryScenario;
import io.gipc.benchmarks.scenario.LargeMessageScenario;
import io.gipc.benchmarks.scenario.RoundTripScenario;
import io.gipc.benchmarks.scenario.StartScenario;
import io.gipc.benchmarks.scenario.TcpEchoScenario;
import io.gipc.benchmarks.scenario.ThroughputScenario;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The {@code main} of the baseline's child JVMs: connects to the parent's Unix-domain socket and runs a scenario's
 * child code over it, the same code gipc's children run over pipes.
 *
 * <p>Arguments: the scenario ({@code throughput SIZE}, {@code large}, {@code echo}, {@code start},
 * {@code tcp-clients PORT COUNT}, {@code idle}) and the socket path before the scenario's own arguments.
 */
public final class BaselineChild {

    private BaselineChild() {}

    /**
     * Runs one scenario's child side.
     *
     * @param args scenario, socket path, scenario arguments
     * @throws Exception when the scenario fails; the JVM then exits with 1
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: BaselineChild SCENARIO SOCKET [ARGUMENTS...]");
        }
        String scenario = args[0];
        try (FrameChannel channel =
                new FrameChannel(SocketChannel.open(UnixDomainSocketAddress.of(Path.of(args[1]))))) {
            switch (scenario) {
                case "throughput" -> ThroughputScenario.child(channel::get, channel::put, Integer.parseInt(args[2]));
                case "large" -> LargeMessageScenario.child(channel::get, channel::put);
                case "echo" -> RoundTripScenario.child(channel::get, channel::put);
                case "start" -> StartScenario.child(channel::put);
                case "tcp-clients" ->
                    channel.put(TcpEchoScenario.clients(Integer.parseInt(args[2]), Integer.parseInt(args[3])));
                case "idle" -> IdleMemoryScenario.child(channel::get, channel::put);
                default -> throw new IllegalArgumentException("unknown baseline scenario " + scenario);
            }
        }
    }
}
