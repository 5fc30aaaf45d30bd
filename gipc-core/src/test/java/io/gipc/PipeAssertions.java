package io.gipc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

/** Assertions shared by the pipe tests. */
final class PipeAssertions {

    private PipeAssertions() {}

    /**
     * Puts {@code message} until the writer reports a broken pipe, failing after {@code within}: a put may succeed
     * while the pipe's buffer has room, but never for longer ("at once when this process knows it, at the latest
     * when the buffer is full").
     */
    static <T> void assertPutBreaks(PipeWriter<T> writer, T message, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        assertThatThrownBy(() -> {
                    while (System.nanoTime() < deadline) {
                        writer.put(message);
                    }
                })
                .isInstanceOf(GipcBrokenPipeException.class);
    }
}
