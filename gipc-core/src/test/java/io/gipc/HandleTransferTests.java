package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gipc.internal.launch.DefaultProcessLauncher;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Handles moving into children: every case of SPEC §4 "Children" and the hard cases of §7. */
class HandleTransferTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final LauncherExtension ext = new LauncherExtension();

    record Holder(String label, PipeWriter<String> writer) implements Serializable {}

    @Test
    void aReaderMovesToAChildAndIsClosedInTheParent() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<Integer> numbers = launcher.pipe();
        Pipe<Integer> sums = launcher.pipe();
        var r = numbers.reader();
        var w = sums.writer();
        GipcProcess child = launcher.start(
                () -> {
                    int sum = 0;
                    try {
                        while (true) {
                            sum += r.get();
                        }
                    } catch (GipcEofException e) {
                        w.put(sum);
                    }
                },
                ChildOptions.named("summer"));
        assertThatThrownBy(() -> r.get())
                .isInstanceOf(GipcClosedException.class)
                .hasMessageContaining("moved to child 'summer' (pid " + child.pid() + ")");
        assertThatThrownBy(() -> w.put(1)).isInstanceOf(GipcClosedException.class);
        for (int i = 1; i <= 100; i++) {
            numbers.writer().put(i);
        }
        numbers.writer().close();
        assertThat(sums.reader().get(WAIT)).isEqualTo(5050);
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(0);
    }

    @Test
    void handlesInsideCapturedCollectionsAndObjectsMove() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> a = launcher.pipe();
        Pipe<String> b = launcher.pipe();
        Pipe<String> c = launcher.pipe();
        List<PipeWriter<String>> writers = new ArrayList<>(List.of(a.writer()));
        Map<String, PipeWriter<String>> byName = Map.of("b", b.writer());
        Holder holder = new Holder("c", c.writer());
        GipcProcess child = launcher.start(() -> {
            writers.get(0).put("via list");
            byName.get("b").put("via map");
            holder.writer().put("via " + holder.label());
        });
        assertThat(a.reader().get(WAIT)).isEqualTo("via list");
        assertThat(b.reader().get(WAIT)).isEqualTo("via map");
        assertThat(c.reader().get(WAIT)).isEqualTo("via c");
        assertThatThrownBy(() -> holder.writer().put("x")).isInstanceOf(GipcClosedException.class);
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(0);
    }

    @Test
    void capturingAWholePipeMovesBothEndsAndTheErrorSaysHowToAvoidIt() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> p = launcher.pipe();
        GipcProcess child = launcher.start(
                () -> {
                    p.writer().put("both ends here");
                    if (!p.reader().get().equals("both ends here")) {
                        System.exit(2);
                    }
                },
                ChildOptions.named("greedy"));
        assertThatThrownBy(() -> p.reader().get())
                .isInstanceOf(GipcClosedException.class)
                .hasMessageContaining("moved to child 'greedy'")
                .hasMessageContaining("captured the whole pipe")
                .hasMessageContaining("var r = pipe.reader();");
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(0);
    }

    @Test
    void aWriterPutsAndExitsBeforeItsReaderIsUsed() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> p = launcher.pipe();
        var w = p.writer();
        GipcProcess child = launcher.start(() -> {
            for (int i = 0; i < 10; i++) {
                w.put("m" + i);
            }
        });
        assertThat(child.join(WAIT)).isTrue();
        for (int i = 0; i < 10; i++) {
            assertThat(p.reader().get(WAIT)).isEqualTo("m" + i);
        }
        assertThatThrownBy(() -> p.reader().get(WAIT)).isInstanceOf(GipcEofException.class);
    }

    @Test
    void aStreamOfSmallMessagesPutJustBeforeSystemExitArrivesWhole() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<byte[]> p = launcher.pipe(Codec.raw());
        var w = p.writer();
        // A tight loop is coalesced into few writes, and with 40 MB the reader lags behind: System.exit comes
        // while frames are still queued in the child, and must not lose them.
        GipcProcess child = launcher.start(() -> {
            for (int i = 0; i < 10_000; i++) {
                byte[] m = new byte[4000];
                m[0] = (byte) i;
                m[1] = (byte) (i >> 8);
                w.put(m);
            }
            System.exit(0);
        });
        int count = 0;
        try {
            while (true) {
                byte[] m = p.reader().get(WAIT);
                assertThat((m[0] & 0xff) | (m[1] & 0xff) << 8).isEqualTo(count);
                count++;
            }
        } catch (GipcEofException e) {
            assertThat(count).isEqualTo(10_000);
        }
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(0);
    }

    @Test
    void bytesAlreadyInTheParentsSocketFollowTheReaderIntoTheChild() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<Integer> p = launcher.pipe();
        Pipe<List<Integer>> result = launcher.pipe();
        for (int i = 0; i < 100; i++) {
            p.writer().put(i);
        }
        // the parent already read some: the rest is queued here, and more is written after the move
        assertThat(p.reader().get(WAIT)).isEqualTo(0);
        var r = p.reader();
        var out = result.writer();
        GipcProcess child = launcher.start(() -> out.put(drain(r)));
        for (int i = 100; i < 200; i++) {
            p.writer().put(i);
        }
        p.writer().close();
        assertThat(result.reader().get(WAIT)).containsExactlyElementsOf(range(1, 200));
        assertThat(child.join(WAIT)).isTrue();
    }

    @Test
    void theSameReaderIsReHandedThroughThreeGenerationsWithoutLosingData() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<Integer> p = launcher.pipe();
        Pipe<List<Integer>> childResult = launcher.pipe();
        Pipe<List<Integer>> grandchildResult = launcher.pipe();
        Pipe<String> childStage = launcher.pipe();
        Pipe<String> grandchildStage = launcher.pipe();
        var r = p.reader();
        var out = childResult.writer();
        var gOut = grandchildResult.writer();
        var stageOut = childStage.writer();
        var gStageOut = grandchildStage.writer();
        p.writer().put(0);
        GipcProcess child = launcher.start(() -> {
            List<Integer> seenHere = new ArrayList<>();
            seenHere.add(r.get());
            stageOut.put("child has the reader");
            GipcProcess grandchild = Gipc.start(() -> {
                gStageOut.put("grandchild has the reader");
                gOut.put(drain(r));
            });
            stageOut.put("child passed it on");
            out.put(seenHere);
            grandchild.join();
            if (grandchild.exitCode().orElse(-1) != 0) {
                System.exit(3);
            }
        });
        p.writer().put(1);
        assertThat(childStage.reader().get(WAIT)).isEqualTo("child has the reader");
        p.writer().put(2);
        assertThat(childStage.reader().get(WAIT)).isEqualTo("child passed it on");
        p.writer().put(3);
        assertThat(grandchildStage.reader().get(WAIT)).isEqualTo("grandchild has the reader");
        for (int i = 4; i < 50; i++) {
            p.writer().put(i);
        }
        p.writer().close();
        List<Integer> all = new ArrayList<>(childResult.reader().get(WAIT));
        all.addAll(grandchildResult.reader().get(WAIT));
        assertThat(all).containsExactlyElementsOf(range(0, 50));
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(0);
    }

    @Test
    void theSameWriterIsReHandedThroughThreeGenerationsAndEveryMessageArrivesInOrder() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> p = launcher.pipe();
        var w = p.writer();
        w.put("parent");
        GipcProcess child = launcher.start(() -> {
            w.put("child before");
            GipcProcess grandchild = Gipc.start(() -> {
                w.put("grandchild");
                GipcProcess greatGrandchild = Gipc.start(() -> w.put("great-grandchild"));
                greatGrandchild.join();
            });
            grandchild.join();
        });
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(0);
        assertThat(Stream.generate(() -> p.reader().get(WAIT)).limit(4))
                .containsExactly("parent", "child before", "grandchild", "great-grandchild");
        assertThatThrownBy(() -> p.reader().get(WAIT)).isInstanceOf(GipcEofException.class);
    }

    @Test
    void readerFirstThenWriterToTwoChildrenConnectsThemDirectly() throws Exception {
        childToChild(true);
    }

    @Test
    void writerFirstThenReaderToTwoChildrenConnectsThemDirectly() throws Exception {
        childToChild(false);
    }

    private void childToChild(boolean readerFirst) throws Exception {
        ProcessLauncher launcher = ext.launcher();
        // The pipe under test lives in its own launcher's directory, so its sockets are easy to find.
        DefaultProcessLauncher pipeHome = (DefaultProcessLauncher) ext.launcher();
        Pipe<List<Integer>> result = launcher.pipe();
        Pipe<String> go = launcher.pipe();
        var out = result.writer();
        var goReader = go.reader();
        Pipe<Integer> p = pipeHome.pipe();
        var r = p.reader();
        var w = p.writer();
        ChildTask reading = () -> out.put(drain(r));
        ChildTask writing = () -> {
            goReader.get();
            for (int i = 0; i < 1000; i++) {
                w.put(i);
            }
        };
        GipcProcess first = launcher.start(readerFirst ? reading : writing);
        GipcProcess second = launcher.start(readerFirst ? writing : reading);
        // Once both children hold their ends, the parent keeps no socket of the pipe: data flows directly.
        Await.until(
                WAIT,
                () -> {
                    try {
                        return socketsUnder(pipeHome.directory()) == 0;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                "no socket of the pipe left in the parent");
        go.writer().put("go");
        assertThat(result.reader().get(WAIT)).containsExactlyElementsOf(range(0, 1000));
        assertThat(first.join(WAIT)).isTrue();
        assertThat(second.join(WAIT)).isTrue();
        assertThat(first.exitCode()).hasValue(0);
        assertThat(second.exitCode()).hasValue(0);
    }

    /** Counts this process's sockets bound to, or accepted on, a path in {@code dir} (from /proc/net/unix). */
    static long socketsUnder(Path dir) throws java.io.IOException {
        java.util.Set<String> inodes = new java.util.HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (java.io.IOException e) {
                    // closed meanwhile
                }
            }
        }
        return Files.readAllLines(Path.of("/proc/net/unix")).stream()
                .skip(1)
                .map(line -> line.trim().split("\\s+"))
                .filter(cols -> cols.length >= 8 && inodes.contains(cols[6]) && cols[7].startsWith(dir.toString()))
                .count();
    }

    @Test
    void aDuplexEndMovesToAChildThatEchoes() {
        ProcessLauncher launcher = ext.launcher();
        DuplexPipe<String> d = launcher.duplexPipe();
        var childEnd = d.second();
        GipcProcess child = launcher.start(() -> {
            try {
                while (true) {
                    childEnd.put("echo:" + childEnd.get());
                }
            } catch (GipcEofException e) {
                // the parent closed its end
            }
        });
        for (int i = 0; i < 100; i++) {
            d.first().put("m" + i);
            assertThat(d.first().get(WAIT)).isEqualTo("echo:m" + i);
        }
        d.first().close();
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(0);
    }

    @Test
    void severalPipesPerChildAndUnusedHandlesEndCleanly() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> used = launcher.pipe();
        Pipe<String> unusedWriterPipe = launcher.pipe();
        Pipe<String> unusedReaderPipe = launcher.pipe();
        var w = used.writer();
        var idleWriter = unusedWriterPipe.writer();
        var idleReader = unusedReaderPipe.reader();
        GipcProcess child = launcher.start(() -> {
            w.put("only this one");
            if (idleWriter == null || idleReader == null) {
                System.exit(4);
            }
        });
        assertThat(used.reader().get(WAIT)).isEqualTo("only this one");
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(0);
        assertThatThrownBy(() -> unusedWriterPipe.reader().get(WAIT)).isInstanceOf(GipcEofException.class);
        PipeAssertions.assertPutBreaks(unusedReaderPipe.writer(), "nobody reads this", WAIT);
    }

    @Test
    void aHandleCanMoveOnlyOnce() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> p = launcher.pipe();
        var r = p.reader();
        Pipe<String> release = launcher.pipe();
        var releaseReader = release.reader();
        GipcProcess first = launcher.start(() -> {
            releaseReader.get();
            r.close();
        });
        assertThatThrownBy(() -> launcher.start(() -> r.get()))
                .isInstanceOf(GipcClosedException.class)
                .hasMessageContaining("moved to child");
        release.writer().put("go");
        assertThat(first.join(WAIT)).isTrue();
    }

    static List<Integer> drain(PipeReader<Integer> r) {
        List<Integer> got = new ArrayList<>();
        try {
            while (true) {
                got.add(r.get());
            }
        } catch (GipcEofException e) {
            return got;
        }
    }

    static List<Integer> range(int from, int to) {
        List<Integer> l = new ArrayList<>();
        for (int i = from; i < to; i++) {
            l.add(i);
        }
        return l;
    }
}
