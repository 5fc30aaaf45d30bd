package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gipc.internal.pipe.Handoffs;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Handovers always finish: a full pipe or a writer that never pauses cannot hold a start, a join or a move. */
class HandoverProgressTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final LauncherExtension ext = new LauncherExtension();

    @RepeatedTest(5) // how full the pipe is when the move begins varies from run to run
    void startReturnsWhenTheMovedWriterStillHasFramesQueuedForAFullPipe() throws Exception {
        ProcessLauncher launcher = ext.launcher();
        Pipe<byte[]> p = launcher.pipe(Codec.raw());
        AtomicInteger limit = new AtomicInteger(Integer.MAX_VALUE);
        AtomicInteger returned = new AtomicInteger();
        Thread filler = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < limit.get(); i++) {
                p.writer().put(DeliveryGuaranteeTests.numbered(i));
                returned.incrementAndGet();
            }
        });
        DeliveryGuaranteeTests.awaitFull(filler, returned);
        // let the blocked put be the last one and read only until it returns: the pipe is full again, frames may
        // wait in the writer's queue, and no thread is inside put()
        int total = returned.get() + 1;
        limit.set(total);
        int read = 0;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (filler.isAlive() && System.nanoTime() < deadline) {
            assertThat(DeliveryGuaranteeTests.number(p.reader().get(WAIT))).isEqualTo(read);
            read++;
        }
        assertThat(filler.join(WAIT)).isTrue();
        var w = p.writer();
        CompletableFuture<GipcProcess> start = CompletableFuture.supplyAsync(
                () -> launcher.start(() -> w.put(DeliveryGuaranteeTests.numbered(total))));
        GipcProcess child = start.get(20, TimeUnit.SECONDS);
        for (int i = read; i <= total; i++) {
            assertThat(DeliveryGuaranteeTests.number(p.reader().get(WAIT))).isEqualTo(i);
        }
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(0);
        assertThatThrownBy(() -> p.reader().get(WAIT)).isInstanceOf(GipcEofException.class);
    }

    @Test
    void aReaderMoveFinishesWhileTheWriterStreamsWithoutPause() throws Exception {
        ProcessLauncher launcher = ext.launcher();
        Pipe<Integer> p = launcher.pipe();
        Pipe<String> report = launcher.pipe();
        var r = p.reader();
        var reportWriter = report.writer();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        Thread writer = Thread.ofVirtual().start(() -> {
            while (!stop.get()) {
                p.writer().put(sent.get());
                sent.incrementAndGet();
            }
            p.writer().close();
        });
        GipcProcess child = launcher.start(() -> {
            int n = 0;
            try {
                while (true) {
                    int v = r.get();
                    if (v != n) {
                        reportWriter.put("message " + v + " arrived where " + n + " was expected");
                        return;
                    }
                    n++;
                }
            } catch (GipcEofException e) {
                reportWriter.put("received " + n);
            }
        });
        try {
            // this process relays to the child only until the writer follows the reader
            assertThat(Handoffs.awaitIdle(20_000)).isTrue();
            assertThat(writer.isAlive()).isTrue();
        } finally {
            stop.set(true);
        }
        assertThat(writer.join(WAIT)).isTrue();
        assertThat(report.reader().get(WAIT)).isEqualTo("received " + sent.get());
        assertThat(child.join(WAIT)).isTrue();
    }
}
