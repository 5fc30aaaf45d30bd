package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Peers that die: survivors see end of stream or a broken pipe, never a hang, never lost or doubled data. */
class FailureTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final LauncherExtension ext = new LauncherExtension();

    @Test
    void aWriterKilledInTheMiddleOfAMessageLeavesTheReaderEveryWholeMessageThenEndOfStream() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<byte[]> p = launcher.pipe(Codec.raw());
        var w = p.writer();
        GipcProcess child = launcher.start(
                () -> {
                    for (int i = 0; i < 10; i++) {
                        w.put(new byte[] {(byte) i});
                    }
                    byte[] huge = new byte[512 << 20];
                    while (true) {
                        w.put(huge);
                    }
                },
                ChildOptions.named("dying-writer").withJvmArguments("-Xmx1200m"));
        for (int i = 0; i < 10; i++) {
            assertThat(p.reader().get(WAIT)).containsExactly(i);
        }
        child.kill();
        // whole 512 MiB messages may have arrived before the kill; the partial one must not
        long deadline = System.nanoTime() + WAIT.toNanos();
        assertThatThrownBy(() -> {
                    while (System.nanoTime() < deadline) {
                        assertThat(p.reader().get(WAIT)).hasSize(512 << 20);
                    }
                })
                .isInstanceOf(GipcEofException.class);
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(-9);
    }

    @Test
    void aReaderKilledInTheMiddleOfAMessageGivesTheWriterABrokenPipe() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<byte[]> p = launcher.pipe(Codec.raw());
        Pipe<String> ready = launcher.pipe();
        var r = p.reader();
        var readyWriter = ready.writer();
        GipcProcess child = launcher.start(() -> {
            r.get();
            readyWriter.put("got the first");
            new java.util.concurrent.CountDownLatch(1).await();
        });
        p.writer().put(new byte[1]);
        assertThat(ready.reader().get(WAIT)).isEqualTo("got the first");
        Thread killer = Thread.ofVirtual().start(child::kill);
        assertThatThrownBy(() -> {
                    while (true) {
                        p.writer().put(new byte[64 << 20]);
                    }
                })
                .isInstanceOf(GipcBrokenPipeException.class);
        assertThat(child.join(WAIT)).isTrue();
        assertThat(killer.isAlive()).isFalse();
    }

    @Test
    void aHolderKilledAfterConnectingGivesTheOtherSideEndOfStream() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<Integer> p = launcher.pipe();
        var w = p.writer();
        GipcProcess child = launcher.start(() -> {
            for (int i = 0; ; i++) {
                w.put(i);
            }
        });
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            got.add(p.reader().get(WAIT));
        }
        child.kill();
        try {
            while (true) {
                got.add(p.reader().get(WAIT));
            }
        } catch (GipcEofException expected) {
            // every message before the kill, none twice, in order
        }
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i)).isEqualTo(i);
        }
        assertThat(child.join(WAIT)).isTrue();
    }

    @Test
    void aDuplexPeerKilledGivesEndOfStreamAndBrokenPipe() {
        ProcessLauncher launcher = ext.launcher();
        DuplexPipe<String> d = launcher.duplexPipe();
        var theirs = d.second();
        GipcProcess child = launcher.start(() -> {
            theirs.put("hello");
            new java.util.concurrent.CountDownLatch(1).await();
        });
        assertThat(d.first().get(WAIT)).isEqualTo("hello");
        child.kill();
        assertThat(child.join(WAIT)).isTrue();
        assertThatThrownBy(() -> d.first().get(WAIT)).isInstanceOf(GipcEofException.class);
        PipeAssertions.assertPutBreaks(d.first(), "x", WAIT);
    }
}
