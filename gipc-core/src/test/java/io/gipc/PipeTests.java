package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pipe semantics between threads of one process (SPEC §4, Pipes). */
class PipeTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final LauncherExtension ext = new LauncherExtension();

    @Test
    void messagesArriveWholeAndInOrder() {
        Pipe<Object> p = ext.launcher().pipe();
        for (int i = 0; i < 1000; i++) {
            p.writer().put(i);
        }
        for (int i = 0; i < 1000; i++) {
            assertThat(p.reader().get(WAIT)).isEqualTo(i);
        }
        p.close();
    }

    @Test
    void concurrentPutsNeverInterleaveAndConcurrentGetsGetDistinctMessages() throws Exception {
        Pipe<byte[]> p = ext.launcher().pipe(Codec.raw());
        int writers = 8;
        int perWriter = 500;
        ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                readers.add(pool.submit(() -> {
                    while (true) {
                        byte[] m = p.reader().get(WAIT);
                        if (m.length == 0) {
                            return null;
                        }
                        // every byte of a message is its writer's id: a mix would show interleaving
                        for (byte b : m) {
                            assertThat(b).isEqualTo(m[0]);
                        }
                        received.add(m[0] + ":" + m.length + ":" + ((m[1] & 0xff) << 8 | (m[2] & 0xff)));
                    }
                }));
            }
            List<Future<?>> puts = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                byte id = (byte) w;
                puts.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        byte[] m = new byte[3 + 1000 * (i % 70)];
                        java.util.Arrays.fill(m, id);
                        m[1] = id;
                        m[2] = id;
                        p.writer().put(m);
                    }
                    return null;
                }));
            }
            for (Future<?> f : puts) {
                f.get(60, TimeUnit.SECONDS);
            }
            for (int r = 0; r < 4; r++) {
                p.writer().put(new byte[0]);
            }
            for (Future<?> f : readers) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
        assertThat(received).hasSize(writers * perWriter);
    }

    @Test
    void concurrentGetsReceiveEveryMessageExactlyOnce() throws Exception {
        Pipe<Integer> p = ext.launcher().pipe();
        Set<Integer> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Integer> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 6; r++) {
                readers.add(pool.submit(() -> {
                    while (true) {
                        int m = p.reader().get(WAIT);
                        if (m < 0) {
                            return null;
                        }
                        if (!seen.add(m)) {
                            duplicates.add(m);
                        }
                    }
                }));
            }
            for (int i = 0; i < 5000; i++) {
                p.writer().put(i);
            }
            for (int r = 0; r < 6; r++) {
                p.writer().put(-1);
            }
            for (Future<?> f : readers) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
        assertThat(duplicates).isEmpty();
        assertThat(seen).hasSize(5000);
    }

    @Test
    void putBlocksWhileThePipeIsFullAndResumesAsTheReaderDrains() throws Exception {
        Pipe<byte[]> p = ext.launcher().pipe(Codec.raw());
        byte[] chunk = new byte[64 << 10];
        int total = 200; // 12.5 MiB: far more than the pipe holds
        CountDownLatch done = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        Thread writer = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < total; i++) {
                p.writer().put(chunk);
                written.incrementAndGet();
            }
            done.countDown();
        });
        // The writer blocks while nobody reads: the pipe holds at most 4 MiB.
        awaitBlocked(writer);
        assertThat(done.getCount()).isEqualTo(1);
        assertThat((long) written.get() * chunk.length).isLessThanOrEqualTo(4L << 20);
        for (int i = 0; i < total; i++) {
            assertThat(p.reader().get(WAIT)).hasSize(chunk.length);
        }
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        writer.join();
    }

    @Test
    void getWithTimeoutThrowsWhenNothingArrivesAndZeroPolls() {
        Pipe<String> p = ext.launcher().pipe();
        assertThatThrownBy(() -> p.reader().get(Duration.ofMillis(50))).isInstanceOf(GipcTimeoutException.class);
        assertThatThrownBy(() -> p.reader().get(Duration.ZERO)).isInstanceOf(GipcTimeoutException.class);
        p.writer().put("x");
        assertThat(p.reader().get(WAIT)).isEqualTo("x");
        assertThatThrownBy(() -> p.reader().get(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTimeoutNeverConsumesOrSplitsAMessage() throws Exception {
        Pipe<byte[]> p = ext.launcher().pipe(Codec.raw());
        byte[] big = new byte[40 << 20];
        for (int i = 0; i < big.length; i += 4096) {
            big[i] = (byte) (i >> 12);
        }
        CompletableFuture<Void> put =
                CompletableFuture.runAsync(() -> p.writer().put(big), Executors.newVirtualThreadPerTaskExecutor());
        int timeouts = 0;
        byte[] got = null;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (got == null && System.nanoTime() < deadline) {
            try {
                got = p.reader().get(Duration.ofNanos(1));
            } catch (GipcTimeoutException e) {
                timeouts++;
            }
        }
        put.get(20, TimeUnit.SECONDS);
        assertThat(got).isEqualTo(big);
        assertThatThrownBy(() -> p.reader().get(Duration.ZERO)).isInstanceOf(GipcTimeoutException.class);
        assertThat(timeouts).isPositive();
    }

    @Test
    void closeIsIdempotentAndClosedHandlesThrow() {
        Pipe<String> p = ext.launcher().pipe();
        p.reader().close();
        p.reader().close();
        p.writer().close();
        p.writer().close();
        p.close();
        assertThatThrownBy(() -> p.reader().get())
                .isInstanceOf(GipcClosedException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> p.writer().put("x")).isInstanceOf(GipcClosedException.class);
    }

    @Test
    void closingAReaderThatAnotherThreadWaitsOnThrowsLockedAndLeavesItOpen() throws Exception {
        Pipe<String> p = ext.launcher().pipe();
        CompletableFuture<String> waiting = new CompletableFuture<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                waiting.complete(p.reader().get());
            } catch (RuntimeException e) {
                waiting.completeExceptionally(e);
            }
        });
        awaitBlocked(t);
        assertThatThrownBy(() -> p.reader().close()).isInstanceOf(GipcLockedException.class);
        p.writer().put("still open");
        assertThat(waiting.get(20, TimeUnit.SECONDS)).isEqualTo("still open");
        p.close();
    }

    @Test
    void closingAWriterThatAnotherThreadIsBlockedInThrowsLocked() throws Exception {
        Pipe<byte[]> p = ext.launcher().pipe(Codec.raw());
        CountDownLatch finished = new CountDownLatch(1);
        Thread t = Thread.ofVirtual().start(() -> {
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < 32; i++) {
                p.writer().put(chunk);
            }
            finished.countDown();
        });
        awaitBlocked(t);
        assertThatThrownBy(() -> p.writer().close()).isInstanceOf(GipcLockedException.class);
        for (int i = 0; i < 32; i++) {
            p.reader().get(WAIT);
        }
        assertThat(finished.await(20, TimeUnit.SECONDS)).isTrue();
        p.close();
    }

    @Test
    void duplexHandleWithALockedDirectionClosesTheOtherThenThrows() throws Exception {
        DuplexPipe<String> d = ext.launcher().duplexPipe();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                d.first().get();
            } catch (GipcException e) {
                // expected once the test closes everything
            }
        });
        awaitBlocked(t);
        assertThatThrownBy(() -> d.first().close()).isInstanceOf(GipcLockedException.class);
        // the writing direction of first was closed: second sees end of stream
        assertThatThrownBy(() -> d.first().put("x")).isInstanceOf(GipcClosedException.class);
        assertThatThrownBy(() -> d.second().get(WAIT)).isInstanceOf(GipcEofException.class);
        d.second().put("wake");
        t.join(WAIT);
    }

    @Test
    void closingAPipeClosesEveryEndEvenWhenOneThrows() throws Exception {
        Pipe<String> p = ext.launcher().pipe();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                p.reader().get();
            } catch (GipcException e) {
                // released below
            }
        });
        awaitBlocked(t);
        assertThatThrownBy(p::close).isInstanceOf(GipcLockedException.class);
        assertThatThrownBy(() -> p.writer().put("x")).isInstanceOf(GipcClosedException.class);
        t.join(WAIT);
    }

    @Test
    void readerGetsEveryMessageThenEndOfStreamAfterTheWriterCloses() {
        Pipe<String> p = ext.launcher().pipe();
        p.writer().put("a");
        p.writer().put("b");
        p.writer().close();
        assertThat(p.reader().get(WAIT)).isEqualTo("a");
        assertThat(p.reader().get(WAIT)).isEqualTo("b");
        assertThatThrownBy(() -> p.reader().get(WAIT)).isInstanceOf(GipcEofException.class);
        assertThatThrownBy(() -> p.reader().get(WAIT)).isInstanceOf(GipcEofException.class);
    }

    @Test
    void putAfterTheReaderIsClosedThrowsBrokenPipe() {
        Pipe<String> p = ext.launcher().pipe();
        p.reader().close();
        PipeAssertions.assertPutBreaks(p.writer(), "x", WAIT);
    }

    @Test
    void aMessageLargerThanTheMaximumIsRefusedAndThePipeStaysUsable() {
        Pipe<byte[]> p =
                ext.launcher(LauncherConfig.defaults().withMaxMessageSize(1024)).pipe(Codec.raw());
        assertThatThrownBy(() -> p.writer().put(new byte[1025]))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("1025 bytes")
                .hasMessageContaining("maximum of 1024");
        p.writer().put(new byte[1024]);
        assertThat(p.reader().get(WAIT)).hasSize(1024);
    }

    @Test
    void interruptingABlockedGetFailsItAndClosesTheReader() throws Exception {
        Pipe<String> p = ext.launcher().pipe();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                p.reader().get();
            } catch (Throwable e) {
                failure.complete(e);
            }
        });
        awaitBlocked(t);
        t.interrupt();
        assertThat(failure.get(20, TimeUnit.SECONDS))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("interrupted");
        assertThatThrownBy(() -> p.reader().get()).isInstanceOf(GipcClosedException.class);
    }

    @Test
    void interruptingABlockedPutFailsItAndClosesTheWriter() throws Exception {
        Pipe<byte[]> p = ext.launcher().pipe(Codec.raw());
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    p.writer().put(new byte[1 << 20]);
                }
            } catch (Throwable e) {
                failure.complete(e);
            }
        });
        awaitBlocked(t);
        t.interrupt();
        assertThat(failure.get(20, TimeUnit.SECONDS))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("interrupted");
        assertThatThrownBy(() -> p.writer().put(new byte[1])).isInstanceOf(GipcClosedException.class);
    }

    @Test
    void namedPipesReportTheirTraffic() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<byte[]> p = launcher.pipe("orders", Codec.raw());
        p.writer().put(new byte[10]);
        p.reader().get(WAIT);
        assertThat(launcher.pipeStats())
                .filteredOn(s -> s.name().equals("orders"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.messagesOut()).isEqualTo(1);
                    assertThat(s.bytesOut()).isEqualTo(10);
                    assertThat(s.messagesIn()).isEqualTo(1);
                    assertThat(s.bytesIn()).isEqualTo(10);
                });
        p.close();
        assertThat(launcher.pipeStats())
                .filteredOn(s -> s.name().equals("orders"))
                .singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo("closed"))
                .satisfies(s -> assertThat(s.messagesOut()).isEqualTo(1));
        Pipe<byte[]> again = launcher.pipe("orders", Codec.raw());
        again.writer().put(new byte[5]);
        again.close();
        assertThat(launcher.pipeStats())
                .filteredOn(s -> s.name().equals("orders"))
                .singleElement()
                .satisfies(s -> assertThat(s.bytesOut()).isEqualTo(15));
        Pipe<String> unnamed = launcher.pipe();
        unnamed.close();
        assertThat(launcher.pipeStats()).noneMatch(s -> s.name().startsWith("pipe-"));
    }

    @Test
    void aPipeCanHaveItsOwnMaximumMessageSize() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<byte[]> small = launcher.pipe("small", Codec.raw(), 16);
        assertThatThrownBy(() -> small.writer().put(new byte[17]))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("maximum of 16 bytes of pipe 'small'");
        small.writer().put(new byte[16]);
        assertThat(small.reader().get(WAIT)).hasSize(16);
        assertThatThrownBy(() -> launcher.pipe("zero", Codec.raw(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pipeHandlesCannotBeSentAsMessages() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<Object> p = launcher.pipe();
        Pipe<Object> other = launcher.pipe();
        assertThatThrownBy(() -> p.writer().put(other.reader()))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("cannot be sent through a pipe");
        p.writer().put("usable");
        assertThat(p.reader().get(WAIT)).isEqualTo("usable");
    }

    /** Waits until {@code t} is parked (blocked in get or put) and stays parked, with one deadline. */
    static void awaitBlocked(Thread t) {
        Await.until(Duration.ofSeconds(20), () -> parkedSteadily(t), "thread " + t.getName() + " parked in get or put");
    }

    /** Parked states are also reached briefly inside locks: parked means parked at every one of many looks. */
    private static boolean parkedSteadily(Thread t) {
        for (int i = 0; i < 1000; i++) {
            Thread.State state = t.getState();
            if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
                return false;
            }
            Thread.yield();
        }
        return true;
    }
}
