package io.gipc.sample.examples;

import io.gipc.ProcessLauncher;
import java.io.PrintStream;
import java.util.Optional;

/** One of gipc's three examples, run from the command line of the sample application. */
public sealed interface Example permits MessagesExample, TcpEchoExample, TimeSyncExample {

    /** How to call the examples. */
    String USAGE = """
            usage: java -jar gipc-sample-app.jar example1 [--messages N]   a writer feeds a child that prints
                   java -jar gipc-sample-app.jar example2 [--clients N]    TCP echo server, N clients in a child
                   java -jar gipc-sample-app.jar example3                  duplex SYN/ACK time sync
                   java -jar gipc-sample-app.jar                           the web service on port 8080""";

    /**
     * Runs the example.
     *
     * @param launcher starts the children and creates the pipes
     * @param out where the example reports
     * @return the process's exit code: 0 on success
     * @throws Exception when the example fails
     */
    int run(ProcessLauncher launcher, PrintStream out) throws Exception;

    /**
     * Reads an example from the command line.
     *
     * @param args the command line
     * @return the example, or empty when the first argument names none (the web service then starts)
     * @throws IllegalArgumentException when an example's options are wrong
     */
    static Optional<Example> parse(String... args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        CommandLine line = new CommandLine(args);
        return switch (args[0]) {
            case "example1" -> Optional.of(new MessagesExample(line.intOption("messages", 0, 0)));
            case "example2" -> Optional.of(new TcpEchoExample(line.intOption("clients", 1000, 1)));
            case "example3" -> {
                line.intOption("none", 0, 0);
                yield Optional.of(new TimeSyncExample());
            }
            default -> Optional.empty();
        };
    }
}
