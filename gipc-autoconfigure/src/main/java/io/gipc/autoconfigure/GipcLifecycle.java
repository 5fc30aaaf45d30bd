package io.gipc.autoconfigure;

import io.gipc.ProcessLauncher;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.SmartLifecycle;

/**
 * Ends the children of the {@link ProcessLauncher} bean when the context closes: SIGTERM to every child and its
 * descendants, a wait of at most {@code gipc.shutdown.timeout}, then SIGKILL.
 *
 * <p>It stops in phase {@value #PHASE}: after the web server's graceful shutdown has let in-flight requests finish
 * (they may still talk to children), before the web server itself stops. The wait runs on its own thread so that
 * other lifecycles of the same phase stop concurrently. Should the context fail before its lifecycles start, the
 * launcher bean's {@code close()} does the same when the context destroys it.
 *
 * <p>It is not {@linkplain #isPauseable() pauseable}: pausing the context (Spring Framework 7's
 * {@code ConfigurableApplicationContext.pause()}, which the test context cache uses for contexts not in use) leaves
 * the children running, since a restarted context could not bring them back.
 */
public final class GipcLifecycle implements SmartLifecycle {

    /** The phase in which children are terminated. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1536;

    private final ProcessLauncher launcher;

    private final Duration timeout;

    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * Creates the lifecycle.
     *
     * @param launcher the launcher whose children to end
     * @param timeout how long to wait after SIGTERM before SIGKILL
     */
    public GipcLifecycle(ProcessLauncher launcher, Duration timeout) {
        this.launcher = launcher;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        this.running.set(true);
    }

    @Override
    public void stop() {
        this.running.set(false);
        ChildTermination.terminateAll(this.launcher.children(), this.timeout);
    }

    @Override
    public void stop(Runnable callback) {
        this.running.set(false);
        Thread.ofPlatform().name("gipc-shutdown").daemon().start(() -> {
            try {
                ChildTermination.terminateAll(this.launcher.children(), this.timeout);
            } finally {
                callback.run();
            }
        });
    }

    @Override
    public boolean isRunning() {
        return this.running.get();
    }

    /**
     * Returns {@code false}: children keep running while the context is paused, and end only when it closes.
     *
     * @return {@code false}
     */
    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
