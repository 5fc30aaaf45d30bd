package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SIGKILLs of writers and readers at random moments of a stream of numbered messages, also while an end moves:
 * each run ends with the survivor seeing a contiguous prefix, no gap and no duplicate, then end of stream or a
 * broken pipe, within a bounded time.
 *
 * <p>CI runs {@value #DEFAULT_RUNS} runs; the full suite is {@code ./mvnw -pl gipc-core -am test
 * -Dtest=KillFaultTests -Dgipc.faults=100 -Dsurefire.failIfNoSpecifiedTests=false} (docs/architecture.md has its
 * last result). A failing run prints its seed: {@code -Dgipc.faults.seed=N} repeats it.
 */
class KillFaultTests {

    static final int DEFAULT_RUNS = 8;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final LauncherExtension ext = new LauncherExtension();

    static Stream<Long> seeds() {
        int runs = Integer.getInteger("gipc.faults", DEFAULT_RUNS);
        long base = Long.getLong("gipc.faults.seed", System.nanoTime());
        return IntStream.range(0, runs).mapToObj(i -> base + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aKilledHolderLeavesTheSurvivorAContiguousPrefixThenTheEnd(long seed) throws Exception {
        Random rnd = new Random(seed);
        switch ((int) Math.floorMod(seed, 4L)) {
            case 0 -> writerKilledWhileStreaming(rnd);
            case 1 -> readerKilledWhileStreaming(rnd);
            case 2 -> writerKilledAroundItsMove(rnd);
            default -> readerKilledAroundItsMove(rnd);
        }
    }

    /** Reads numbers from {@code from} on until end of stream; returns the next number that did not come. */
    private static int readContiguousUntilEof(PipeReader<Integer> r, int from) {
        int n = from;
        while (true) {
            Integer v;
            try {
                v = r.get(WAIT);
            } catch (GipcEofException end) {
                return n;
            }
            assertThat(v).as("the message after %d", n - 1).isEqualTo(n);
            n++;
        }
    }

    private void writerKilledWhileStreaming(Random rnd) {
        ProcessLauncher launcher = ext.launcher();
        Pipe<Integer> p = launcher.pipe();
        var w = p.writer();
        GipcProcess child = launcher.start(() -> {
            for (int i = 0; ; i++) {
                w.put(i);
            }
        });
        int before = rnd.nextInt(20_000);
        for (int n = 0; n < before; n++) {
            assertThat(p.reader().get(WAIT)).isEqualTo(n);
        }
        child.kill();
        assertThat(readContiguousUntilEof(p.reader(), before)).isGreaterThanOrEqualTo(before);
        assertThat(child.join(WAIT)).isTrue();
    }

    private void readerKilledWhileStreaming(Random rnd) throws Exception {
        ProcessLauncher launcher = ext.launcher();
        Pipe<Integer> p = launcher.pipe();
        Pipe<Integer> echo = launcher.pipe();
        var r = p.reader();
        var e = echo.writer();
        GipcProcess child = launcher.start(() -> {
            while (true) {
                e.put(r.get());
            }
        });
        AtomicReference<Throwable> end = new AtomicReference<>();
        Thread writer = streamUntilFailure(p.writer(), 0, new AtomicBoolean(), end);
        int before = rnd.nextInt(20_000);
        for (int n = 0; n < before; n++) {
            assertThat(echo.reader().get(WAIT)).isEqualTo(n);
        }
        child.kill();
        readContiguousUntilEof(echo.reader(), before);
        assertThat(writer.join(WAIT)).isTrue();
        assertThat(end.get()).isInstanceOf(GipcBrokenPipeException.class);
        assertThat(child.join(WAIT)).isTrue();
    }

    private static Thread streamUntilFailure(
            PipeWriter<Integer> w, int from, AtomicBoolean stop, AtomicReference<Throwable> end) {
        return Thread.ofVirtual().start(() -> {
            try {
                for (int i = from; !stop.get(); i++) {
                    w.put(i);
                }
                w.close();
            } catch (Throwable t) {
                end.set(t);
            }
        });
    }

    /** Kills every child JVM of this process that was not running before, after a random delay. */
    private static Thread killNewChildrenLater(Random rnd) {
        Set<Long> before =
                ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
        long delayMicros = rnd.nextInt(600_000);
        return Thread.ofVirtual().start(() -> {
            try {
                // a random moment, not a state: the kill may land before, during or after the move
                Thread.sleep(Duration.ofNanos(delayMicros * 1000));
            } catch (InterruptedException e) {
                return;
            }
            ProcessHandle.current()
                    .children()
                    .filter(c -> !before.contains(c.pid()))
                    .forEach(ProcessHandle::destroyForcibly);
        });
    }

    private void writerKilledAroundItsMove(Random rnd) throws Exception {
        ProcessLauncher launcher = ext.launcher();
        Pipe<Integer> p = launcher.pipe();
        var w = p.writer();
        int here = rnd.nextInt(5_000);
        for (int i = 0; i < here; i++) {
            w.put(i);
        }
        Thread killer = killNewChildrenLater(rnd);
        GipcProcess child = null;
        try {
            child = launcher.start(() -> {
                for (int i = here; ; i++) {
                    w.put(i);
                }
            });
        } catch (GipcException killedBeforeItRan) {
            // the writer came back if the child never attached it, else it went with the child
            System.out.println(
                    "KillFaultTests: writer move interrupted by the kill: " + killedBeforeItRan.getMessage());
            w.close();
        }
        assertThat(killer.join(WAIT)).isTrue();
        if (child != null) {
            child.kill();
        }
        assertThat(readContiguousUntilEof(p.reader(), 0)).isGreaterThanOrEqualTo(here);
    }

    private void readerKilledAroundItsMove(Random rnd) throws Exception {
        ProcessLauncher launcher = ext.launcher();
        Pipe<Integer> p = launcher.pipe();
        Pipe<Integer> echo = launcher.pipe();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> end = new AtomicReference<>();
        Thread writer = streamUntilFailure(p.writer(), 0, stop, end);
        int here = rnd.nextInt(5_000);
        for (int n = 0; n < here; n++) {
            assertThat(p.reader().get(WAIT)).isEqualTo(n);
        }
        var r = p.reader();
        var e = echo.writer();
        Thread killer = killNewChildrenLater(rnd);
        GipcProcess child = null;
        try {
            child = launcher.start(() -> {
                while (true) {
                    e.put(r.get());
                }
            });
        } catch (GipcException killedBeforeItRan) {
            // below: the reader is here again, or gone with the child
            System.out.println(
                    "KillFaultTests: reader move interrupted by the kill: " + killedBeforeItRan.getMessage());
        }
        assertThat(killer.join(WAIT)).isTrue();
        if (child != null) {
            child.kill();
        }
        e.close();
        // what the child echoed before it died, in order
        int next = readContiguousUntilEof(echo.reader(), here);
        try {
            // a child that never ran its task gave the reader back: it goes on where the child stopped
            assertThat(p.reader().get(WAIT)).isEqualTo(next);
            System.out.println("KillFaultTests: the reader came back after " + next);
            stop.set(true);
            readContiguousUntilEof(p.reader(), next + 1);
            assertThat(writer.join(WAIT)).isTrue();
            assertThat(end.get()).isNull();
        } catch (GipcClosedException movedAndGone) {
            assertThat(writer.join(WAIT)).isTrue();
            assertThat(end.get()).isInstanceOf(GipcBrokenPipeException.class);
        }
    }
}
