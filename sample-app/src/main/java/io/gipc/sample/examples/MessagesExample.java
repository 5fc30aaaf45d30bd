package io.gipc.sample.examples;

import io.gipc.ChildOptions;
import io.gipc.GipcBrokenPipeException;
import io.gipc.GipcEofException;
import io.gipc.GipcProcess;
import io.gipc.Pipe;
import io.gipc.PipeReader;
import io.gipc.PipeWriter;
import io.gipc.ProcessLauncher;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * gipc's first example: a writer virtual thread in the parent puts one message per second into a pipe, and a child
 * prints every message it gets.
 *
 * <p>It stops after {@code messages} messages (the writer closes its end; the child reads to the end of the pipe and
 * exits) or on Ctrl-C (the writer stops and the child is terminated); either way the child is joined and the
 * example exits with 0.
 *
 * @param messages how many messages to write, or 0 for no limit
 */
public record MessagesExample(int messages) implements Example {

    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public int run(ProcessLauncher launcher, PrintStream out) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        onCtrlC(out, stop);
        try (Pipe<String> pipe = launcher.pipe()) {
            // Capture only the end the child needs: capturing `pipe` would move both ends.
            PipeReader<String> reader = pipe.reader();
            GipcProcess child = launcher.start(() -> printMessages(reader), ChildOptions.named("reader"));
            AtomicInteger written = new AtomicInteger();
            Thread writer = Thread.ofVirtual()
                    .name("writer")
                    .start(() -> writeMessages(pipe.writer(), this.messages, stop, written, out));
            writer.join();
            out.println("Writer stopped after " + written.get() + " message(s).");
            if (stop.getCount() == 0) {
                // Ctrl-C: like gipc's example, terminate the child rather than let it read to the end.
                child.terminate();
                pipe.writer().close();
            } else {
                // Done: closing the writer ends the child's loop with end of stream.
                pipe.writer().close();
                if (!child.join(EXIT_TIMEOUT)) {
                    child.terminate();
                }
            }
            if (!child.join(EXIT_TIMEOUT)) {
                child.kill();
                child.join(EXIT_TIMEOUT);
            }
            out.println("Child '" + child.name() + "' joined, exit code "
                    + child.exitCode().orElseThrow() + ".");
            return 0;
        }
    }

    /** Runs in the parent, on a virtual thread; the caller closes the writer. */
    private static void writeMessages(
            PipeWriter<String> writer, int limit, CountDownLatch stop, AtomicInteger written, PrintStream out) {
        try {
            while (true) {
                int n = written.incrementAndGet();
                writer.put("message " + n + ", written to the pipe by a virtual thread in the parent process");
                if (n == limit || stop.await(INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (GipcBrokenPipeException ex) {
            written.decrementAndGet();
            out.println("Writer: the child is gone (" + ex.getMessage() + ").");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs in the child. */
    private static void printMessages(PipeReader<String> reader) {
        try (reader) {
            while (true) {
                System.out.println("Child process got message from pipe: '" + reader.get() + "'");
            }
        } catch (GipcEofException ex) {
            System.out.println("Child process: the writer closed the pipe.");
        }
    }

    /** Ctrl-C stops the writer; a second Ctrl-C ends the JVM at once. */
    private static void onCtrlC(PrintStream out, CountDownLatch stop) {
        Signal.handle(new Signal("INT"), signal -> {
            if (stop.getCount() == 0) {
                Runtime.getRuntime().halt(130);
            }
            out.println("Ctrl-C: stopping the writer and terminating the child.");
            stop.countDown();
        });
    }
}
