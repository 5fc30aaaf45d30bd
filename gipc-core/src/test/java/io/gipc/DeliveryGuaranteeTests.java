package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gipc.internal.pipe.Handoffs;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every {@code put} that returned normally is delivered unless the reading end is gone, and a put that cannot be
 * delivered says so: the edges where messages used to be lost.
 */
class DeliveryGuaranteeTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int MESSAGE = 100;

    @RegisterExtension
    final LauncherExtension ext = new LauncherExtension();

    static byte[] numbered(int i) {
        return ByteBuffer.allocate(MESSAGE).putInt(0, i).array();
    }

    static int number(byte[] message) {
        return ByteBuffer.wrap(message).getInt(0);
    }

    /** Puts numbered messages until a put throws; {@code returned} counts the puts that returned. */
    static Thread streamUntilFailure(
            PipeWriter<byte[]> writer, AtomicInteger returned, AtomicReference<Throwable> end) {
        return Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; ; i++) {
                    writer.put(numbered(i));
                    returned.incrementAndGet();
                }
            } catch (Throwable t) {
                end.set(t);
            }
        });
    }

    /** Waits until {@code writer} is blocked in a put and stays blocked: the pipe is full. */
    static void awaitFull(Thread writer, AtomicInteger returned) throws InterruptedException {
        while (true) {
            PipeTests.awaitBlocked(writer);
            int n = returned.get();
            PipeTests.awaitBlocked(writer);
            if (returned.get() == n) {
                return;
            }
        }
    }

    /**
     * Waits until {@code writer} makes no progress for a second: the reader's queue and the kernel's buffers are
     * full, not just slow to drain (a child still starting drains in bursts, and a put then returns later).
     */
    static void awaitStuck(Thread writer, AtomicInteger returned) throws InterruptedException {
        int stillFor = 0;
        while (stillFor < 5) {
            awaitFull(writer, returned);
            int n = returned.get();
            // a bounded wait on the writer's end, which must not come: the writer either progresses or is stuck
            assertThat(writer.join(Duration.ofMillis(200))).isFalse();
            stillFor = returned.get() == n ? stillFor + 1 : 0;
        }
    }

    @Test
    void aPutBlockedOnAFullPipeThrowsBrokenPipeWhenTheReaderIsKilled() throws Exception {
        ProcessLauncher launcher = ext.launcher();
        Pipe<byte[]> p = launcher.pipe(Codec.raw());
        Pipe<String> ready = launcher.pipe();
        var r = p.reader();
        var readyWriter = ready.writer();
        GipcProcess child = launcher.start(() -> {
            readyWriter.put("holding the reader");
            new CountDownLatch(1).await();
            r.get();
        });
        assertThat(ready.reader().get(WAIT)).isEqualTo("holding the reader");
        // the writer follows the reader to the child first: before that, a full pipe here is freed by the relay
        assertThat(Handoffs.awaitIdle(20_000)).isTrue();
        AtomicInteger returned = new AtomicInteger();
        AtomicReference<Throwable> end = new AtomicReference<>();
        Thread writer = streamUntilFailure(p.writer(), returned, end);
        awaitStuck(writer, returned);
        int beforeKill = returned.get();
        child.kill();
        assertThat(writer.join(WAIT)).isTrue();
        assertThat(end.get()).isInstanceOf(GipcBrokenPipeException.class);
        // the put that was blocked when the reader died must not return as if it had delivered
        assertThat(returned.get()).isEqualTo(beforeKill);
        assertThat(child.join(WAIT)).isTrue();
    }

    @Test
    void interruptingAPutKeepsEveryMessageOfEarlierPutsThatReturned() throws Exception {
        ProcessLauncher launcher = ext.launcher();
        Pipe<byte[]> p = launcher.pipe(Codec.raw());
        Pipe<String> go = launcher.pipe();
        Pipe<String> result = launcher.pipe();
        var r = p.reader();
        var goReader = go.reader();
        var resultWriter = result.writer();
        GipcProcess child = launcher.start(() -> {
            goReader.get();
            int count = 0;
            try {
                while (true) {
                    int n = number(r.get());
                    if (n != count) {
                        resultWriter.put("message " + n + " arrived where " + count + " was expected");
                        return;
                    }
                    count++;
                }
            } catch (GipcEofException e) {
                resultWriter.put("received " + count);
            }
        });
        AtomicInteger returned = new AtomicInteger();
        AtomicReference<Throwable> end = new AtomicReference<>();
        Thread writer = streamUntilFailure(p.writer(), returned, end);
        awaitFull(writer, returned);
        writer.interrupt();
        assertThat(writer.join(WAIT)).isTrue();
        assertThat(end.get()).isInstanceOf(GipcException.class);
        assertThatThrownBy(() -> p.writer().put(numbered(-1))).isInstanceOf(GipcClosedException.class);
        go.writer().put("read now");
        assertThat(result.reader().get(WAIT)).isEqualTo("received " + returned.get());
        assertThat(child.join(WAIT)).isTrue();
    }

    @Test
    void putAfterTheReaderWasClosedInThisProcessThrowsBrokenPipeAtOnce() {
        ProcessLauncher launcher = ext.launcher();
        for (int i = 0; i < 100; i++) {
            Pipe<String> p = launcher.pipe();
            p.writer().put("before");
            p.reader().close();
            assertThatThrownBy(() -> p.writer().put("after")).isInstanceOf(GipcBrokenPipeException.class);
            p.close();
        }
    }

    @Test
    void aMessageLargerThanThePipeBufferBlocksPutUntilAGetTakesIt() throws Exception {
        ProcessLauncher launcher = ext.launcher();
        Pipe<byte[]> p = launcher.pipe(Codec.raw());
        var w = p.writer();
        Pipe<String> returned = launcher.pipe();
        var returnedWriter = returned.writer();
        GipcProcess child = launcher.start(() -> {
            w.put(new byte[16 << 20]);
            returnedWriter.put("put returned");
        });
        // nobody reads: the 16 MiB put cannot have been taken whole into this process's memory
        assertThatThrownBy(() -> returned.reader().get(Duration.ofSeconds(3))).isInstanceOf(GipcTimeoutException.class);
        assertThat(p.reader().get(WAIT)).hasSize(16 << 20);
        assertThat(returned.reader().get(WAIT)).isEqualTo("put returned");
        assertThat(child.join(WAIT)).isTrue();
    }

    @Test
    void aDecoderThatOverflowsItsStackOrRunsOutOfMemoryFailsThatGetOnly() {
        Codec<String> codec = Codec.of(s -> s.getBytes(), b -> switch (new String(b)) {
            case "deep" -> recurse(0);
            case "huge" -> String.valueOf(new long[Integer.MAX_VALUE - 16].length);
            default -> new String(b);
        });
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> p = launcher.pipe(codec);
        var w = p.writer();
        GipcProcess child = launcher.start(() -> {
            w.put("deep");
            w.put("huge");
            w.put("fine");
        });
        assertThatThrownBy(() -> p.reader().get(WAIT))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("pipe '")
                .hasCauseInstanceOf(StackOverflowError.class);
        assertThatThrownBy(() -> p.reader().get(WAIT))
                .isInstanceOf(GipcException.class)
                .hasCauseInstanceOf(OutOfMemoryError.class);
        assertThat(p.reader().get(WAIT)).isEqualTo("fine");
        assertThat(child.join(WAIT)).isTrue();
    }

    private static String recurse(int depth) {
        return depth < 0 ? "" : recurse(depth + 1);
    }

    @Test
    void closeRacingAGetThrowsLockedOrSucceedsAndNeverWaitsForAMessage() throws Exception {
        ProcessLauncher launcher = ext.launcher();
        for (int i = 0; i < 300; i++) {
            Pipe<String> p = launcher.pipe();
            CountDownLatch both = new CountDownLatch(2);
            Thread getter = Thread.ofVirtual().start(() -> {
                both.countDown();
                try {
                    both.await();
                    p.reader().get(WAIT);
                } catch (GipcException | InterruptedException expected) {
                    // closed under it, or the message below
                }
            });
            CompletableFuture<Void> close = CompletableFuture.runAsync(() -> {
                both.countDown();
                try {
                    both.await();
                    p.reader().close();
                } catch (GipcLockedException expected) {
                    // the get() won
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                close.get(10, TimeUnit.SECONDS);
            } finally {
                try {
                    p.writer().put("release");
                } catch (GipcException readerClosed) {
                    // close() won: nothing to release
                }
            }
            assertThat(getter.join(WAIT)).isTrue();
            p.close();
        }
    }
}
