package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What pipes cost while they are open and what they leave behind: idle pipes cost no thread, and pipes that
 * nobody references are closed and freed ({@code LifecycleTests} checks that 10,000 pipe cycles and 100 child
 * starts return the process to its file descriptor and thread counts).
 *
 * <p>Threads are the JVM's live platform threads (virtual threads parked on a socket hold no OS thread); file
 * descriptors are the entries of {@code /proc/self/fd}.
 */
class PipeResourceTests {

    private static final int IDLE_PIPES = 1000;
    private static final int MAX_PIPE_THREADS = 8;

    @RegisterExtension
    final LauncherExtension ext = new LauncherExtension();

    @Test
    void aThousandOpenIdlePipesCostAtMostEightThreads() {
        ProcessLauncher launcher = ext.launcher();
        cycle(launcher); // the JVM-wide machinery a first pipe starts is not a cost per pipe
        int before = platformThreads();
        List<Pipe<String>> pipes = new ArrayList<>();
        try {
            for (int i = 0; i < IDLE_PIPES; i++) {
                Pipe<String> pipe = launcher.pipe();
                pipe.writer().put("connect " + i); // the writer's connection exists and a message went through
                assertThat(pipe.reader().get()).isEqualTo("connect " + i);
                pipes.add(pipe);
            }
            int added = platformThreads() - before;
            System.out.println(IDLE_PIPES + " open idle pipes: " + added + " platform threads more than before ("
                    + before + " before), " + gipcThreads() + " named gipc-*");
            assertThat(added)
                    .as("platform threads added by %d open idle pipes", IDLE_PIPES)
                    .isLessThanOrEqualTo(MAX_PIPE_THREADS);
        } finally {
            pipes.forEach(Pipe::close);
        }
    }

    @Test
    void pipesThatNobodyReferencesAreClosedAndTheirDescriptorsFreed() {
        ProcessLauncher launcher = ext.launcher();
        cycle(launcher);
        long fdsBefore = openFileDescriptors();
        for (int i = 0; i < 200; i++) {
            Pipe<String> dropped = launcher.pipe();
            dropped.writer().put("x");
            assertThat(dropped.reader().get()).isEqualTo("x");
        }
        assertThat(openFileDescriptors()).as("200 open pipes hold descriptors").isGreaterThan(fdsBefore + 200);
        int[] polls = {0};
        Await.until(
                Duration.ofSeconds(30),
                () -> {
                    if (polls[0]++ % 50 == 0) {
                        System.gc();
                    }
                    return openFileDescriptors() <= fdsBefore + 2;
                },
                "the descriptors of 200 unreferenced pipes freed (back to " + fdsBefore + " +2)");
    }

    @Test
    void aReaderSeesWhatAnUnreferencedWriterPutThenEndOfStream() {
        PipeReader<String> reader = readerOfADroppedWriter(ext.launcher());
        assertThat(reader.get(Duration.ofSeconds(10))).isEqualTo("first");
        assertThat(reader.get(Duration.ofSeconds(10))).isEqualTo("second");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            System.gc();
            try {
                String unexpected = reader.get(Duration.ofMillis(50));
                throw new AssertionError("a third message arrived: " + unexpected);
            } catch (GipcTimeoutException e) {
                assertThat(System.nanoTime() - deadline)
                        .as("end of stream within 30 s of dropping the writer")
                        .isNegative();
            } catch (GipcEofException e) {
                return;
            }
        }
    }

    /** Puts two messages and drops the writer: only the reader is referenced when this returns. */
    private static PipeReader<String> readerOfADroppedWriter(ProcessLauncher launcher) {
        Pipe<String> pipe = launcher.pipe();
        pipe.writer().put("first");
        pipe.writer().put("second");
        return pipe.reader();
    }

    /** Creates a pipe, sends one message through it and closes both ends. */
    private static void cycle(ProcessLauncher launcher) {
        Pipe<String> pipe = launcher.pipe();
        pipe.writer().put("x");
        assertThat(pipe.reader().get()).isEqualTo("x");
        pipe.close();
    }

    private static int platformThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long gipcThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("gipc"))
                .count();
    }

    private static long openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new AssertionError("cannot list /proc/self/fd", e);
        }
    }
}
