package io.gipc.autoconfigure.pools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * A bean that counts how often its JVM created it (once per context) and, once told where, writes a file when its
 * context closes: the test's view into a worker's context.
 */
@Component
class ContextProbe implements DisposableBean {

    /** Contexts started in this JVM: 1 in a SPRING-mode worker that keeps its context. */
    static final AtomicInteger created = new AtomicInteger();

    private volatile String closeMarker = "";

    ContextProbe() {
        created.incrementAndGet();
    }

    void writeOnClose(String marker) {
        this.closeMarker = marker;
    }

    @Override
    public void destroy() {
        if (!this.closeMarker.isEmpty()) {
            try {
                Files.writeString(
                        Path.of(this.closeMarker),
                        "closed in " + ProcessHandle.current().pid());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
